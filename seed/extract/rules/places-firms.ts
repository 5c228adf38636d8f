// Named places (District: zones, parks, districts) with HOSTS (承载地 / 核心区), firms (Enterprise) with
// LEADS (链主), universities, institutes and policy titles (《…》, stored without the brackets).
import { type Context, chainFor } from '../context.js';
import { FIRM_SUFFIX_RE, INSTITUTE_RE, UNIVERSITY_RE, ZONE_RE } from '../lexicon.js';
import { type Span, clauseRange } from '../text.js';
import type { ExtractedRef } from '../types.js';

const LEFT_CUT =
  /^.*(?:链主企业|龙头企业|确定|明确|地处|坐落在|坐落于|带动|帮助|通过|输送给|服务|进入|深入|指导|协助|即|走进|走访|来到|考察|察看|参观|共建|组建|成立|设立|发挥|充分|做强|做大|做优|加速|加快|搭建|高标准|要|把|其中|以及|为|是|在|于|由|把|将|对|和|与(?!工程|技术|信息|管理|环境|应用)|及|等|的|了|以|从|向|到|落户|位于|入驻|依托|推动|支持|建设|打造|包括|有(?![机色])|、|，|“|”)/;

const LIST_VERB = /^(?:支持|推动|引导|鼓励|培育|依托|推进|引进|包括|组织|指导|帮助)/;

function trimLeft(raw: string): string {
  const cut = LEFT_CUT.exec(raw);
  return cut ? raw.slice(cut[0].length) : raw;
}

/** trimLeft on a name's stem only, so that a firm suffix (有限公司) is never cut into. */
function trimStem(raw: string): string {
  const suffix = new RegExp(`(?:${FIRM_SUFFIX_RE})$`).exec(raw)?.[0] ?? '';
  return trimLeft(raw.slice(0, raw.length - suffix.length)) + suffix;
}

