// Targets (Goal) and observed values (Observation) from numbers with units. A figure under a future
// marker (到2025年, 力争, 目标…) is a goal with its deadline; any other is an observation as of its year,
// month or the document's date. Counts that only describe the mechanism's structure (chains, leaders,
// offices, host areas), ranks (50强) and list counts are not figures (gold annotation rule 6).
import { type Context, chainFor } from '../context.js';
import { dateInClause, endOf, findQuantities, type Quantity } from '../numbers.js';
import { type Span, clauseRange } from '../text.js';
import type { ExtractedRef } from '../types.js';

const STRUCTURE = /链长|市领导|市级领导|领导小组|承载地|牵头部门|办公室|专班|工作机制|专家团队|条产业链|条重点|保障链/;
const FUTURE =
  /到(20\d{2})年|(20\d{2})年(?:底)?前|(十四五|十五五)|力争|目标|计划到|预计到|确保|要达到|将达到|(?:今年|年内|全年)计划|计划(?:带动|实现|完成|新增|引进|培育)/;
const PLAN_YEAR: Record<string, number> = { 十四五: 2025, 十五五: 2030 };

function skip(s: Span, q: Quantity, clause: string): boolean {
  const after = s.text.slice(q.index + q.length, q.index + q.length + 3);
  const before = s.text.slice(Math.max(0, q.index - 1), q.index);
  if (q.unit === '条' || /^强|^个?月|^年/.test(after) || before === '第') return true;
  if (q.unit === '个' && after.startsWith('月')) return true;
  // “每条产业链明确1名市领导、1家链主企业”: what each chain has is the mechanism's structure
  if (q.kind === 'count' && /每条|每个产业链|每一条/.test(clause)) return true;
  // “出台5个配套政策文件”: a count of documents describes the package, it is not a figure
  if (
    /^(?:个|项|份|部)$/.test(q.unit) &&
    /^(?:配套)?(?:政策|文件|措施|方案|细则)/.test(s.text.slice(q.index + q.length))
  )
    return true;
  // money that qualifies what is counted (超千亿元产业链, 亿元以上企业) is not a figure of its own
  if (
    q.kind === 'money' &&
    /^(?:以上)?(?:的)?(?:产业链|产业集群|链主|龙头|企业|项目)/.test(
      s.text.slice(q.index + q.length, q.index + q.length + 6),
    )
  )
    return true;
  // a figure qualifying what it is said of (对研发投入超过1亿元的链上企业, 完成率低于80%的产业链) is a
  // threshold, not a value of its own; so is a capacity inside a project's name (年产3万吨…项目)
  const rest = s.text.slice(q.index + q.length, q.index + q.length + 14);
  if (/^(?:以上|以下|及以上)?的[^，,。；;、]{0,8}?(?:企业|项目|产业链|主体|单位)/.test(rest)) return true;
  if (/年产$/.test(s.text.slice(Math.max(0, q.index - 2), q.index)) && /^[^，,。；;]{0,14}项目/.test(rest)) return true;
  // a time limit of a routine (问题原则上在15个工作日内办结) is not a figure
  if (/^(?:个)?工作日|^(?:日|天)内/.test(rest)) return true;
  // an award's amount or rate (给予一次性奖励100万元, 按增量部分的10%给予奖励) belongs to the policy
  if (/奖励|奖补|补贴|补助|资助/.test(clause) && /给予|按其?|最高/.test(clause)) return true;
  // a gloss in brackets restates a slogan; a funding line is a policy's amount, not a KPI; 》等5个 counts titles
  const open = Math.max(s.text.lastIndexOf('(', q.index), s.text.lastIndexOf('（', q.index));
  const close = Math.max(s.text.lastIndexOf(')', q.index), s.text.lastIndexOf('）', q.index));
  if (open > close) return true;
  if (/投入/.test(clause) && /资金/.test(clause)) return true;
  if (/》等?$/.test(s.text.slice(Math.max(0, q.index - 2), q.index))) return true;
  // (within the figure's own clause: “增长21.7%，是6条产业链中…” is not a structure count)
  if (
    STRUCTURE.test(s.text.slice(q.index, q.index + q.length + 10).split(/[，,；;。]/)[0]!) ||
    /各明确|分任|分别担任/.test(clause)
  )
    return true;
  // a count closing a list (三一重工、中联重科…5家) counts the list, it is not a figure
  // a count closing a list that it counts exactly (三一重工、中联重科…5家) counts the list, not a figure
  const lead = s.text.slice(Math.max(0, q.index - 60), q.index);
  const list = /((?:[^、，,。：:]{2,20}、)+[^、，,。：:]{2,20}?)等?$/.exec(lead);
  if (q.kind === 'count' && list && list[1]!.split('、').length === q.value && !/\d/.test(list[1]!)) return true;
  return false;
}

/** The clause from its last year before the figure (由2020年的42%提升至2024年的61% → 2024年的61%). */
function nearestDate(clause: string, at: number): string {
  const years = [...clause.slice(0, Math.max(0, at)).matchAll(/(?:19|20)\d{2}年/g)];
  return years.length > 1 ? clause.slice(years.at(-1)!.index!) : clause;
}

