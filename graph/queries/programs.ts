// Programs and what belongs to them (ingestion contract section 0): a program's chains, their
// segments, its posts (coordinating it or sponsoring/owning one of its chains) and the districts of its
// region (transitively WITHIN it). Read fields use it to answer for one program.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';

export interface ProgramScope {
  id: string;
  /** The region's district id, or null where no source-backed region is recorded. */
  region: string | null;
  chains: Set<string>;
  segments: Set<string>;
  leaders: Set<string>;
  /** The region and every district within it. */
  districts: Set<string>;
}

/** The scope of a program, or null when there is no such program. */
export async function programScope(tx: ManagedTransaction, programId: string): Promise<ProgramScope | null> {
  const [row] = await runRows(
    tx,
    `MATCH (p:Program {id: $programId})
     RETURN p.region AS region,
       COLLECT { MATCH (c:Chain)-[:PART_OF]->(p) RETURN c.id } AS chains,
       COLLECT { MATCH (s:Segment)-[:PART_OF*1..8]->(:Chain)-[:PART_OF]->(p) RETURN DISTINCT s.id } AS segments,
       COLLECT { MATCH (l:Leader) WHERE (l)-[:COORDINATES]->(p) OR EXISTS { (l)-[:PATRON_OF|OWNER_OF]->(:Chain)-[:PART_OF]->(p) }
                 RETURN l.id } AS leaders,
       COLLECT { MATCH (d:District)-[:WITHIN*0..8]->(r:District) WHERE r.id = p.region RETURN DISTINCT d.id } AS districts`,
    { programId },
  );
  if (!row) return null;
  const set = (key: string) => new Set((row[key] as string[]) ?? []);
  return {
    id: programId,
    region: (row.region as string) ?? null,
    chains: set('chains'),
    segments: set('segments'),
    leaders: set('leaders'),
    districts: set('districts'),
  };
}

/** Whether a node of a program-scoped label belongs to the program; shared labels always do. */
export function inScope(scope: ProgramScope, label: string, id: string): boolean {
  switch (label) {
    case 'Program':
      return id === scope.id;
    case 'Chain':
      return scope.chains.has(id);
    case 'Segment':
      return scope.segments.has(id);
    case 'Leader':
      return scope.leaders.has(id);
    default:
      return true;
  }
}
