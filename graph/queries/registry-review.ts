// A person's verdict on one machine placement: the registry classifier's IN_SEGMENT (method classifier)
// gets status confirmed or rejected. The relationship keeps its because, so the next registry run learns
// from it (registry-feedback.ts), and a rejected one no longer counts in gaps.
import type { ManagedTransaction } from 'neo4j-driver';
import { badInput, notFound } from '../errors.js';
import { runRows } from '../executor.js';
import { edgeId } from '../model.js';
import type { Change } from './curation.js';

export const PLACEMENT_DECISIONS = ['confirmed', 'rejected'] as const;
export type PlacementDecision = (typeof PLACEMENT_DECISIONS)[number];

export interface PlacementReview {
  enterpriseId: string;
  segmentId: string;
  status: string;
  score: number | null;
  because: string | null;
  jobId: string | null;
}

export async function reviewPlacement(
  tx: ManagedTransaction,
  enterpriseId: string,
  segmentId: string,
  decision: string,
): Promise<{ review: PlacementReview; change: Change }> {
  if (!(PLACEMENT_DECISIONS as readonly string[]).includes(decision))
    throw badInput(`decision must be one of ${PLACEMENT_DECISIONS.join(' | ')}; got ${JSON.stringify(decision)}.`);
  const match = `MATCH (:Enterprise {id: $enterpriseId})-[r:IN_SEGMENT]->(:Segment {id: $segmentId})
     WHERE r.method = 'classifier'`;
  const [old] = await runRows(tx, `${match} RETURN properties(r) AS props`, { enterpriseId, segmentId });
  if (!old)
    throw notFound(`A machine placement (IN_SEGMENT by the registry classifier) of ${enterpriseId} in ${segmentId}`);
  const [row] = await runRows(
    tx,
    `${match} SET r.status = $decision, r.reviewedAt = datetime() RETURN properties(r) AS props`,
    { enterpriseId, segmentId, decision },
  );
  const after = row.props as Record<string, unknown>;
  return {
    review: {
      enterpriseId,
      segmentId,
      status: String(after.status),
      score: typeof after.score === 'number' ? after.score : null,
      because: after.because == null ? null : String(after.because),
      jobId: after.jobId == null ? null : String(after.jobId),
    },
    change: {
      target: edgeId('IN_SEGMENT', enterpriseId, segmentId),
      before: old.props as Record<string, unknown>,
      after,
    },
  };
}
