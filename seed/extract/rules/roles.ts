// Roles stated as "subjects (分别) are chains' role": 链主 → LEADS, 承载地/核心区/主阵地 → HOSTS, 提供…支撑 /
// 协同攻关 / 订单班 → SUPPORTS; where things are (位于/落户/布局在) is located.ts's.
// Subjects are read as a list in the clause before the verb; "分别" pairs them with the chains in order.
import { type Context, chainFor, chainsBetween, focusChain, lineChain } from '../context.js';
import { parseNumeral } from '../numbers.js';
import { type Span, clauses, sub } from '../text.js';
import type { ExtractedRef } from '../types.js';
import { extractLocations } from './located.js';

/** Words a list of names may open with that are not part of the first name. */
const FIRST_CUT =
  /^.*(?:(?:位于|地处|落户于|落户在|落户|坐落于|坐落在|入驻)[^的，,]{2,16}的|链主企业|龙头企业|走进|走访|来到|考察|深入|察看|参观|包括|例如|比如|其中|以及|支持|推动|引导|鼓励|培育|依托|此外|同时|目前|会上|当前|确定|明确|继续把|继续将|把|聚集了|集聚了|汇聚了|吸引了|引进了|拥有|培育了)/;
/** Words that end a name at the right of a list (东风柳汽今年加快… → 东风柳汽). */
const RIGHT_CUT =
  /(?:今年|去年|近年|近期|目前|正在|已经|已|将|也|均|都|加快|积极|持续|不断|发挥|带动|充分|分别|通过|实现|围绕|作为|在|等).*$/;
const NOT_A_FIRM =
  /^(?:这|那|该|此|本|每|各|其)|企业|产业|园区|平台|链主|龙头|政府|部门|单位|高校|院所|大学|学院|研究院|研究所|[市省区县]委|链长|项目|[市省]$/;
/** A firm's name: not a generic word, an office or a university (…研究所有限公司 is a firm). */
const isFirmName = (name: string) =>
  name.length >= 2 && name.length <= 24 && (!NOT_A_FIRM.test(name) || /(?:公司|集团)$/.test(name));
/** A place's name: ends like one (or is a bare city name: 南昌), never a pointer word (该区, 各县区). */
const isPlaceName = (name: string) =>
  (PLACE_END.test(name) || /^[\u4e00-\u9fa5]{2,3}$/.test(name)) &&
  !/^(?:该|本|各|此|这|全|其|我|某|上述|相关|周边|所在|园区|企业|高校)/.test(name);
const PLACE_END = /(?:区|县|市|镇|园|城|谷)$/;

/** Names of a list: split at 、/和/及, the first one cut after a leading verb, the last one before a verb. */
export function nameList(raw: string): string[] {
  const items = raw
    // “X产业链以A区为核心区”: the subject is what follows 以
    .replace(/^.*(?:产业链|链)以/, '')
    .replace(
      /(?:等)?(?:[一二两三四五六七八九十\d]+[家所个])?(?:龙头|链主|重点|骨干|高校院所|高校|院所|科研院所)?(?:企业)?$/,
      '',
    )
    .split(/[、和及与]/)
    .map((x) => x.trim());
  if (items.length)
    // “X产业链以A区为核心区”: the subject is what follows 以
    items[0] = items[0]!
      .replace(/^.*(?:产业链|链)以/, '')
      .replace(FIRST_CUT, '')
      .replace(/^(?:以|由|将|把|对|在)(?=[\u4e00-\u9fa5]{2})/, '');
  return items
    .map((x) => x.replace(/^[\u4e00-\u9fa5]{2,16}?(?:区|园|县|市|镇)的(?=[\u4e00-\u9fa5]{2})/, '')) // 惠安经济开发区的A公司 → A公司
    .filter((x) => x.length >= 2 && /^[\u4e00-\u9fa5A-Za-z0-9（）()]+$/.test(x));
}

/** Pairs subjects with chains: in order under 分别 when the counts agree, else every subject with each chain. */
function pairs<T>(subjects: T[], chains: ExtractedRef[], respectively: boolean): [T, ExtractedRef][] {
  if (respectively && subjects.length === chains.length && chains.length > 1)
    return subjects.map((x, i) => [x, chains[i]!]);
  if (respectively && chains.length > 1) return [];
  return subjects.flatMap((x) => chains.map((c) => [x, c] as [T, ExtractedRef]));
}

