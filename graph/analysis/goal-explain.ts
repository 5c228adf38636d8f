// Display of goal values and the one-line explanation of a goal's basis, in Chinese and English.
// GRAPH_COUNT is worded as coverage of the recorded data, never as progress of the real economy.

/** Money is stored in 元; the unit keeps the display unit (亿元, 万亿元…). */
const UNIT_FACTORS: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8, 万亿元: 1e12 };

export function displayValue(value: number, unit: string | null): string {
  const factor = (unit && UNIT_FACTORS[unit]) || 1;
  const shown = Math.round((value / factor) * 100) / 100;
  return `${shown}${unit ?? ''}`;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export interface GoalExplainInput {
  basis: 'SOURCED' | 'GRAPH_COUNT' | 'NONE';
  targetValue: number | null;
  unit: string | null;
  latest: { value: number; asOf: string | null } | null;
  progress: number | null;
  graphCount: number | null;
  coverage: number | null;
  tag: string | null;
}

export function explainGoal(g: GoalExplainInput): { zh: string; en: string } {
  const target = g.targetValue === null ? '（未记录目标值）' : displayValue(g.targetValue, g.unit);
  const targetEn = g.targetValue === null ? '(no target value recorded)' : displayValue(g.targetValue, g.unit);
  if (g.basis === 'SOURCED' && g.latest) {
    const at = g.latest.asOf ?? '日期未记录';
    const value = displayValue(g.latest.value, g.unit);
    return {
      zh: `最新来源数据（${at}）为 ${value}，目标 ${target}${g.progress !== null ? `，完成 ${pct(g.progress)}` : ''}。`,
      en: `Latest sourced value (${g.latest.asOf ?? 'date not recorded'}): ${value} against ${targetEn}${g.progress !== null ? `, ${pct(g.progress)} of the target` : ''}.`,
    };
  }
  if (g.basis === 'GRAPH_COUNT' && g.graphCount !== null) {
    const which = g.tag ? `带「${g.tag}」标签的本地企业` : '本地企业';
    const whichEn = g.tag ? `local firms tagged ${g.tag}` : 'local firms';
    return {
      zh: `没有来源给出该指标的观测值。图中记录了 ${g.graphCount} 家${which}${g.coverage !== null ? `，相当于目标 ${target} 的 ${pct(g.coverage)}` : ''}：这是已记录数据的覆盖率，不是实际进度。`,
      en: `No source gives a value for this metric. The graph records ${g.graphCount} ${whichEn}${g.coverage !== null ? `, ${pct(g.coverage)} of the target ${targetEn}` : ''}: coverage of the recorded data, not progress of the real economy.`,
    };
  }
  return {
    zh: `没有来源给出该指标的观测值，图中也没有可替代的计数：进度未知。`,
    en: 'No source gives a value for this metric and the graph holds no count that stands for it: progress unknown.',
  };
}
