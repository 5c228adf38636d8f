// Chains: the lists that declare the mechanism's chains ("把A、B…列为8条重点产业链", "10条产业链分别为：A，B",
// "A、B和C等3条产业链") — each item a Chain PART_OF the program — and single mentions ("工程机械产业链").
import type { Context } from '../context.js';
import { GENERIC_CHAIN_WORDS } from '../lexicon.js';
import { parseNumeral } from '../numbers.js';
import { findPosts } from './post-titles.js';
import { type Span, sub } from '../text.js';

const COUNT = '(\\d+|[一二两三四五六七八九十]+)';
const LIST_PATTERNS: { re: RegExp; rule: string }[] = [
  {
    re: new RegExp(`(?:把|将)(.+?)(?:列为|确定为|作为)${COUNT}(?:条|大)(重点)?[^，。]{0,8}?(?:产业链|产业|链)`),
    rule: '“把…列为N条…产业链” list',
  },
  {
    re: new RegExp(`${COUNT}(?:条|大)[^，。：:]{0,10}?(?:产业链|产业|链)(?:分别)?(?:为|是|包括)[：:]?(.+)$`),
    rule: '“N条产业链分别为：…” list',
  },
  {
    re: new RegExp(`(?:产业链|链)[^。：:]{0,12}?${COUNT}条[，,]?(?:依次|分别)(?:为|是)[：:]?(.+)$`),
    rule: '“…产业链…N条，依次为：…” list',
  },
  {
    re: new RegExp(
      `(?:^|[，,：:])(?:[\u4e00-\u9fa5]{0,6}?(?:确定|明确|选定|梳理出?|遴选出?|筛选出?|聚焦|围绕|重点发展|打造|培育))?(?:聚焦|围绕|重点发展|发展|打造|培育|将|对)?([^，,：:]+?)等?${COUNT}(?:条|大)(重点|主导|优势)?[^，。]{0,6}?(?:产业链|产业|链)`,
    ),
    rule: '“A、B等N条产业链” list',
  },
  {
    re: /(?:聚焦|围绕|重点打造|打造|重点发展|做强|培育)((?:[^，,：:、。]{2,14}、){2,}[^，,：:、。]{2,14}?)等?(?:重点|主导|优势|特色)?(?:产业链|产业)/,
    rule: '“聚焦A、B、C等产业链” list (no count)',
  },
];

/** A chain's name as the model writes it: no scope note, no trailing 产业链/链/产业. */
export function chainName(raw: string): { name: string; alias?: string } | null {
  let name = raw
    .trim()
    .replace(/^[“"「]|[”"」]$/g, '')
    .replace(/^[（(][一二三四五六七八九十\d]+[）)]/, '') // a clause number: （四）聚焦A、B…
    .replace(/^(?:在|对|将|把|围绕|聚焦|重点发展|包括|涵盖|即)/, '');
  const scoped = /^(.+?)[（(].*[）)]$/.exec(name);
  const alias = scoped ? name : undefined;
  if (scoped) name = scoped[1]!;
  name = name
    .replace(/(?:产业生态链|产业链|生态链|产业集群|产业|链)$/, '')
    .replace(/全$/, '')
    .replace(/(?:\d+|[一二两三四五六七八九十]+)大$/, '');
  if (
    name.length < 2 ||
    name.length > 14 ||
    /\d|[一二两三四五六七八九十]+[条个家]|[亿万]元|超|以上|营业收入|产值/.test(name) ||
    GENERIC_CHAIN_WORDS.has(name) ||
    /链长|(?:重点|主导|优势|新兴|标志性|战略性|支柱|先导|特色|传统|关键|未来)$|^(?:今年|明年|去年|近年|当年)$/.test(
      name,
    ) ||
    findPosts(name).length > 0
  )
    return null;
  if (/^(?:大|重点|全市|全省|各|每|该|本|主导|优势|三大|十大|新兴|这|那|上述|以上|此|其|相关|我市|全区)/.test(name))
    return null;
  // places before 分别为…产业链的核心区 are hosts, not chains
  if (/分别|(?:开发区|高新区|园区|新区|[区县])$/.test(name)) return null;
  return { name, alias };
}

