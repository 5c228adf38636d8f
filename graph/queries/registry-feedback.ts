// The reviews the registry engine learns from: IN_SEGMENT placements a person confirmed or rejected
// (relationships with a because, and reviewed IN_SEGMENT proposals with their rule), newest first.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';

export interface ReviewedPlacement {
  segmentId: string;
  because: string;
  decision: 'confirmed' | 'rejected';
  /** The firm's other machine candidates (classifier placements and IN_SEGMENT proposals). */
  others: string[];
}

export async function loadPlacementReviews(tx: ManagedTransaction, limit = 20_000): Promise<ReviewedPlacement[]> {
  const rows = await runRows(
    tx,
    `CALL () {
       MATCH (e:Enterprise)-[r:IN_SEGMENT]->(s:Segment)
       WHERE r.status IN ['confirmed', 'rejected'] AND r.because IS NOT NULL
       RETURN e.id AS firm, s.id AS segmentId, r.because AS because, r.status AS decision
       UNION ALL
       MATCH (p:Proposal {labelOrType: 'IN_SEGMENT'})
       WHERE p.status IN ['confirmed', 'rejected'] AND p.rule IS NOT NULL
       RETURN p.ends[0] AS firm, p.ends[1] AS segmentId, p.rule AS because, p.status AS decision
     }
     WITH firm, segmentId, because, decision LIMIT $limit
     RETURN segmentId, because, decision,
       COLLECT { MATCH (:Enterprise {id: firm})-[o:IN_SEGMENT]->(x:Segment) WHERE o.because IS NOT NULL AND x.id <> segmentId RETURN x.id AS id
                 UNION MATCH (q:Proposal {labelOrType: 'IN_SEGMENT'}) WHERE q.ends[0] = firm AND q.rule IS NOT NULL AND q.ends[1] <> segmentId RETURN q.ends[1] AS id } AS others`,
    { limit: neo4j.int(limit) },
  );
  return rows.map((r) => ({
    segmentId: String(r.segmentId),
    because: String(r.because),
    decision: r.decision as 'confirmed' | 'rejected',
    others: [...new Set(r.others as string[])],
  }));
}
