// Who a request is: the bearer token looked up in the token store (once per request), and the address
// failed tokens are counted against. The context and the throttle plugin both ask here.
import type { IncomingMessage } from 'node:http';
import type { CallerRole } from './roles.js';
import type { FailedTokenThrottle } from './throttle.js';
import { clientAddress, type TrustedProxies } from './client-address.js';
import type { TokenStore } from './token-store.js';

export interface Caller {
  role: CallerRole;
  /** true when a bearer token was sent but is not known (or the header is not a bearer token). */
  badToken: boolean;
  /** Who writes, for the audit trail: role, the holder's name and the token's fingerprint (never the token). */
  actor: { role: CallerRole; name?: string; fingerprint: string };
}

const ANONYMOUS: Caller = { role: 'public', badToken: false, actor: { role: 'public', fingerprint: 'none' } };

export class Authenticator {
  private readonly known = new WeakMap<Request, Caller>();

  constructor(
    readonly store: TokenStore,
    readonly throttle: FailedTokenThrottle,
    private readonly proxies: TrustedProxies,
  ) {}

  /** Whether the request carries any credentials (then it is subject to the throttle). */
  static presentsToken(request: Request): boolean {
    return (request.headers.get('authorization') ?? '').trim().length > 0;
  }

  identify(request: Request): Caller {
    const cached = this.known.get(request);
    if (cached) return cached;
    const header = (request.headers.get('authorization') ?? '').trim();
    const match = /^Bearer\s+(.+)$/i.exec(header);
    const holder = match ? this.store.lookup(match[1].trim()) : null;
    const caller: Caller = holder
      ? {
          role: holder.role,
          badToken: false,
          actor: { role: holder.role, name: holder.name, fingerprint: holder.fingerprint },
        }
      : { ...ANONYMOUS, badToken: header.length > 0 };
    this.known.set(request, caller);
    return caller;
  }

  /** The address of the client (node's request in the server context; unknown under `app.fetch`). */
  addressOf(request: Request, serverContext: unknown): string {
    const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
    return clientAddress(req?.socket?.remoteAddress, request.headers.get('x-forwarded-for'), this.proxies);
  }
}
