// The document's city and its mechanism (Program): the mechanism is named as "…链长制" outside a policy
// title, written without a leading verb or city; the city is the one the dateline or most mentions name.
import { slugOf } from '../refs.js';
import type { Span } from '../text.js';
import type { DictionaryProgram } from '../types.js';

/** A provincial mechanism: provincial posts hold its roles and the text speaks of 全省. Returns 江西省-style names. */
export function findProvince(text: string): string | null {
  if (!/全省/.test(text) || !/省委书记|省长|副省长|省委|省政府/.test(text)) return null;
  const counts = new Map<string, number>();
  for (const m of text.matchAll(
    /([\u4e00-\u9fa5]{2,3}?)省(?:委|政府|人大|政协|长|副省长|制造业|重点|产业|印发|出台|推行|实施)/g,
  )) {
    const name = m[1]!.replace(/^(?:全|本|该|各|我|在|由|是|和|与|日前|近日)/, '');
    if (name.length >= 2) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

/** A last character no city name ends with before 市 (全市, 关于市, 已经市, 在市…). */
const NOT_A_NAME_END = /[市省县区于对在和与及由向的是经]$/;

/** Words before 市 that end in 城 but name no city (城市, 县城市场…); 盐城市, 聊城市 are cities. */
const CITY_WORD = /(?:^|[^\u4e00-\u9fa5]|县|省|名|新|古|全|主|老|都|卫星|宜居|智慧|文明|卫生|园林|森林|海绵)城$/;

export function findCity(text: string, title?: string): string | null {
  const dateline = /(?:本网|本报|新华社|讯)([\u4e00-\u9fa5]{2,3}?)\d{1,2}月\d{1,2}日(?:电|讯)/.exec(text);
  if (dateline) return dateline[1]!;
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  const all = `${title ?? ''}\n${text}`;
  const cjk = /^[\u4e00-\u9fa5]+$/;
  const BAD_TWO =
    /^(?:全|本|该|各|城|省|县|我|两|多|直|地|在|为|和|从|由|经|至|到|与|及|对|副|超|门|股|上|下|入|出|开|落|强|新|都)/;
  const BAD_THREE =
    /^(?:全|本|该|各|城|省|县|我|两|多|直|地|在|为|和|从|由|经|至|到|与|及|对|于|是|将|把|记|者|向|的|了|称|据|讯|副)/;
  for (let i = all.indexOf('市'); i >= 0; i = all.indexOf('市', i + 1)) {
    if (/[场民值值井容貌]/.test(all[i + 1] ?? '')) continue;
    if (all[i - 1] === '副') continue; // 副市长, 常务副市长: a post, not a city
    for (const [length, bad] of [
      [2, BAD_TWO],
      [3, BAD_THREE],
    ] as const) {
      const name = all.slice(Math.max(0, i - length), i);
      if (
        name.length === length &&
        cjk.test(name) &&
        !bad.test(name) &&
        !NOT_A_NAME_END.test(name) &&
        !CITY_WORD.test(name)
      )
        bump(name);
    }
  }
  for (const [k, n] of [...counts]) if (k.length === 3 && (counts.get(k.slice(1)) ?? 0) > n) counts.delete(k);
  for (const [k, n] of [...counts])
    if (k.length === 2 && [...counts].some(([t, m]) => t.length === 3 && t.endsWith(k) && m >= n)) counts.delete(k);
  // a name the title writes with 市 counts twice: the title says whose document it is
  for (const [k, n] of [...counts])
    if ((title ?? text.slice(0, text.indexOf('\n'))).includes(`${k}市`)) counts.set(k, n + 2);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (process.env.DBGC) console.error([...counts]);
  return best ? best[0] : null;
}

/** Candidate names of the mechanism, best first, each with the span that states it. */
export function findMechanism(text: string, city: string | null, from: number): { name: string; span: Span }[] {
  const found: { name: string; span: Span; score: number }[] = [];
  for (const m of text.matchAll(/[\u4e00-\u9fa5“”"]{0,20}链长制/g)) {
    const at = m.index!;
    if (at < from) continue;
    const open = text.lastIndexOf('《', at);
    if (open >= 0 && text.indexOf('》', open) > at) continue; // inside a policy title
    if (/^[·•▪●]/.test(text.slice(text.lastIndexOf('\n', at) + 1))) continue; // a related-news link
    // 产业链“链长制”: the quoted word is the mechanism's own, not where its name starts
    let name = m[0].replace(/[“"]链长制$/, '链长制');
    // cut at the last verb or function word, then drop the city prefix
    for (;;) {
      const cut =
        /^.*(?:全面推行|推行|实施|实行|推进|推动|建立|落实|深化|创新|探索|构建|完善|健全|优化|坚持|持续|召开|举行|通报|听取|汇报|部署|总结|上半年|下半年|全年|年度|季度|召集|主持|出席|负责|服务|纳入|列入|引入|助力|介绍|标志着|围绕|聚焦|依托|按照|根据|通过|承担|牵头|担任|执行|开展|读懂|图解|解读|一图|是|在|的|将|把|以|和|与|了|为|从|对|“|”|")/.exec(
          name,
        );
      if (!cut) break;
      name = name.slice(cut[0].length);
    }
    name = name
      .replace(/^.*?[\u4e00-\u9fa5]{2,3}[市省](?!委|政府|人大|政协)/, '')
      .replace(/^(?:全市|本市|我市|全省|我省|本省|市|省)/, '');
    if (city) name = name.replace(new RegExp(`^${city}(?:市)?`), '');
    if (!name.endsWith('链长制') || name.length < 3) continue;
    // an office before the word (市工业和信息化局…链长制办公室) is who runs it, not its name
    if (/局|委员会|办公室|政府|厅/.test(name)) continue;
    const start = at + m[0].length - name.length;
    // the quote: the clause around the name
    const left = Math.max(...['，', ',', '。', '\n', '；'].map((c) => text.lastIndexOf(c, start))) + 1;
    const rightCandidates = ['，', ',', '。', '\n', '；']
      .map((c) => text.indexOf(c, at + m[0].length))
      .filter((i) => i > 0);
    const right = rightCandidates.length ? Math.min(...rightCandidates) : text.length;
    found.push({
      name,
      span: { text: text.slice(left, right), start: left, end: right },
      score: name === '链长制' ? 0.4 : 0.85,
    });
  }
  const byName = new Map<string, { name: string; span: Span; score: number; n: number }>();
  for (const f of found) {
    const k = byName.get(f.name);
    if (k) k.n++;
    else byName.set(f.name, { ...f, n: 1 });
  }
  return [...byName.values()].sort((a, b) => b.score - a.score || b.name.length - a.name.length || b.n - a.n);
}

/** The dictionary's program for this city, if the graph holds one. */
export function programOfCity(programs: DictionaryProgram[], city: string | null): DictionaryProgram | null {
  if (!city) return null;
  return programs.find((p) => p.regionName && (p.regionName === city || p.regionName === `${city}市`)) ?? null;
}

export const citySlug = (city: string | null) => (city ? slugOf(city) : 'program');