const ROLE_RE =
  /^(|.{2,80}?)(分别)?(?:等(?:企业)?(?:作为|成为|是|为)?|(?:则|也|均|已|已经|正|将|共同)?(?:是|为|作为|成为|系|担任|发挥|(?:被)?(?:确定|认定|评|列|选定)为|入选))(?:了)?(?:全市|全省|全区)?[“"]?(?:双|首批)?(?:(.{2,60}?)(?:产业链|链)的?)?((?:主要|核心|重要|重点)?(?:承载地|承载区|核心区|主阵地|集聚区|集聚地)|链主(?:企业)?)/;

/** “A、B分别是X、Y产业链链主” / “石峰区是全市X产业链的核心承载区”, clause by clause. */
function subjectRoles(ctx: Context, s: Span, clause: Span, previousSubject: string | null): string | null {
  const m = ROLE_RE.exec(clause.text);
  if (!m) return /位于|坐落|落户/.test(clause.text) ? clause.text.split(/位于|坐落|落户/)[0]! : null;
  oneRole(ctx, s, clause, m, previousSubject);
  // “A为X产业链链主、B为Y产业链链主”: the rest of the clause is read again
  const rest = m.index! + m[0].length + (/^[、和及]/.test(clause.text.slice(m.index! + m[0].length)) ? 1 : 0);
  if (clause.text.length - rest >= 4) subjectRoles(ctx, s, sub(clause, rest, clause.text.length), null);
  return null;
}

function oneRole(ctx: Context, s: Span, clause: Span, m: RegExpExecArray, previousSubject: string | null): void {
  const leads = m[4]!.startsWith('链主');
  let chains = m[3]
    ? chainsBetween(ctx, clause.start + m.index! + m[1]!.length, clause.start + m.index! + m[0].length - m[4]!.length)
    : [];
  // “A是该产业链链主企业”: a demonstrative names the chain the text was just about
  const pointer = !!m[3] && /^(?:该|本|这条|此|这一)(?:产业)?$/.test(m[3]);
  // “A、B分别为两条产业链的核心区”: the N chains named last before the clause
  const counted = m[3] && !chains.length ? /^(?:这|上述|以上|前述)?([两二三四五六七八九十\d]+)条$/.exec(m[3]) : null;
  if (m[3] && !chains.length && !pointer && !counted) return;
  if (pointer) chains = [chainFor(ctx, s)].filter((c): c is ExtractedRef => !!c);
  if (counted) chains = chainsNamedBefore(ctx, clause.start, parseNumeral(counted[1]!) ?? 0);
  if (counted && !chains.length) return;
  if (!chains.length) {
    const one = chainFor(ctx, s, true) ?? (chainsBetween(ctx, s.start, s.end).length ? null : focusChain(ctx));
    chains = one ? [one] : [];
  }
  // “A、B产业链以X园区为核心承载区”: the chains before 以
  const by = /^(.*)(?:产业链|链)以/.exec(m[1]!);
  if (!chains.length && by)
    chains = chainsBetween(ctx, clause.start + m.index!, clause.start + m.index! + by[0].length);
  let names = nameList(m[1]!);
  if (!names.length && previousSubject) names = nameList(previousSubject);
  // “这家企业是X产业链链主”: the firm the sentence before named last
  if (leads && /^(?:这家|该)(?:企业|公司)?$/.test(m[1]!.trim())) {
    const firm = firmBefore(ctx, s.start);
    if (firm) names = [firm.name];
  }
  if (!chains.length || !names.length) return;
  const rule = `“A${m[2] ?? ''}是X产业链的${m[4]}”`;
  const quote = sub(clause, 0, m.index! + m[0].length);
  for (const [name, chain] of pairs(names, chains, !!m[2])) {
    if (leads) {
      if (!isFirmName(name)) continue;
      const firm = ctx.collector.node('Enterprise', name, quote, `firm named as 链主 (${rule})`, 0.75);
      ctx.collector.rel('LEADS', firm, chain, quote, `${rule} → LEADS`, 0.8);
    } else {
      const place = ctx.collector.hasNode('District', name);
      if (!place && (!isPlaceName(name) || (PLACE_END.test(name) && name.length < 3))) continue;
      const ref =
        place ??
        ctx.collector.node('District', name, quote, `place named as ${m[4]}`, 0.7, {
          kind: /园$/.test(name) ? 'park' : /市$|^[\u4e00-\u9fa5]{2,3}$/.test(name) ? 'city' : 'district',
        });
      ctx.collector.rel('HOSTS', ref, chain, quote, `${rule} → HOSTS`, 0.8, { role: m[4] });
    }
  }
  return;
}

/** “X产业链链主为A” / “X、Y产业链的链主企业分别是A、B” / “X产业链主要承载地为A区、B区”: names after the role. */
function rolesNamedAfter(ctx: Context, s: Span): void {
  const re =
    /([^，,。；]{2,40}?)(?:产业链|链)的?(链主(?:企业)?|(?:主要|核心|重要)?(?:承载地|承载区|核心区|主阵地|集聚区))(分别)?(?:为|是|有|包括|主要有|[：:])([^，,。；]{2,60})/g;
  for (const m of s.text.matchAll(re)) {
    let chains = chainsBetween(ctx, s.start + m.index!, s.start + m.index! + m[1]!.length + 3);
    // “两条产业链的链主企业分别是A和B”: the chains named just before
    const counted = /(?:^|[这上述以前])([两二三四五六七八九十\d]+)条$/.exec(m[1]!);
    if (!chains.length && counted) chains = chainsNamedBefore(ctx, s.start + m.index!, parseNumeral(counted[1]!) ?? 0);
    const raw = m[4]!.split(/[、和及]/);
    raw[raw.length - 1] = raw.at(-1)!.replace(RIGHT_CUT, '');
    const leads = m[2]!.startsWith('链主');
    const names = raw
      .map((x) => x.trim())
      .filter((x) => (leads ? isFirmName(x) : isPlaceName(x) && PLACE_END.test(x) && x.length >= 3 && x.length <= 16));
    if (!chains.length || !names.length) continue;
    const quote = sub(s, m.index!, m.index! + m[0].length);
    for (const [name, chain] of pairs(names, chains, !!m[3])) {
      if (leads) {
        const firm = ctx.collector.node('Enterprise', name, quote, 'firm after “X产业链链主为/有”', 0.7);
        ctx.collector.rel('LEADS', firm, chain, quote, '“X产业链链主为A” → LEADS', 0.75);
      } else {
        const place =
          ctx.collector.hasNode('District', name) ??
          ctx.collector.node('District', name, quote, `place after “X产业链${m[2]}为”`, 0.7, {
            kind: /园$/.test(name) ? 'park' : 'district',
          });
        ctx.collector.rel('HOSTS', place, chain, quote, `“X产业链${m[2]}为A” → HOSTS`, 0.75, { role: m[2] });
      }
    }
  }
}

/** “作为X产业链的链主企业，A、B今年…”: the firms of the clause after. */
/** The firm named last in the 120 characters before an offset of the text (what 该公司 / 这家企业 points to). */
/** The last n distinct chains named before an offset, in the order they were named. */
function chainsNamedBefore(ctx: Context, at: number, n: number): ExtractedRef[] {
  const seen: ExtractedRef[] = [];
  for (const m of [...ctx.chainMentions].reverse()) {
    if (m.at >= at || seen.some((c) => c.id === m.ref.id)) continue;
    seen.push(m.ref);
    if (seen.length === n) break;
  }
  return seen.length === n ? seen.reverse() : [];
}

function firmBefore(ctx: Context, at: number): ExtractedRef | null {
  const earlier = ctx.text.slice(Math.max(0, at - 120), at);
  return (
    ctx.collector
      .nodesOf('Enterprise')
      .filter((f) => earlier.includes(f.name))
      .sort((a, b) => earlier.lastIndexOf(b.name) - earlier.lastIndexOf(a.name))[0] ?? null
  );
}

/** Words a clause opens with when it tells what someone does rather than naming them. */
const CLAUSE_OPENING =
  /^(?:全年|今年|去年|近年|目前|带动|推动|实现|完成|销售|累计|已|正|将|把|在|对|以|通过|坚持|加快|持续|不断|要|主动|积极|共)/;

function leadersAfter(ctx: Context, s: Span): void {
  for (const m of s.text.matchAll(/作为(.{2,30}?)(?:产业链|链)的?链主(?:企业)?[，,]([^，,。；]{2,60})/g)) {
    const chains = chainsBetween(ctx, s.start + m.index!, s.start + m.index! + 2 + m[1]!.length + 3);
    if (chains.length !== 1) continue;
    const raw = m[2]!.split('、');
    raw[raw.length - 1] = raw.at(-1)!.replace(RIGHT_CUT, '');
    const quote = sub(s, m.index!, m.index! + m[0].length);
    // “作为X产业链链主企业，该公司…”: the firm named just before
    if (raw.length === 1 && /^(?:该|这家)(?:公司|企业|集团)/.test(raw[0]!)) {
      const firm = firmBefore(ctx, s.start + m.index!);
      if (firm) ctx.collector.rel('LEADS', firm, chains[0]!, quote, '“作为X产业链的链主企业，该公司” → LEADS', 0.7);
      continue;
    }
    for (const name of raw.map((x) => x.trim())) {
      // “作为商用车产业链链主，全年销售…” / “…，带动本地包材”: what follows says what the firm does, not who
      if (!isFirmName(name) || /\d/.test(name) || CLAUSE_OPENING.test(name)) continue;
      // a short form of a firm named before (鑫源有机硅 for 九江鑫源有机硅股份有限公司) is that firm
      const longer = ctx.collector.nodesOf('Enterprise').find((f) => f.name !== name && f.name.includes(name));
      const firm = longer ?? ctx.collector.node('Enterprise', name, quote, 'firm after “作为X产业链的链主企业，”', 0.7);
      ctx.collector.rel('LEADS', firm, chains[0]!, quote, '“作为X产业链的链主，A、B…” → LEADS', 0.75);
    }
  }
}

/** “链主企业京东方董事长表示”: a firm named right after 链主企业 (LEADS where the chain is clear). */
function leaderApposition(ctx: Context, s: Span): void {
  // “（一）电子信息产业链。…链主企业A公司完成营业收入612亿元”: a full firm name right after 链主企业
  for (const m of s.text.matchAll(/链主企业([\u4e00-\u9fa5（）()]{2,30}?(?:有限公司|有限责任公司|集团|公司))/g)) {
    const firm = ctx.collector.hasNode('Enterprise', m[1]!);
    if (!firm) continue;
    const chain =
      chainFor(ctx, s, true) ??
      lineChain(ctx, s) ??
      (chainsBetween(ctx, s.start, s.end).length ? null : focusChain(ctx));
    const quote = sub(s, m.index!, m.index! + m[0].length);
    if (chain) ctx.collector.rel('LEADS', firm, chain, quote, '“链主企业A公司” → LEADS', 0.75);
  }
  for (const m of s.text.matchAll(
    /链主(?:企业)?([\u4e00-\u9fa5]{2,6}?)(?=董事长|总经理|总裁|相关负责人|负责人|表示|介绍)/g,
  )) {
    const name = m[1]!;
    if (!isFirmName(name) || /^(?:之一|名单|培育|作用|引领|带动|企业|单位|们)/.test(name)) continue;
    const quote = sub(s, m.index!, m.index! + m[0].length);
    const firm = ctx.collector.node('Enterprise', name, quote, 'firm named after 链主企业', 0.65);
    const chain = chainFor(ctx, s, true) ?? (chainsBetween(ctx, s.start, s.end).length ? null : focusChain(ctx));
    if (chain) ctx.collector.rel('LEADS', firm, chain, quote, '“链主企业A” → LEADS', 0.7);
  }
}

/** “A、B等N家链主企业” with no chain named: the sentence's (or the document's only) chain. */
function countedLeaders(ctx: Context, s: Span): void {
  const m =
    /((?:[^，,。；、]{2,24}、)+[^，,。；、]{1,23}[^，,。；、与和同向为对])(?:等)?(?:[一二两三四五六七八九十\d]+家)?链主企业/.exec(
      s.text,
    );
  // a list that runs through a verb or a chain (A、B分别担任X、Y产业链链主企业) is read by the role rules
  if (!m || /分别|担任|作为|产业链/.test(m[1]!)) return;
  const chain = chainFor(ctx, s, true);
  if (!chain) return;
  const quote = sub(s, m.index!, m.index! + m[0].length);
  for (const name of nameList(m[1]!)) {
    if (!isFirmName(name)) continue;
    const firm = ctx.collector.node('Enterprise', name, quote, '“A、B两家链主企业” list', 0.7);
    ctx.collector.rel('LEADS', firm, chain, quote, '“A、B…链主企业” → LEADS', 0.75);
  }
}

const SUPPORT_CUE =
  /策源|支撑|对接|服务[\u4e00-\u9fa5、]{2,20}(?:产业链|链)|一链一校|一链一院|牵头组建|结对|开设[\u4e00-\u9fa5]{0,8}专业|(?:建立|签订)[\u4e00-\u9fa5“”（）()]{0,12}(?:合作|协议)|技术支持|人才支持|研发支持|智力支持|协同攻关|联合攻关|技术攻关|产学研|共建|订单班|输送[\u4e00-\u9fa5]{0,6}人才|联合实验室|创新联合体|成果转化|依托|攻关|培养[\u4e00-\u9fa5]{0,6}人才|面向[\u4e00-\u9fa5、]{2,20}(?:产业链|链)|围绕[\u4e00-\u9fa5、]{2,40}(?:产业链|链)(?:组建|建设|设立)/;

/** Universities and institutes named with a support cue: 分别 pairs them with the chains named after them. */
function supports(ctx: Context, s: Span): void {
  if (!SUPPORT_CUE.test(s.text)) return;
  const orgs = ['University', 'Institute']
    .flatMap((label) => ctx.collector.nodesOf(label))
    .map((ref) => ({ ref, at: s.text.indexOf(ref.name) }))
    .filter((o) => o.at >= 0)
    .filter(
      (o, _, all) =>
        !all.some(
          (p) =>
            p !== o &&
            p.ref.name.includes(o.ref.name) &&
            p.at <= o.at &&
            p.at + p.ref.name.length >= o.at + o.ref.name.length,
        ),
    )
    .sort((a, b) => a.at - b.at);
  if (!orgs.length) return;
  let chains = chainsBetween(ctx, s.start + orgs[0]!.at, s.end).filter(
    (c) => !orgs.some((o) => o.ref.name.includes(c.name)),
  );
  if (!chains.length) {
    const one = chainFor(ctx, s);
    chains = one ? [one] : [];
  }
  const respectively = /分别/.test(s.text);
  const found = pairs(orgs, chains, respectively);
  // “A大学面向X产业链…，B研究院与Y产业链…”: each organisation with the chains of its own stretch, when
  // every stretch that names chains has its own (a list of organisations shares the stretch after it)
  const stretches = orgs.map((o, i) => {
    const end = orgs[i + 1]?.at ?? s.text.length;
    return chainsBetween(ctx, s.start + o.at, s.start + end).filter((c) => !o.ref.name.includes(c.name));
  });
  const own = !respectively && orgs.length > 1 && stretches.filter((c) => c.length).length > 1;
  const paired = own
    ? orgs.flatMap((o, i) => {
        const next = stretches.slice(i).find((c) => c.length) ?? [];
        return next.map((chain) => [o, chain] as [(typeof orgs)[number], ExtractedRef]);
      })
    : found;
  for (const [o, chain] of paired)
    ctx.collector.rel(
      'SUPPORTS',
      o.ref,
      chain,
      s,
      respectively ? '支撑 / 协同（分别, in order）→ SUPPORTS' : '支撑 / 协同攻关 / 共建 / 依托 → SUPPORTS',
      0.7,
    );
}

/** “链主企业：A公司、B公司” in a numbered line about one chain. */
function leadersListed(ctx: Context, s: Span): void {
  const m = /链主(?:企业)?[：:]([^。；;]{2,80})/.exec(s.text);
  if (!m) return;
  const chain = chainFor(ctx, s, true) ?? lineChain(ctx, s);
  if (!chain) return;
  const quote = sub(s, m.index!, m.index! + m[0].length);
  for (const name of m[1]!.split(/[、，,]/).map((x) => x.trim())) {
    if (!isFirmName(name) || !/(?:公司|集团)$/.test(name)) continue;
    const firm = ctx.collector.node('Enterprise', name, quote, 'firm listed after 链主企业：', 0.75);
    ctx.collector.rel('LEADS', firm, chain, quote, '“链主企业：A、B” → LEADS', 0.75);
  }
}

export function extractRoles(ctx: Context): void {
  for (const s of ctx.sentences) {
    let previous: string | null = null;
    for (const clause of clauses(s)) previous = subjectRoles(ctx, s, clause, previous);
    if (/链主/.test(s.text)) {
      leadersAfter(ctx, s);
      leaderApposition(ctx, s);
      countedLeaders(ctx, s);
      leadersListed(ctx, s);
    }
    if (/链主|承载|核心区|主阵地|集聚区/.test(s.text)) rolesNamedAfter(ctx, s);
    extractLocations(ctx, s);
    supports(ctx, s);
  }
}
