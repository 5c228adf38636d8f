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

/** A change's kind and what changed (a node label or relationship type of graph/model.ts), in words. */
const CHANGE_ZH: Record<string, string> = { ADDED: '新增', CONFIRMED: '确认', CHANGED: '修改', RETIRED: '撤销' };
const CHANGE_EN: Record<string, string> = {
  ADDED: 'Added',
  CONFIRMED: 'Confirmed',
  CHANGED: 'Changed',
  RETIRED: 'Retired',
};
const KIND_ZH: Record<string, string> = {
  Program: '工作机制',
  Leader: '职务',
  Person: '人员',
  Chain: '产业链',
  Segment: '环节',
  District: '区域',
  Institute: '科研院所',
  University: '高校',
  Enterprise: '企业',
  Goal: '目标',
  Observation: '观测值',
  Policy: '政策',
  Source: '来源',
  COORDINATES: '统筹关系',
  PART_OF: '隶属关系',
  PATRON_OF: '包保关系',
  OWNER_OF: '链长关系',
  HOLDS: '任职关系',
  FEEDS: '上下游关系',
  IN_SEGMENT: '企业所属环节',
  LEADS: '链主关系',
  SUPPLIES: '供货关系',
  SUBSIDIARY_OF: '子公司关系',
  TARGET_FOR: '招商目标',
  LOCATED_IN: '所在区域',
  WITHIN: '区域隶属',
  HOSTS: '承载关系',
  SUPPORTS: '支撑关系',
  SPUN_OFF: '衍生关系',
  CONTROLS: '控股关系',
  GOAL_OF: '目标归属',
  MEASURES: '观测关系',
  DESCRIBES: '描述关系',
};
const KIND_EN: Record<string, string> = {
  Program: 'program',
  Leader: 'post',
  Person: 'person',
  Chain: 'chain',
  Segment: 'segment',
  District: 'district',
  Institute: 'institute',
  University: 'university',
  Enterprise: 'firm',
  Goal: 'goal',
  Observation: 'observation',
  Policy: 'policy',
  Source: 'source',
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
  stage: (stage: string, names: string) => `${stage}：${names}。`,
  noTargets: '图谱中没有该链条的招商目标。',
  changeWhat: (kind: string, what: string, name: string) =>
    `${CHANGE_ZH[kind] ?? kind}${KIND_ZH[what] ?? what}“${name}”`,
  changesEmpty: (since: string, until: string) =>
    `${since}至${until}期间，图谱在此范围内没有新增、确认、修改或撤销的事实。`,
  changesMore: (n: number) => `仅列出前${n}项变更，其余从略（完整列表见系统“变化”面板）。`,
  changesBackwards: (since: string, until: string) => `起始日期${since}晚于简报日期${until}，不列变更。`,
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
  stage: (stage, names) => `${stage}: ${names}.`,
  noTargets: 'The graph records no investment target for this chain.',
  changeWhat: (kind, what, name) =>
    `${CHANGE_EN[kind] ?? kind} ${KIND_EN[what] ?? `${what.toLowerCase().replaceAll('_', ' ')} link`} "${name}"`,
  changesEmpty: (since, until) =>
    `Between ${since} and ${until} the graph added, confirmed, changed or retired no fact in this scope.`,
  changesMore: (n) => `Only the first ${n} changes are listed (the page's changes panel lists them all).`,
  changesBackwards: (since, until) =>
    `The start date ${since} is after the briefing's date ${until}; no changes listed.`,
  changesNone: 'No start date given (--since), so no changes are listed.',
  changeLine: (what, when) => `${when}: ${what}.`,
  undated: 'undated',
  noQuote: '(no quote stored for this source)',
  notes: 'Notes',
  notesLine: (title, publisher, date) => `"${title}"${publisher ? `, ${publisher}` : ''}, ${date ?? 'undated'}`,
};

export const WORDS: Record<BriefingLang, Words> = { zh: ZH, en: EN };
export const formatNumber = num;