function placesIn(ctx: Context, s: Span): { ref: ExtractedRef; start: number; end: number }[] {
  const out: { ref: ExtractedRef; start: number; end: number }[] = [];
  const re = new RegExp(`([\\u4e00-\\u9fa5（）()]{2,22}?)(${ZONE_RE})(?![\\u4e00-\\u9fa5]{0,2}(?:办公室|建设))`, 'g');
  for (const m of s.text.matchAll(re)) {
    const name = trimLeft(m[1]!) + m[2]!;
    const stem = name.slice(0, -m[2]!.length);
    const after = s.text.slice(m.index! + m[0].length, m.index! + m[0].length + 6);
    // a generic 园区 after a verb (帮助园区, 输送给园区) leaves no stem; a firm's words are not a place's
    if (/企业/.test(stem)) continue;
    if (/产业|特色|多个|一批/.test(stem) || /^[”"]?[\u4e00-\u9fa5]{0,3}品牌/.test(after)) continue;
    if (
      (stem.length < 2 && !/^(?:经开区|高新区|汽开区)$/.test(name)) ||
      /^(?:全市|各|本|该|重点|省级|国家级|市级|相关|园区|产业|主要|核心|具体|有关|这些|一批|多个|所在|周边|现代|特色|专业)/.test(
        stem,
      )
    )
      continue;
    if (/[\d]/.test(name)) continue;
    const start = m.index! + m[0].length - name.length;
    const span = clauseRange(s, start, m.index! + m[0].length);
    const ref = ctx.collector.node('District', name, span, `place name ending in ${m[2]}`, 0.75, {
      kind: /园$/.test(name) ? 'park' : 'zone',
    });
    out.push({ ref, start, end: m.index! + m[0].length });
  }
  return out;
}

/** Members of a layout slogan: X发展极, X“一核”, X“一心” (S1's 一核一心三极) — each hosts the chain. */
function sloganMembers(ctx: Context, s: Span): void {
  const chain = chainFor(ctx, s);
  if (!chain) return;
  for (const m of s.text.matchAll(/([\u4e00-\u9fa5]{2,16}?)(发展极|“一核”|“一心”|核心区“)/g)) {
    const name = trimLeft(m[1]!);
    if (name.length < 2 || !/(?:区|园|城|镇|县|谷)$/.test(name)) continue;
    const span = clauseRange(s, m.index!, m.index! + m[0].length);
    const ref = ctx.collector.node('District', name, span, `member of a layout slogan (${m[2]})`, 0.7, {
      kind: 'zone',
    });
    ctx.collector.rel('HOSTS', ref, chain, span, `${m[2]!.replace(/[“”]/g, '')} → HOSTS`, 0.75, {
      role: m[2]!.replace(/[“”]/g, ''),
    });
  }
}

function hosts(ctx: Context, s: Span, places: { ref: ExtractedRef; start: number; end: number }[]): void {
  const word = /(主要承载地|核心承载区|承载地|核心区|承载区|集聚区)/.exec(s.text);
  if (!word || !places.length) return;
  // “A、B分别为两条产业链的核心区” pairs places with chains named before: the role rules read it
  if (/分别/.test(s.text) && !ctx.chainMentions.some((m) => m.at >= s.start && m.at < s.end)) return;
  const chain = chainFor(ctx, s);
  if (!chain) return;
  const role = word[1]!;
  // short names in the list before the role word (经开区、长春新区、汽开区、净月区和中韩示范区“4+1”核心区)
  const before = s.text.slice(0, word.index!);
  const list = /((?:[\u4e00-\u9fa5]{2,14}[、和])+[\u4e00-\u9fa5]{2,14})[“"]?[^“”"]{0,8}[”"]?$/.exec(before);
  if (list) {
    for (const raw of list[1]!.split(/[、和]/)) {
      const name = trimLeft(raw);
      if (!/(?:区|园|县|镇|城)$/.test(name) || name.length < 3 || places.some((p) => p.ref.name === name)) continue;
      const at = s.text.indexOf(name, list.index!);
      const ref = ctx.collector.node('District', name, s, 'place in a 承载地/核心区 list', 0.7, { kind: 'zone' });
      places.push({ ref, start: at, end: at + name.length });
    }
  }
  for (const p of places) {
    ctx.collector.rel('HOSTS', p.ref, chain, s, `${role} → HOSTS`, 0.8, { role });
  }
}

const LIST_COUNT =
  /((?:[\u4e00-\u9fa5A-Za-z]{2,20}、)+[\u4e00-\u9fa5A-Za-z]{2,20})(?:等)?(\d+|[一二两三四五六七八九十]+)(?:家|所|个)/;
/** What the words after a counted list say its items are. */
function listLabel(after: string): string | null {
  if (/科研机构|研究院所|院所|研究机构|科研院所/.test(after)) return 'Institute';
  if (/高校|高等院校|大学|院校/.test(after)) return 'University';
  if (/企业|公司|集团|链主|龙头/.test(after)) return 'Enterprise';
  return null;
}

function firms(ctx: Context, s: Span): ExtractedRef[] {
  const found: ExtractedRef[] = [];
  const c = ctx.collector;
  for (const m of s.text.matchAll(
    new RegExp(`([\\u4e00-\\u9fa5（）()]{2,24}?)(${FIRM_SUFFIX_RE})(?!有限|股份|公司)`, 'g'),
  )) {
    const name = trimLeft(m[1]!) + m[2]!;
    if (
      name.length < 4 ||
      /^(?:公司|集团|该|本|各|这|那|此|每|其|按照|根据|依照|重点|龙头|骨干|国有|民营|外资|上市)/.test(name)
    )
      continue;
    // “中钢集团鞍山热能研究院”: a group's name opening an institute's is that institute's, not a firm
    if (
      /^[\u4e00-\u9fa5]{0,8}?(?:研究院|研究所)/
        .exec(s.text.slice(m.index! + m[0].length))?.[0]
        .match(/^[^与和及、在为同]*$/)
    )
      continue;
    const start = m.index! + m[0].length - name.length;
    found.push(c.node('Enterprise', name, clauseRange(s, start, m.index! + m[0].length), 'firm name (公司/集团)', 0.8));
  }
  for (const list of s.text.matchAll(new RegExp(LIST_COUNT, 'g'))) {
    // what the count counts is named right after it, before the clause ends (…问题412个，银行为企业… is no firm list)
    const after = s.text
      .slice(list.index! + list[0].length, list.index! + list[0].length + 20)
      .split(/[，,。；;：:]/)[0]!;
    const label = listLabel(after);
    if (!label) continue;
    // only the first item can carry the words before the list (a later one may hold 和/有: 新和成)
    const items = list[1]!.split('、').map((x, i) => (i ? x : trimStem(x)).replace(/等$/, ''));
    const span = clauseRange(s, list.index!, list.index! + list[0].length);
    for (const item of items) {
      if (item.length < 2) continue;
      const ref = c.node(label, item, span, `“A、B等N家/所…” list of ${label}`, 0.8);
      if (label === 'Enterprise') found.push(ref);
    }
  }
  // “A、B、C等企业作为链主” / “A、B等龙头企业” (a list with no count)
  for (const list of s.text.matchAll(
    /((?:[\u4e00-\u9fa5A-Za-z]{2,12}、)+[\u4e00-\u9fa5A-Za-z]{2,12})等(?:龙头|链主|重点|骨干)?企业/g,
  )) {
    const span = clauseRange(s, list.index!, list.index! + list[0].length);
    // the first item is cut only when the match did not start the clause
    const opens = list.index === 0 || /[，,：:“"]/.test(s.text[list.index! - 1]!);
    for (const [i, raw] of list[1]!.split('、').entries()) {
      // a clause may still open with the verb that governs the list (支持A、B等企业…)
      const item = i ? raw : opens ? raw.replace(LIST_VERB, '') : trimStem(raw);
      if (item.length >= 2 && !/企业|产业|园区|平台/.test(item))
        found.push(c.node('Enterprise', item, span, '“A、B等企业” list', 0.7));
    }
  }
  for (const m of s.text.matchAll(
    /(?:支持|推动|引导|鼓励|培育)([\u4e00-\u9fa5]{2,6}?)(?:成长为|跻身|做大做强|打造成|发展成为|加快)/g,
  )) {
    const name = m[1]!;
    if (/^(?:企业|产业|龙头|园区|项目|链主|全市|本地|重点)/.test(name)) continue;
    found.push(
      c.node(
        'Enterprise',
        name,
        clauseRange(s, m.index!, m.index! + m[0].length),
        'firm supported to grow (支持X成长为…)',
        0.6,
      ),
    );
  }
  return found;
}

function leads(ctx: Context, s: Span, found: ExtractedRef[]): void {
  if (!/链主/.test(s.text) || !found.length) return;
  const chain = chainFor(ctx, s, true);
  if (!chain) return;
  for (const f of found) ctx.collector.rel('LEADS', f, chain, s, '链主 → LEADS', 0.8);
}

function academia(ctx: Context, s: Span): void {
  for (const [re, label] of [
    [UNIVERSITY_RE, 'University'],
    [INSTITUTE_RE, 'Institute'],
  ] as const) {
    for (const m of s.text.matchAll(new RegExp(`([\\u4e00-\\u9fa5]{2,20}?)(${re})`, 'g'))) {
      // 中国科学院 / 中科院 opens an institute's name (中国科学院赣江创新研究院)
      const academy = /(?:中国科学院|中科院)$/.exec(s.text.slice(0, m.index!))?.[0] ?? '';
      const name = academy + trimLeft(m[1]!) + m[2]!;
      if (label === 'University' && /科学院$/.test(name)) continue;
      // 大学城 / 大学科技园 are places, not universities
      if (label === 'University' && /^(?:城|科技园|园)/.test(s.text.slice(m.index! + m[0].length))) continue;
      // a firm's name is not an institute's (中车株洲电力机车研究所有限公司)
      if (new RegExp(`^(?:${FIRM_SUFFIX_RE})`).test(s.text.slice(m.index! + m[0].length))) continue;
      // a university's name inside an institute's name (中国科学技术大学先进技术研究院) is the institute's
      // (but not one that a verb separates from it: 某大学依托某研究院)
      const inside =
        /^(?:[^与和及同共建的，、。\s]|与(?=工程|技术|信息|管理|环境|应用)){0,12}(?:研究院|研究所|实验室)/.exec(
          s.text.slice(m.index! + m[0].length),
        );
      if (label === 'University' && inside && !/依托|联合|牵头|发起|成立|设立|组建|借助|通过/.test(inside[0])) continue;
      // 国家 opens only a long proper name (国家先进轨道交通装备创新中心), not 国家级 / 国家重点…
      if (/^中国科学院$|^国家级|^国家重点/.test(name) || (/^国家/.test(name) && name.length < 9)) continue;
      if (name.length < 4 || /^(?:高等|各|本|该|重点|新型|省级|市级)/.test(name)) continue;
      if (m[2] === '创新中心' && (name.length < 8 || /^(?:技术|产业|企业|科技|制造业|协同)/.test(name))) continue;
      const start = m.index! + m[0].length - name.length;
      if (start < 0) continue;
      ctx.collector.node(
        label,
        name,
        clauseRange(s, start, m.index! + m[0].length),
        `${label === 'University' ? 'university' : 'institute'} name`,
        0.75,
      );
    }
  }
}

function policies(ctx: Context, s: Span): void {
  for (const m of s.text.matchAll(/《([^《》]{2,80})》/g)) {
    const name = m[1]!.trim();
    if (/^(?:[\u4e00-\u9fa5]{1,4})$/.test(name) && /简称|以下/.test(s.text.slice(Math.max(0, m.index! - 8), m.index!)))
      continue;
    // a short title the document declared as an abbreviation (以下简称《行动计划》) is the full one again
    if (name.length <= 8 && new RegExp(`简称[：:]?[《“"]${name}[》”"]`).test(ctx.text)) continue;
    if (/(?:日报|晚报|报|杂志|周刊)$/.test(name) || name.length <= 3) continue;
    // a deputy's proposal or a member's motion (《关于…的建议》) asks for a policy; it is none
    if (/(?:建议|提案|议案)$/.test(name)) continue;
    const span = { text: m[0], start: s.start + m.index!, end: s.start + m.index! + m[0].length };
    const policy = ctx.collector.node('Policy', name, span, '《policy title》', 0.9);
    // 《关于支持动力电池产业链高质量发展的若干措施》: a measure titled as support for a chain supports it;
    // a plan of one chain (《X市Y产业链高质量发展三年行动方案》) supports that chain
    if (/链长制/.test(name)) continue;
    const named = ctx.collector.nodesOf('Chain').filter((c) => name.includes(`${c.name}产业`));
    const chains = named.filter((c) => !named.some((o) => o !== c && o.name.includes(c.name)));
    const support = /支持|扶持|促进|加快|推动|培育/.test(name) && /(?:措施|政策|意见|办法|细则|条)$/.test(name);
    const plan = chains.length === 1 && /(?:方案|计划|规划|意见|措施|政策|办法|细则)(?:（[^）]*）)?$/.test(name);
    if (!support && !plan) continue;
    for (const chain of chains)
      ctx.collector.rel('SUPPORTS', policy, chain, span, '《支持X产业链…措施》/《X产业链…方案》 → SUPPORTS', 0.75);
  }
}

/** Names the graph already holds, found verbatim in a sentence (dictionary built from the graph). */
function knownNodes(ctx: Context, s: Span): ExtractedRef[] {
  const found: ExtractedRef[] = [];
  const taken: [number, number][] = [];
  for (const { name, entry } of ctx.collector.refs.knownNames()) {
    if (entry.label === 'Leader' || entry.label === 'Chain') continue; // posts and chains have their own rules
    for (let i = s.text.indexOf(name); i >= 0; i = s.text.indexOf(name, i + 1)) {
      if (taken.some(([a, b]) => i < b && i + name.length > a)) continue;
      taken.push([i, i + name.length]);
      const ref = ctx.collector.node(
        entry.label,
        entry.name,
        clauseRange(s, i, i + name.length),
        `name the graph holds (${entry.id})`,
        0.85,
      );
      if (entry.label === 'Enterprise') found.push(ref);
    }
  }
  return found;
}

export function extractPlacesAndFirms(ctx: Context): void {
  for (const s of ctx.sentences) {
    const known = knownNodes(ctx, s);
    if (known.length) leads(ctx, s, known);
    policies(ctx, s);
    const places = placesIn(ctx, s);
    hosts(ctx, s, places);
    leads(ctx, s, firms(ctx, s));
    academia(ctx, s);
    sloganMembers(ctx, s);
  }
}