function metricOf(clause: string, q: Quantity, clauseOffset: number): string {
  let m = clause.slice(0, Math.max(0, q.index - clauseOffset));
  m = m
    .replace(/^.*?(?:到|截至|截止)?(?:20\d{2}年)(?:底|前)?/, '')
    .replace(/^(?:全市|全省|我市|全区|其中|同时|此外|目前|现有|集群内)/, '')
    .replace(
      /(?:要|将|力争|预计|计划)?(?:达到|突破|超过|提高到|提升到|发展到|增长到|增至|达|约为|约|为|实现|完成|的|超|近|逾|共|累计|总计|已)+$/,
      '',
    )
    .trim();
  return (m || clause).slice(-30);
}

function ofRef(ctx: Context, s: Span, clause: Span): ExtractedRef | null {
  const chains = ctx.chainMentions.filter((m) => m.at >= clause.start && m.at < clause.end);
  if (chains.length) return chains[0]!.ref;
  const firm = ctx.collector.nodesOf('Enterprise').find((f) => clause.text.includes(f.name));
  if (firm) return firm;
  return chainFor(ctx, s) ?? ctx.program;
}

/**
 * The year a report is about when its title says so (十堰市2025年重点产业链工作总结, published in 2026):
 * its figures with no year of their own (全年…, 1—6月…) are of that year, not of the publication's.
 */
function titlePeriod(ctx: Context): string | null {
  const title = ctx.text.slice(0, ctx.text.indexOf('\n') >= 0 ? ctx.text.indexOf('\n') : 80);
  const m = /((?:19|20)\d{2})年(?:第([一二三四])季度|(上半年|前三季度)|(?:1|一)[—\-–至到](\d{1,2})月)/.exec(title);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2]
    ? 3 * ({ 一: 1, 二: 2, 三: 3, 四: 4 } as Record<string, number>)[m[2]]!
    : m[3] === '上半年'
      ? 6
      : m[3]
        ? 9
        : Number(m[4]);
  const date = endOf(year, month);
  return ctx.publishedOn && date > ctx.publishedOn ? null : date;
}

function reportYear(ctx: Context): number | null {
  const title = ctx.text.slice(0, ctx.text.indexOf('\n') >= 0 ? ctx.text.indexOf('\n') : 80);
  const m = /((?:19|20)\d{2})年(?:度)?[^，。]{0,30}?(?:总结|回顾|年报|年度报告|工作报告|完成情况|运行情况)/.exec(title);
  const published = ctx.publishedOn ? Number(ctx.publishedOn.slice(0, 4)) : null;
  return m && published && Number(m[1]) < published ? Number(m[1]) : null;
}

/** A report's top-level heading on a line of its own (一、2024年工作回顾), or null. */
function sectionHeading(ctx: Context, s: Span): string | null {
  const lineStart = ctx.text.lastIndexOf('\n', s.start - 1) + 1;
  const lineEnd = ctx.text.indexOf('\n', s.start);
  const line = ctx.text.slice(lineStart, lineEnd < 0 ? ctx.text.length : lineEnd).trim();
  return line.length <= 30 &&
    /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)/.test(line) &&
    !/。/.test(line)
    ? line
    : null;
}

const PAST_YEAR = /(?<![比较与同])(?:去年|上年|上一年|过去一年)(?!同期|底前)/;

