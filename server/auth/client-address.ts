// The address a request comes from, for throttling failed tokens: the TCP peer, or, when the peer is a
// trusted proxy (KG_TRUSTED_PROXY), the right-most X-Forwarded-For hop that is not a trusted proxy.
// Hops left of an untrusted one are the client's own claims and are never believed.
import { BlockList, isIP } from 'node:net';

export type TrustedProxies = BlockList | null;

const plain = (address: string) => {
  const a = address.trim().replace(/^\[|\]$/g, '');
  return a.toLowerCase().startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
};

/** Parses KG_TRUSTED_PROXY: comma-separated addresses, CIDR blocks or `loopback`; throws naming the bad item. */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  if (!text?.trim()) return null;
  const list = new BlockList();
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (!item) continue;
    if (item === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, bits, extra] = item.split('/');
    const family = isIP(plain(address));
    const prefix = Number(bits);
    const max = family === 4 ? 32 : 128;
    if (
      !family ||
      extra !== undefined ||
      (bits !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max))
    )
      throw new Error(`KG_TRUSTED_PROXY: "${item}" is not an address, a CIDR block (e.g. 10.0.0.0/8) or loopback`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(plain(address), type);
    else list.addSubnet(plain(address), prefix, type);
  }
  return list;
}

const trusted = (proxies: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

/** The client's address: the peer unless it is a trusted proxy that forwarded the request. */
export function clientAddress(peer: string | undefined, forwardedFor: string | null, proxies: TrustedProxies): string {
  let address = peer ? plain(peer) : 'unknown';
  if (!proxies || !forwardedFor || !trusted(proxies, address)) return address;
  const hops = forwardedFor
    .split(',')
    .map(plain)
    .filter((h) => h.length > 0);
  // From the right: each trusted hop passes the request on; the first untrusted one is the client.
  for (let i = hops.length - 1; i >= 0; i--) {
    address = hops[i];
    if (!trusted(proxies, address)) break;
  }
  return address;
}
