// The planted shape of the synthetic data: chains of five level-1 segments with three leaves each,
// where every level-1 segment follows one gap pattern, so that every gap status occurs for leaves
// and parents in every chain. The statuses written to the manifest are computed from the generated
// data (synth-gaps.ts); these plans only make sure each status is planted.

/** What a leaf is planted to be. `external`: its supply edges into the chain come mostly from outside firms. */
export type LeafKind = 'ABSENT' | 'SINGLE' | 'THIN' | 'LARGE';
export interface LeafPlan {
  kind: LeafKind;
  weight: number;
  external: boolean;
  label: string;
}
export interface PatternPlan {
  name: string;
  intended: string;
  leaves: [LeafPlan, LeafPlan, LeafPlan];
}

const leaf = (kind: LeafKind, weight: number, external: boolean, label: string): LeafPlan => ({
  kind,
  weight,
  external,
  label,
});

/**
 * The five patterns of a level-1 segment and the status each plants in the parent:
 * A → ABSENT, S → SINGLE_FIRM, T → THIN (two leaves share the same firms: parents count distinct
 * firms), D → EXTERNALLY_DEPENDENT (the heavy leaf buys from outside), C → COVERED.
 */
export const PATTERNS: readonly PatternPlan[] = [
  {
    name: 'A',
    intended: 'ABSENT',
    leaves: [leaf('ABSENT', 0, true, 'ABSENT'), leaf('ABSENT', 0, true, 'ABSENT'), leaf('ABSENT', 0, true, 'ABSENT')],
  },
  {
    name: 'S',
    intended: 'SINGLE_FIRM',
    leaves: [
      leaf('SINGLE', 0, false, 'SINGLE_FIRM'),
      leaf('ABSENT', 0, true, 'ABSENT'),
      leaf('ABSENT', 0, true, 'ABSENT'),
    ],
  },
  {
    name: 'T',
    intended: 'THIN',
    leaves: [leaf('THIN', 0, false, 'THIN'), leaf('THIN', 0, true, 'THIN'), leaf('SINGLE', 0, false, 'SINGLE_FIRM')],
  },
  {
    name: 'D',
    intended: 'EXTERNALLY_DEPENDENT',
    leaves: [
      leaf('LARGE', 3, true, 'EXTERNALLY_DEPENDENT'),
      leaf('LARGE', 1, false, 'COVERED'),
      leaf('THIN', 0, true, 'THIN'),
    ],
  },
  {
    name: 'C',
    intended: 'COVERED',
    leaves: [
      leaf('LARGE', 3, false, 'COVERED'),
      leaf('LARGE', 1, true, 'EXTERNALLY_DEPENDENT'),
      leaf('THIN', 0, false, 'THIN'),
    ],
  },
];

export const BRANCHES_PER_CHAIN = PATTERNS.length;
export const MAX_CHAINS = 8;
/** Enterprises per chain below which a chain cannot hold every pattern. */
export const ENTERPRISES_PER_CHAIN_MIN = 150;

export const CHAIN_NAMES: readonly [string, string][] = [
  ['合成·智能装备', 'Synthetic intelligent equipment'],
  ['合成·新材料', 'Synthetic new materials'],
  ['合成·集成电路', 'Synthetic integrated circuits'],
  ['合成·新能源', 'Synthetic new energy'],
  ['合成·生物制造', 'Synthetic biomanufacturing'],
  ['合成·航空航天', 'Synthetic aerospace'],
  ['合成·数字经济', 'Synthetic digital economy'],
  ['合成·现代农业', 'Synthetic modern agriculture'],
];
export const BRANCH_NAMES: readonly [string, string][] = [
  ['原材料', 'raw materials'],
  ['核心部件', 'core components'],
  ['装备制造', 'equipment'],
  ['系统集成', 'system integration'],
  ['应用服务', 'applications and services'],
];
export const DISTRICTS: readonly [string, string, 'district' | 'zone' | 'park'][] = [
  ['合成东区', 'Synthetic East District', 'district'],
  ['合成西区', 'Synthetic West District', 'district'],
  ['合成高新区', 'Synthetic High-tech Zone', 'zone'],
  ['合成经开区', 'Synthetic Economic Development Zone', 'zone'],
  ['合成新区', 'Synthetic New Area', 'zone'],
  ['合成产业园', 'Synthetic Industrial Park', 'park'],
];
export const NAME_HEADS = [
  '华',
  '东',
  '北',
  '长',
  '吉',
  '海',
  '天',
  '金',
  '瑞',
  '恒',
  '中',
  '新',
  '博',
  '远',
  '德',
  '安',
  '泰',
  '宏',
  '鑫',
  '辰',
];
export const NAME_CORES = [
  '光',
  '芯',
  '锐',
  '驰',
  '科',
  '智',
  '通',
  '源',
  '达',
  '创',
  '卓',
  '越',
  '精',
  '微',
  '晟',
  '航',
  '联',
  '领',
  '睿',
  '信',
];
export const NAME_TRADES = [
  '科技',
  '精密',
  '光电',
  '智能',
  '材料',
  '动力',
  '电子',
  '医药',
  '装备',
  '软件',
  '新能源',
  '半导体',
];

/** Chains for N enterprises: as many as fit (each needs ENTERPRISES_PER_CHAIN_MIN), at most MAX_CHAINS. */
export function chainCount(enterprises: number): number {
  return Math.max(1, Math.min(MAX_CHAINS, Math.floor(enterprises / ENTERPRISES_PER_CHAIN_MIN)));
}

/** Splits `total` into parts ∝ weights, each at least `min` (largest remainder, deterministic). */
export function splitByWeight(total: number, weights: number[], min: number): number[] {
  const base = weights.map(() => min);
  let rest = total - min * weights.length;
  if (rest < 0) throw new Error(`cannot split ${total} into ${weights.length} parts of at least ${min}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / sum);
  const parts = exact.map(Math.floor);
  rest -= parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < rest; k++) parts[order[k % order.length][1]]++;
  return base.map((b, i) => b + parts[i]);
}