function splitList(list: string, expected: number | null): string[] {
  let items = list
    .replace(/[。；;]$/, '')
    .split(/[、，,；;](?![^（(]*[）)])/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (expected && items.length === expected - 1 && /和|及|与/.test(items.at(-1)!)) {
    const last = items.pop()!;
    items = [...items, ...last.split(/和|及|与/)];
  }
  return items;
}

// (also a person or post taking the chains on: 刘某同时担任A、B两条产业链的链长)
const LIST_LEAD =
  /^[^、，,]*(?:了|通报|介绍|涉及|覆盖|涵盖|包括|担任|兼任|分管|联系|包保)[：:]?|^(?:全市|全省|全区|我市|本市)/;

/** Words that make a "…产业链" mention a clause, not a chain: verbs, schedules, quantities, scope. */
const CLAUSE_WORDS =
  /建立|解决|更新|力争|落实|开展|兑现|会同|参照|研究|听取|召开|推动|要|赴|本地|部分|一次|全年|近期|每年|每季度|严格|组建|成立|设立|牵头|举办|举行|第[一二三四五六七八九十\d]+次|型$/;

function listChains(ctx: Context, sentence: Span, listed: Set<string>): void {
  for (const { re, rule } of LIST_PATTERNS) {
    const m = re.exec(sentence.text);
    if (!m) continue;
    const countText = m
      .slice(1)
      .find((g) => g && parseNumeral(g) !== null && /^(\d+|[一二两三四五六七八九十]+)$/.test(g));
    const count = countText ? parseNumeral(countText) : null;
    let listText = rule.startsWith('“N条') || rule.startsWith('“…产业链…N条') ? m[m.length - 1]! : m[1]!;
    // “A、B、C等10条” / “包括：A、B、C等”: the list names some of the chains, not all
    const partial = /等(?:\d+|[一二两三四五六七八九十]+)(?:条|大)/.test(m[0]) || /等[。；]?$/.test(listText.trim());
    listText = listText.trim().replace(/等[。；]?$/, '');
    // adjectives before the list end at its last 的 (产业基础最好、…最好的A、B、C)
    if (listText.includes('的')) listText = listText.slice(listText.lastIndexOf('的') + 1);
    // a reporting verb or the city's scope before the first item (会议通报了A、B / 全市A、B) is not a name
    listText = listText.replace(LIST_LEAD, '');
    const items = splitList(listText, count).map(chainName);
    const good = items.filter((x): x is { name: string; alias?: string } => !!x);
    if (good.length < 2) continue;
    if (count !== null && (partial ? good.length > count : Math.abs(good.length - count) > 1)) continue;
    const guarantee = /保障链/.test(sentence.text) && !/重点产业链/.test(sentence.text);
    const exact = count !== null && good.length === count;
    for (const item of good) {
      const ref = ctx.collector.node('Chain', item.name, sentence, rule, exact ? 0.9 : 0.7, {
        kind: guarantee ? 'guarantee' : 'key',
        ...(item.alias ? { aliases: [item.alias] } : {}),
      });
      listed.add(ref.id);
      if (ctx.program) ctx.collector.rel('PART_OF', ref, ctx.program, sentence, rule, exact ? 0.9 : 0.7);
    }
    return;
  }
}

const MENTION_CUT =
  /^.*(?:对接|召开|举行|担任|出任|兼任|负责|比如|例如|譬如|其中|推行|实施|推进|支持|推动|围绕|聚焦|打造|发展|为|是|在|于|由|把|将|对|和|与|等|的|了|以|从|向|到|个|条|各|全市|本次|此次|作为|调研|考察|走访|支撑|带动|延伸|补齐|强化|完善|壮大|做强|做大|做优|融入|深入|助力|赋能|拓展|提升|优化|构建|加快|加强|促进|服务于|招引|梳理)/;

function singleChains(ctx: Context, sentence: Span): void {
  for (const m of sentence.text.matchAll(/([\u4e00-\u9fa5（）()]{2,16}?)(?:产业链|产业生态链)(?!链长制)/g)) {
    const open = sentence.text.lastIndexOf('《', m.index!);
    if (open >= 0 && sentence.text.indexOf('》', open) > m.index!) continue; // inside a policy title
    // a list item's number (（一）烟草及配套产业链) is not part of the name
    let raw = m[1]!.replace(/^[（(][一二三四五六七八九十\d]+[）)]/, '');
    // a chain named before wins when this mention ends with its name (召开新能源汽车产业链 → 新能源汽车)
    const named = ctx.collector
      .nodesOf('Chain')
      .map((r) => r.name)
      .filter((n) => raw.endsWith(n))
      .sort((a, b) => b.length - a.length)[0];
    if (named) raw = named;
    else {
      const cut = MENTION_CUT.exec(raw);
      if (cut) raw = raw.slice(cut[0].length);
      // 及 joins a chain's own name (稀土新材料及应用) unless it closes a list (A、B及C产业链)
      const opensList = sentence.text[m.index! - 1] === '、';
      if (opensList && raw.includes('及')) raw = raw.slice(raw.lastIndexOf('及') + 1);
      raw = raw.replace(/^[\u4e00-\u9fa5]{2,3}市/, '').replace(/^(?:全市|本市|我市|市)(?=[\u4e00-\u9fa5]{2})/, '');
      if (ctx.city) raw = raw.replace(new RegExp(`^${ctx.city}(?:市)?`), '');
    }
    const item = chainName(raw);
    if (!item || /[（(）)]/.test(item.name) || (!named && CLAUSE_WORDS.test(item.name))) continue;
    // a short form of a chain already named (光伏 for 晶硅光伏) is that chain, not a new one
    // (机器人 for 机器人及智能装备: the first half of a chain joined by 及/和/与)
    if (
      !named &&
      ctx.collector
        .nodesOf('Chain')
        .some(
          (r) =>
            r.name !== item.name &&
            (r.name.endsWith(item.name) ||
              (/^[及和与]/.test(r.name.slice(item.name.length)) && r.name.startsWith(item.name))),
        )
    )
      continue;
    const end = m.index! + m[0].length;
    const span = sub(sentence, end - m[0].length + m[1]!.length - raw.length, end);
    ctx.collector.node('Chain', item.name, named ? sentence : span, '“…产业链” named', named ? 0.9 : 0.75);
    if (sentence.text[end - m[0].length + m[1]!.length - raw.length - 1] === '、')
      listedBefore(ctx, sentence, end - m[0].length + m[1]!.length - raw.length - 1);
  }
}

/** “分别担任新能源汽车、晶硅光伏产业链链主”: the items before the last one, which alone says 产业链. */
function listedBefore(ctx: Context, sentence: Span, comma: number): void {
  const whole = /[^，,。；;：:“”"]*$/.exec(sentence.text.slice(0, comma))![0];
  // the list opens after a verb or a function word (担任, 围绕, 的…); without one it is no list
  const cut = MENTION_CUT.exec(whole);
  if (!cut) return;
  const lead = whole.slice(cut[0].length);
  let at = comma - lead.length;
  for (const part of lead.split('、')) {
    const here = at;
    at += part.length + 1;
    const item = chainName(part);
    if (!item || item.name !== part || part.length > 10 || CLAUSE_WORDS.test(part)) continue;
    if (/公司|集团|大学|学院|研究|院$|所$|局$|委$|[区县市]$/.test(part)) continue; // a party, not a chain
    ctx.collector.node('Chain', item.name, sub(sentence, here, here + part.length), '“A、B产业链” list', 0.7);
  }
}

export function extractChains(ctx: Context): void {
  const listedChains = new Set<string>();
  for (const s of ctx.sentences) listChains(ctx, s, listedChains);
  for (const s of ctx.sentences) singleChains(ctx, s);
  indexChainMentions(ctx, listedChains);
}

/** Where each chain is named in the text; again after a later rule (an annex table) adds chains. */
export function indexChainMentions(ctx: Context, listed: Set<string>): void {
  ctx.chainMentions.length = 0;
  for (const ref of ctx.collector.nodesOf('Chain')) {
    for (let i = ctx.text.indexOf(ref.name); i >= 0; i = ctx.text.indexOf(ref.name, i + 1)) {
      ctx.chainMentions.push({ ref, at: i, listed: listed.has(ref.id) });
    }
  }
  ctx.chainMentions.sort((a, b) => a.at - b.at);
}
