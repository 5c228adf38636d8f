// The investment-promotion pipeline (TARGET_FOR) of a firm: earlier stages stay in the graph as
// history, so a firm's current stage is its newest one (latest stageSince, then furthest stage).
import { PIPELINE_STAGES } from '../model.js';

export interface StageRecord {
  stage: string | null;
  stageSince: string | null;
}

/** 0 for 推介 … 5 for 竣工投产; -1 for an unknown stage. */
export const stageIndex = (stage: string | null) =>
  stage ? (PIPELINE_STAGES as readonly string[]).indexOf(stage) : -1;

/** Negative when a is older than b. */
export function compareStages(a: StageRecord, b: StageRecord): number {
  if (a.stageSince && b.stageSince && a.stageSince !== b.stageSince) return a.stageSince < b.stageSince ? -1 : 1;
  return stageIndex(a.stage) - stageIndex(b.stage);
}

/** The newest record of each key. */
export function currentStages<T extends StageRecord>(records: T[], keyOf: (r: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of records) {
    const known = out.get(keyOf(r));
    if (!known || compareStages(known, r) < 0) out.set(keyOf(r), r);
  }
  return out;
}
