// The derived meaning of "local" (ingestion contract section 0): a firm is local to a program when it
// is LOCATED_IN a district that is (transitively WITHIN) the program's region. Proposed or rejected
// locations do not count. The analyses still read the stored Enterprise.local; localMismatches lists
// where the two disagree, which is what a migration to the derived rule must fix first.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';

/** Cypher predicate: `firm` is local to the region whose district id is `region` (a parameter or variable). */
export const LOCAL_TO_REGION = (firm: string, region = '$regionId') =>
  `EXISTS { MATCH (${firm})-[loc:LOCATED_IN]->(:District)-[:WITHIN*0..8]->(:District {id: ${region}})
            WHERE NOT coalesce(loc.status, 'confirmed') IN ['proposed', 'rejected'] }`;

export interface LocalMismatch {
  id: string;
  name: string;
  stored: boolean;
  derived: boolean;
}

/** Firms whose stored `local` differs from the derived rule for the program's region (none without a region). */
export async function localMismatches(tx: ManagedTransaction, programId: string): Promise<LocalMismatch[]> {
  const rows = await runRows(
    tx,
    `MATCH (p:Program {id: $programId}) WHERE p.region IS NOT NULL
     WITH p.region AS regionId
     MATCH (e:Enterprise) WHERE coalesce(e.synthetic, false) = false
     WITH e, coalesce(e.local, false) AS stored, ${LOCAL_TO_REGION('e', 'regionId')} AS derived
     WHERE stored <> derived
     RETURN e.id AS id, e.name AS name, stored, derived ORDER BY e.id`,
    { programId },
  );
  return rows as unknown as LocalMismatch[];
}