export function extractFigures(ctx: Context): void {
  const reported = reportYear(ctx);
  // the date a figure with no date of its own is as of (a title's period: 2025年第三季度…通报 → 09-30)
  const docNow = reported ? endOf(reported) : (titlePeriod(ctx) ?? ctx.publishedOn);
  let carryYear: number | null = null;
  let carryFuture: number | null = null;
  let paragraphYear: number | null = null;
  // “过去一年，…” / “去年，…” opening a paragraph: its figures are of the year before the document's
  let paragraphPast: number | null = null;
  const docYear = ctx.publishedOn ? Number(ctx.publishedOn.slice(0, 4)) : null;
  let lastEnd = 0;
  let lastYear: number | null = null;
  // “一、2024年工作回顾” / “二、2025年主要目标任务”: a report's top-level heading dates the figures under it
  let sectionYear: number | null = null;
  let sectionGoals = false;
  for (const s of ctx.sentences) {
    const heading = sectionHeading(ctx, s);
    if (heading) {
      const y = /((?:19|20)\d{2})年/.exec(heading);
      sectionYear = y ? Number(y[1]) : null;
      sectionGoals =
        !!y && !!docYear && Number(y[1]) >= docYear && /目标|任务|计划|安排|重点工作|思路|展望/.test(heading);
      continue;
    }
    if (ctx.text.slice(lastEnd, s.start).includes('\n')) {
      paragraphYear = null;
      paragraphPast = null;
    }
    lastEnd = s.end;
    const ender = ctx.text[s.end] ?? '\n';
    // “由2022年的31%提高到2024年的46%” is a change between two stated years, not a target's deadline
    const read = s.text.replace(/由(?:19|20)\d{2}年[^，,。；;]{0,24}?到(?=20\d{2}年)/g, (m) => `${m.slice(0, -1)}至`);
    const future = FUTURE.exec(read);
    const year = future ? /到(20\d{2})年|(20\d{2})年(?:底)?前|(十四五|十五五)/.exec(read) : null;
    // “2024年全市…力争完成投资500亿元”: a target under a plain year is for that year
    const plain = future && !year ? /(20\d{2})年(?!\d|[—\-–至到]|以来)/.exec(s.text) : null;
    const stated = year
      ? Number(year[1] ?? year[2] ?? PLAN_YEAR[year[3] ?? ''] ?? Number.NaN)
      : plain
        ? Number(plain[1])
        : Number.NaN;
    if (Number.isFinite(stated)) paragraphYear = stated;
    // 全年力争 / 今年要 / 年内: a target for the document's own year
    const thisYear = /今年|全年|年内/.test(s.text) && ctx.publishedOn ? Number(ctx.publishedOn.slice(0, 4)) : null;
    const sentenceFuture: number | null = future
      ? Number.isFinite(stated)
        ? stated
        : (carryFuture ?? paragraphYear ?? thisYear ?? -1)
      : (carryFuture ?? (sectionGoals && !/(?:19|20)\d{2}年|目前|现有|已/.test(s.text) ? sectionYear : null));
    const own = dateInClause(s.text, undefined);
    // 去年/上年/过去一年 date a figure, unless they are what it is compared with (比去年, 较上年, 去年同期)
    const past = docYear && !own.year && PAST_YEAR.test(s.text) ? docYear - 1 : null;
    if (past && /^(?:过去一年|去年|上年|2\d{3}年)[，,]/.test(s.text)) paragraphPast = past;
    // “其中，…” breaks down the sentence before it, so it keeps that sentence's year
    const obsYear: number | null =
      own.year ??
      past ??
      carryYear ??
      (/^其中/.test(s.text) ? lastYear : null) ??
      (future || /今年|本年|目前|当前|截至|截止/.test(s.text)
        ? null
        : (paragraphPast ?? (sectionGoals ? null : sectionYear)));
    lastYear = obsYear;
    for (const q of findQuantities(s.text)) {
      const clause = clauseRange(s, q.index, q.index + q.length - 1);
      const clauseText = clause.text;
      if (skip(s, q, clauseText)) continue;
      const of = ofRef(ctx, s, clause);
      const metric = metricOf(clauseText, q, clause.start - s.start);
      const properties: Record<string, unknown> = { metric, unit: q.unit, ...(of ? { of: of.name } : {}) };
      if (sentenceFuture !== null && sentenceFuture !== undefined) {
        const year = sentenceFuture > 0 ? sentenceFuture : null;
        const deadline = year ? endOf(year) : null;
        ctx.collector.node(
          'Goal',
          metric,
          clause,
          future ? 'number under a target marker (到…年 / 力争 / 目标)' : 'number in a target list',
          0.8,
          {
            ...properties,
            targetValue: q.value,
            ...(deadline ? { deadline } : {}),
          },
          `${q.value}|${q.unit}|${deadline}|${metric}`,
        );
      } else {
        // a threshold (申报企业营业收入不低于50亿元) is a condition, not an observed value
        if (
          /(?:不低于|不少于|不高于|不超过|达到|以上)$/.test(s.text.slice(Math.max(0, q.index - 3), q.index)) &&
          /申报|申请|认定|原则上|条件|门槛|可享受|给予/.test(s.text)
        )
          continue;
        const clauseHasDate = /(?:19|20)\d{2}年|\d{1,2}月/.test(clauseText);
        // 已有/拥有 after a stated date (截至2024年底…，其中已有14项) speak of that date, not of today
        const present =
          /现有|目前|现已|当前/.test(clauseText) ||
          (!own.year && /已有|拥有/.test(clauseText)) ||
          (!own.year && /现有|目前|现已|当前/.test(s.text));
        const asOf = clauseHasDate
          ? dateInClause(nearestDate(clauseText, q.index - (clause.start - s.start)), docNow).date
          : present
            ? ctx.publishedOn
            : own.year
              ? own.date
              : obsYear
                ? endOf(obsYear)
                : // “1—5月，…” / “截至5月底，…”: a month of the document's year stated in another clause
                  ((/\d{1,2}月|前三季度|上半年|一季度/.test(s.text) ? dateInClause(s.text, docNow).date : null) ??
                  docNow);
        ctx.collector.node(
          'Observation',
          metric,
          clause,
          own.year || obsYear ? 'figure of a stated year' : 'figure as of the document date',
          0.75,
          {
            ...properties,
            value: q.value,
            ...(asOf ? { asOf } : {}),
          },
          `${q.value}|${q.unit}|${asOf?.slice(0, 4)}`,
        );
      }
    }
    // a target or a year governs the following clauses up to the end of the sentence group (；)
    if (ender === '；' || ender === ';') {
      carryFuture = sentenceFuture ?? null;
      // “现有/目前” puts what follows in the present, not in the year stated before it
      carryYear = /现有|目前|当前|现已/.test(s.text) ? null : obsYear;
    } else {
      carryFuture = null;
      carryYear = null;
    }
  }
}
