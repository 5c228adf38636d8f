// Places a registry row in the most specific District the graph holds: a park or zone named in the address,
// else the 区县 column, else the region itself; null when province, city or address say it is elsewhere.
import type { RegistryContext } from './context.js';

export interface DistrictPick {
  id: string | null;
  how: string;
  problem?: string;
}

const norm = (s: string): string => s.replace(/（/g, '(').replace(/）/g, ')').replace(/\s/g, '');

// The region's districts and counties with no node of their own in the graph (GB/T 2260, 长春市 2020+).
const REGION_COUNTIES = [
  '宽城区',
  '二道区',
  '绿园区',
  '双阳区',
  '九台区',
  '农安县',
  '德惠市',
  '榆树市',
  '公主岭市',
  '朝阳区',
  '南关区',
];
const REGION_WORDS = ['长春', '公主岭'];
// Counties an address may open with instead of 长春市 (吉林省德惠市…); 朝阳区 is also Beijing's, so not here.
const REGION_OPENERS = REGION_COUNTIES.filter((c) => c !== '朝阳区');
// A 区县 column may carry the province and city in front (吉林省长春市高新技术产业开发区).
const countyForms = (county: string): string[] => {
  const bare = county.replace(/^(吉林省)?(长春市)?/, '');
  return [county, bare, `长春${bare}`];
};

export function buildDistrictIndex(ctx: RegistryContext) {
  const keys: { key: string; id: string }[] = [];
  for (const d of ctx.districts) {
    if (d.id === ctx.regionId) continue;
    for (const raw of d.keys) {
      const k = norm(raw);
      if (k.length >= 4) keys.push({ key: k, id: d.id });
      const stripped = k.replace(/^长春(市)?/, '');
      if (stripped !== k && stripped.length >= 5) keys.push({ key: stripped, id: d.id });
      if (stripped.length - 2 >= 6) keys.push({ key: stripped.slice(2), id: d.id });
    }
  }
  const exact = new Map<string, string>();
  for (const d of ctx.districts) for (const raw of d.keys) exact.set(norm(raw), d.id);
  return { keys, exact };
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
  if (province && !province.includes('吉林'))
    return { id: null, how: 'outside', problem: `outside the region: 省份 ${row.province}` };
  if (city && !REGION_WORDS.some((w) => city.includes(w)))
    return { id: null, how: 'outside', problem: `outside the region: 城市 ${row.city}` };
  const addressRest = address.replace(/^(中国)?(吉林省)?/, '');
  if (
    !city &&
    ![...REGION_WORDS, ...REGION_OPENERS].some((w) => addressRest.startsWith(w)) &&
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
    const forms = countyForms(county);
    const id = forms.map((f) => index.exact.get(f) ?? index.exact.get(f.replace(/^长春(市)?/, ''))).find(Boolean);
    if (id) return { id, how: '区县 column' };
    if (forms.some((f) => REGION_COUNTIES.includes(f)))
      return { id: ctx.regionId, how: '区县 column (no node of its own)' };
  }
  const named = REGION_COUNTIES.find((c) => address.includes(c));
  if (named) {
    const id = index.exact.get(named);
    return { id: id ?? ctx.regionId, how: id ? '注册地址' : '注册地址 (district with no node of its own)' };
  }
  return {
    id: ctx.regionId,
    how: 'city only',
    problem: 'no district: 区县 empty and 注册地址 names only the city (长春市)',
  };
}
