// What a registry import places firms on, read from the graph for ONE program in one query: its region
// (name, aliases, the districts transitively WITHIN it, the districts it lies within) and the segments of
// its chains with their parents. The registry engine never reads seed files for this.
import type { ManagedTransaction } from 'neo4j-driver';
import { notFound } from '../errors.js';
import { runRows } from '../executor.js';

export interface ScopeDistrict {
  id: string;
  name: string;
  aliases: string[];
  /** The district it is directly WITHIN (inside the region), or null for the region itself. */
  parent: string | null;
}

export interface ScopeSegment {
  id: string;
  name: string;
  aliases: string[];
  /** The segment or chain it is directly PART_OF. */
  parent: string | null;
}

export interface RegistryScope {
  programId: string;
  region: ScopeDistrict;
  /** Names of the districts the region itself lies within (a province), nearest first. */
  regionAncestors: string[];
  districts: ScopeDistrict[];
  segments: ScopeSegment[];
}

/** Districts and segments come ordered by id: ties in district matching must not depend on storage order. */
export async function readRegistryScope(tx: ManagedTransaction, programId: string): Promise<RegistryScope> {
  const [row] = await runRows(
    tx,
    `MATCH (p:Program {id: $programId})
     OPTIONAL MATCH (r:District {id: p.region})
     RETURN p.region AS regionId, r {.id, .name, aliases: coalesce(r.aliases, [])} AS region,
       COLLECT { MATCH (r)-[w:WITHIN*1..4]->(a:District) RETURN a.name ORDER BY size(w) } AS ancestors,
       COLLECT { MATCH (d:District)-[:WITHIN*1..8]->(r)
                 WITH DISTINCT d
                 OPTIONAL MATCH (d)-[:WITHIN]->(up:District)
                 RETURN d {.id, .name, aliases: coalesce(d.aliases, []), parent: up.id} ORDER BY d.id } AS districts,
       COLLECT { MATCH (s:Segment)-[:PART_OF*1..8]->(:Chain)-[:PART_OF]->(p)
                 WITH DISTINCT s
                 OPTIONAL MATCH (s)-[:PART_OF]->(up)
                 WHERE up:Segment OR up:Chain
                 RETURN s {.id, .name, aliases: coalesce(s.aliases, []), parent: up.id} ORDER BY s.id } AS segments`,
    { programId },
  );
  if (!row) throw notFound(`The program ${JSON.stringify(programId)}`);
  if (!row.region)
    throw notFound(
      `The region of ${programId} (Program.region ${JSON.stringify(row.regionId)}, a District id) — a registry import places firms only within a program's region`,
    );
  return {
    programId,
    region: { ...(row.region as Omit<ScopeDistrict, 'parent'>), parent: null },
    regionAncestors: row.ancestors as string[],
    districts: row.districts as ScopeDistrict[],
    segments: row.segments as ScopeSegment[],
  };
}
