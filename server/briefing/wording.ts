// The briefing's words in Chinese and English. Sentences are built here from values, so the builder
// stays free of language switches; facts keep the names the graph stores (Chinese), as the sources do.
import type { BriefingLang } from './model.js';

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/\.?0+$/, ''));

export const GAP_STATUS_WORDS: Record<BriefingLang, Record<string, string>> = {
  zh: { ABSENT: '缺失', SINGLE_FIRM: '单一企业', THIN: '薄弱', EXTERNALLY_DEPENDENT: '依赖外部', COVERED: '已覆盖' },
  en: {
    ABSENT: 'Absent',
    SINGLE_FIRM: 'Single firm',
    THIN: 'Thin',
    EXTERNALLY_DEPENDENT: 'Externally dependent',
    COVERED: 'Covered',
  },
};

const ZH = {
  title: (name: string) => `关于${name}的工作简报`,
  dateLine: (asOf: string, today: boolean) => `${asOf}${today ? '（截至今日）' : ''}`,
  program: (name: string) => `工作机制：${name}`,
  headings: {
    responsible: '谁负责',
    goals: '目标进展',
    gaps: '缺口与短板',
    targets: '招商目标（分析人员可见）',
    changes: '变更情况',
    picture: '链条示意图',
    notes: '注释',
  },
  numbered: (i: number, heading: string) => `${'一二三四五六七八九十'[i]}、${heading}`,
  chainHeading: (name: string) => `【${name}】`,
  role: { PATRON_OF: '包保领导', OWNER_OF: '链长', COORDINATES: '统筹' } as Record<string, string>,
  post: (role: string, post: string, target: string) => `${role}：${post}（${target}）。`,
  holderOn: (date: string, names: string) => `${date}在任：${names}。`,
  noHolderOn: (date: string) => `无来源显示${date}的在任者（未知）。`,
  lastSeen: (name: string, when: string) => `来源最近记载的在任者：${name}（${when}）。`,
  noLeaders: '图谱中没有该链条的责任领导记载（未知）。',
  goal: (name: string, target: string, deadline: string | null) =>
    `${name}：目标${target}${deadline ? `，期限${deadline}` : '，未注明期限'}。`,
  observation: (value: string, when: string) => `最新来源观测值${value}（${when}）。`,
  progress: (pct: number) => `完成进度约${num(pct)}%。`,
  daysLeft: (days: number) => (days >= 0 ? `距期限还有${days}天。` : `已超过期限${-days}天。`),
  noObservation: (name: string) => `注意：“${name}”尚无来源观测值，进度未知。`,
  graphCount: (n: number) => `（图谱中可数到${n}家，非来源观测值，仅供参考。）`,
  noGoals: '图谱中没有该链条的目标（未知）。',
  gapGroup: (status: string, n: number) => `${status}（${n}个环节）`,
  firmsSplit: (all: number, confirmed: number, machine: number) =>
    `本地企业${all}家：人工确认${confirmed}家，机器挂链${machine}家。`,
  more: (n: number) => `另有${n}个环节从略。`,
  gapsToday: (asOf: string) => `缺口状态按截至今日的图谱计算，尚不能回看${asOf}的状态。`,
  stage: (stage: string, names: string) => `${stage}：${names}。`,
  noTargets: '图谱中没有该链条的招商目标。',
  targetsToday: (asOf: string) => `招商阶段按截至今日的图谱，尚不能回看${asOf}的阶段。`,
  changesSeam: (since: string) => `自${since}以来的变更：变更记录尚未接入，截至今日无法列出，此处不作推测。`,
  changesNone: '未指定起始日期（--since），不列变更。',
  changeLine: (what: string, when: string) => `${when}：${what}。`,
  undated: '未注明日期',
  noQuote: '（该来源未存摘录）',
  notes: '注释',
  notesLine: (title: string, publisher: string | null, date: string | null) =>
    `《${title}》${publisher ? `，${publisher}` : ''}，${date ?? '未注明日期'}`,
};

type Words = typeof ZH;

const EN: Words = {
  title: (name) => `Briefing on ${name}`,
  dateLine: (asOf, today) => `${asOf}${today ? ' (as of today)' : ''}`,
  program: (name) => `Mechanism: ${name}`,
  headings: {
    responsible: 'Who is responsible',
    goals: 'Goals',
    gaps: 'Gaps',
    targets: 'Investment targets (analysts only)',
    changes: 'Changes',
    picture: 'Chain picture',
    notes: 'Notes',
  },
  numbered: (i, heading) => `${i + 1}. ${heading}`,
  chainHeading: (name) => `[${name}]`,
  role: { PATRON_OF: 'Sponsor', OWNER_OF: 'Chain owner', COORDINATES: 'Coordinator' },
  post: (role, post, target) => `${role}: ${post} (${target}).`,
  holderOn: (date, names) => `In post on ${date}: ${names}.`,
  noHolderOn: (date) => `No source shows who held the post on ${date} (unknown).`,
  lastSeen: (name, when) => `Latest holder a source shows: ${name} (${when}).`,
  noLeaders: 'The graph records no responsible leader for this chain (unknown).',
  goal: (name, target, deadline) =>
    `${name}: target ${target}${deadline ? `, by ${deadline}` : ', no deadline stated'}.`,
  observation: (value, when) => `Latest sourced value ${value} (${when}).`,
  progress: (pct) => `About ${num(pct)}% of the target.`,
  daysLeft: (days) => (days >= 0 ? `${days} days left.` : `Deadline passed ${-days} days ago.`),
  noObservation: (name) => `Warning: "${name}" has no sourced observation; progress unknown.`,
  graphCount: (n) => ` (The graph counts ${n}; not a sourced observation, for reference only.)`,
  noGoals: 'The graph records no goal for this chain (unknown).',
  gapGroup: (status, n) => `${status} (${n} segments)`,
  firmsSplit: (all, confirmed, machine) =>
    `${all} local firms: ${confirmed} confirmed by people, ${machine} placed by the machine.`,
  more: (n) => `${n} more segments not listed.`,
  gapsToday: (asOf) => `Gap status is computed on today's graph; the state on ${asOf} cannot be read back yet.`,
  stage: (stage, names) => `${stage}: ${names}.`,
  noTargets: 'The graph records no investment target for this chain.',
  targetsToday: (asOf) => `Pipeline stages are today's; the stages on ${asOf} cannot be read back yet.`,
  changesSeam: (since) =>
    `Changes since ${since}: the change record is not connected yet, so as of today none can be listed; nothing is guessed here.`,
  changesNone: 'No start date given (--since), so no changes are listed.',
  changeLine: (what, when) => `${when}: ${what}.`,
  undated: 'undated',
  noQuote: '(no quote stored for this source)',
  notes: 'Notes',
  notesLine: (title, publisher, date) => `"${title}"${publisher ? `, ${publisher}` : ''}, ${date ?? 'undated'}`,
};

export const WORDS: Record<BriefingLang, Words> = { zh: ZH, en: EN };
export const formatNumber = num;
