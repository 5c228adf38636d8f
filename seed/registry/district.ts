// Places a registry row in the most specific District the graph holds: a park or zone named in the address,
// else the 区县 column, else the region itself; null when province, city or address say it is elsewhere.
import type { RegistryContext } from './context.js';

export interface DistrictPick {
  id: string | null;
  how: string;
  problem?: string;
}

const norm = (s: string): string => s.replace(/（/g, '(').replace(/）/g, ')').replace(/\s/g, '');

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Strips the region's own name from the front (长春市净月区 → 净月区). */
const regionPrefix = (ctx: RegistryContext) => {
  const own = [...ctx.region.own].sort((a, b) => b.length - a.length);
  return own.length ? new RegExp(`^(${own.map(escapeRe).join('|')})`) : /^$/;
};

export function buildDistrictIndex(ctx: RegistryContext) {
  const prefix = regionPrefix(ctx);
  const keys: { key: string; id: string }[] = [];
  for (const d of ctx.districts) {
    if (d.id === ctx.regionId) continue;
    for (const raw of d.keys) {
      const k = norm(raw);
      if (k.length >= 4) keys.push({ key: k, id: d.id });
      const stripped = k.replace(prefix, '');
      if (stripped !== k && stripped.length >= 5) keys.push({ key: stripped, id: d.id });
      if (stripped.length - 2 >= 6) keys.push({ key: stripped.slice(2), id: d.id });
    }
  }
  const exact = new Map<string, string>();
  for (const d of ctx.districts) for (const raw of d.keys) exact.set(norm(raw), d.id);
  const province = ctx.region.province.length
    ? new RegExp(`^(中国)?(${ctx.region.province.map(escapeRe).join('|')})?`)
    : /^(中国)?/;
  return { keys, exact, prefix, province };
}
export type DistrictIndex = ReturnType<typeof buildDistrictIndex>;

export function pickDistrict(
  ctx: RegistryContext,
  index: DistrictIndex,
  row: { province?: string; city?: string; county?: string; address?: string },
): DistrictPick {
  const province = norm(row.province ?? '');
  const city = norm(row.city ?? '');
  const county = norm(row.county ?? '');
  const address = norm(row.address ?? '');
  const { names, province: provinceNames, counties } = ctx.region;
  if (province && provinceNames.length && !provinceNames.some((w) => province.includes(w)))
    return { id: null, how: 'outside', problem: `outside the region: 省份 ${row.province}` };
  if (city && !names.some((w) => city.includes(w)))
    return { id: null, how: 'outside', problem: `outside the region: 城市 ${row.city}` };
  const addressRest = address.replace(index.province, '');
  // An address may open with a county of the region instead of the city (吉林省德惠市…).
  if (
    !city &&
    ![...names, ...counties].some((w) => addressRest.startsWith(w)) &&
    !index.keys.some((k) => addressRest.startsWith(k.key))
  )
    return { id: null, how: 'outside', problem: `outside the region: 注册地址 ${row.address ?? ''}` };
  // Address: the match ending latest (addresses run coarse → fine), the longest on a tie.
  let best: { id: string; end: number; len: number } | null = null;
  for (const { key, id } of index.keys) {
    const at = address.lastIndexOf(key);
    if (at < 0) continue;
    const end = at + key.length;
    if (!best || end > best.end || (end === best.end && key.length > best.len)) best = { id, end, len: key.length };
  }
  if (best) return { id: best.id, how: '注册地址' };
  if (county) {
    // A 区县 column may carry the province and city in front (吉林省长春市高新技术产业开发区).
    const bare = county.replace(index.province, '').replace(index.prefix, '');
    const id = [county, bare, ...names.map((n) => `${n}${bare}`)].map((k) => index.exact.get(k)).find(Boolean);
    if (id) return { id, how: '区县 column' };
    if (counties.includes(county) || counties.includes(bare))
      return { id: ctx.regionId, how: '区县 column (no node of its own)' };
  }
  // The county named first (addresses run coarse → fine).
  const named = counties
    .map((c) => ({ c, at: address.indexOf(c) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)[0]?.c;
  if (named) {
    const id = index.exact.get(named);
    return { id: id ?? ctx.regionId, how: id ? '注册地址' : '注册地址 (district with no node of its own)' };
  }
  return {
    id: ctx.regionId,
    how: 'city only',
    problem: `no district: 区县 empty and 注册地址 names only the city (${ctx.region.own[0] ?? ctx.regionId})`,
  };
}
