// Which goals the graph can measure by counting its own records (basis GRAPH_COUNT), decided by an
// explicit mapping, never guessed per goal:
//   1. a Goal property `countOf` wins: "enterprises" (local firms) or "enterprises:<tag>" (local firms
//      with that tag, e.g. "enterprises:专精特新");
//   2. otherwise the metric text: the unit is 户 or 家, the metric is a number of firms (…企业数量 /
//      …企业数 / …企业), and it carries no qualifier the graph does not record (新引进, 新增, 亿元以上,
//      链主, 产值, 营收…). A tag word in the metric (规上 / 规模以上, 专精特新, 小巨人, 单项冠军, 上市,
//      独角兽, 高新技术) narrows the count to firms carrying that tag.
// The count is always shown as coverage of the recorded data, never as progress of the real economy.

export interface CountRule {
  /** Only local firms carrying a tag containing this word; null for every local firm. */
  tag: string | null;
  /** How the rule was chosen, for the explanation: "countOf" or "metric". */
  from: 'countOf' | 'metric';
}

/** Tag words recognised in metric text, with the tag they match on Enterprise.tags. */
export const COUNT_TAGS: readonly (readonly [RegExp, string])[] = [
  [/规上|规模以上/, '规上'],
  [/专精特新/, '专精特新'],
  [/小巨人/, '小巨人'],
  [/单项冠军/, '单项冠军'],
  [/上市/, '上市'],
  [/独角兽/, '独角兽'],
  [/高新技术/, '高新技术'],
];

/** Qualifiers that make a firm count something the graph does not hold (flows, sizes, roles). */
export const UNCOUNTABLE_QUALIFIERS = /新引进|引进|新增|培育|亿元以上|万元以上|链主|产值|营收|收入|税/;

const FIRM_COUNT_METRIC = /企业(数量|数|总数)?$/;
const COUNT_UNITS = new Set(['户', '家']);

export function countRuleOf(goal: Record<string, unknown>): CountRule | null {
  if (typeof goal.countOf === 'string' && goal.countOf.trim()) {
    const [what, tag] = goal.countOf.trim().split(':');
    return what === 'enterprises' ? { tag: tag?.trim() || null, from: 'countOf' } : null;
  }
  const metric = typeof goal.metric === 'string' ? goal.metric.replace(/[“”"「」]/g, '').trim() : '';
  const unit = typeof goal.unit === 'string' ? goal.unit.trim() : '';
  if (!COUNT_UNITS.has(unit) || !FIRM_COUNT_METRIC.test(metric) || UNCOUNTABLE_QUALIFIERS.test(metric)) return null;
  const tag = COUNT_TAGS.find(([pattern]) => pattern.test(metric))?.[1] ?? null;
  return { tag, from: 'metric' };
}
