// Thresholds of the gap analysis (api-contract.md: ABSENT > SINGLE_FIRM > THIN > EXTERNALLY_DEPENDENT
// > COVERED). Configuration, not code: override with KG_GAP_THIN_BELOW and KG_GAP_EXTERNAL_SHARE.
export interface GapThresholds {
  /** THIN when the segment has at least 2 and fewer than this many local firms. */
  thinBelow: number;
  /** EXTERNALLY_DEPENDENT when outside suppliers make at least this share of the supply edges into local firms of the chain. */
  externalShare: number;
}

export const DEFAULT_GAP_THRESHOLDS: GapThresholds = { thinBelow: 5, externalShare: 0.5 };

export function gapThresholds(env: NodeJS.ProcessEnv): GapThresholds {
  const thinBelow = env.KG_GAP_THIN_BELOW ? Number(env.KG_GAP_THIN_BELOW) : DEFAULT_GAP_THRESHOLDS.thinBelow;
  const externalShare = env.KG_GAP_EXTERNAL_SHARE
    ? Number(env.KG_GAP_EXTERNAL_SHARE)
    : DEFAULT_GAP_THRESHOLDS.externalShare;
  const problems: string[] = [];
  if (!Number.isInteger(thinBelow) || thinBelow < 2) problems.push('KG_GAP_THIN_BELOW must be an integer ≥ 2');
  if (!(externalShare > 0 && externalShare <= 1)) problems.push('KG_GAP_EXTERNAL_SHARE must be a number in (0, 1]');
  if (problems.length) throw new Error(problems.join('\n'));
  return { thinBelow, externalShare };
}
