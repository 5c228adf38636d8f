// Weights of the reasons that rank target firms for a gap (recommendTargets). Configuration, not
// code: every weight has a documented default and an environment override (KG_REC_WEIGHT_*).
// A recommendation's score is the sum of the weights of its reasons.
export interface RecommendWeights {
  /** SUPPLIES_LOCAL, per local firm of the chain the candidate already supplies (counted up to suppliesLocalCap). */
  suppliesLocal: number;
  /** How many supplied local firms count towards SUPPLIES_LOCAL (so one big supplier does not drown every other reason). */
  suppliesLocalCap: number;
  /** IN_SEGMENT: the candidate works in the segment (or one below it). */
  inSegment: number;
  /** INSTITUTE_SUPPORT: a local institute or university SUPPORTS the segment, a segment above it or the chain. */
  instituteSupport: number;
  /** DISTRICT_HOSTS: a district HOSTS the segment, a segment above it or the chain. */
  districtHosts: number;
  /** PIPELINE for a firm not yet in the pipeline: a fresh lead nobody works on yet. */
  pipelineNew: number;
  /** PIPELINE for a firm in the pipeline, per stage reached (推介 = 1 step … 竣工投产 = 6 steps): further along, closer to closing the gap. */
  pipelineStep: number;
}

export const DEFAULT_RECOMMEND_WEIGHTS: RecommendWeights = {
  suppliesLocal: 1.5,
  suppliesLocalCap: 4,
  inSegment: 2,
  instituteSupport: 1,
  districtHosts: 0.5,
  pipelineNew: 1,
  pipelineStep: 0.5,
};

const ENV_KEYS: Record<keyof RecommendWeights, string> = {
  suppliesLocal: 'KG_REC_WEIGHT_SUPPLIES_LOCAL',
  suppliesLocalCap: 'KG_REC_SUPPLIES_LOCAL_CAP',
  inSegment: 'KG_REC_WEIGHT_IN_SEGMENT',
  instituteSupport: 'KG_REC_WEIGHT_INSTITUTE_SUPPORT',
  districtHosts: 'KG_REC_WEIGHT_DISTRICT_HOSTS',
  pipelineNew: 'KG_REC_WEIGHT_PIPELINE_NEW',
  pipelineStep: 'KG_REC_WEIGHT_PIPELINE_STEP',
};

/** The weights from the environment, every bad key listed at once. */
export function recommendWeights(env: NodeJS.ProcessEnv): RecommendWeights {
  const out = { ...DEFAULT_RECOMMEND_WEIGHTS };
  const problems: string[] = [];
  for (const [key, envKey] of Object.entries(ENV_KEYS) as [keyof RecommendWeights, string][]) {
    const raw = env[envKey];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    const ok =
      key === 'suppliesLocalCap' ? Number.isInteger(value) && value >= 1 : Number.isFinite(value) && value >= 0;
    if (!ok)
      problems.push(
        `${envKey} must be ${key === 'suppliesLocalCap' ? 'an integer ≥ 1' : 'a number ≥ 0'} (got "${raw}")`,
      );
    else out[key] = value;
  }
  if (problems.length) throw new Error(`Invalid recommendation weights:\n${problems.join('\n')}`);
  return out;
}
