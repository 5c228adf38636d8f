// The one meaning of "local" (ingestion contract section 0): a firm is local to a program when it is
// LOCATED_IN a district that is (transitively WITHIN) the program's region, and is not deregistered.
// Confirmed and unverified locations and containments count, proposed and rejected ones do not (the
// statuses every analysis counts). Analyses read this rule, never the stored Enterprise.local; localMismatches audits the latter.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';

/** A location or containment that counts: not proposed, rejected or retired (no status: written before statuses). */
const PLACED = (v: string) => `NOT coalesce(${v}.status, 'confirmed') IN ['proposed', 'rejected', 'retired']`;

/** A deregistered firm (登记状态 注销 / 吊销, registry imports) operates nowhere, whatever its old location. */
const OPERATING = (firm: string) =>
  `NOT (coalesce(${firm}.registrationStatus, '') CONTAINS '注销' OR coalesce(${firm}.registrationStatus, '') CONTAINS '吊销')`;

/** Cypher predicate: `firm` is local to the region whose district id is `region` (a parameter or expression). */
export const LOCAL_TO_REGION = (firm: string, region = '$regionId') =>
  `(${OPERATING(firm)} AND EXISTS { MATCH (${firm})-[loc:LOCATED_IN]->(:District)-[w:WITHIN*0..8]->(:District {id: ${region}})
            WHERE ${PLACED('loc')} AND all(x IN w WHERE ${PLACED('x')}) })`;

/**
 * Cypher predicate: `firm` is local to the program of the chain that `toChain` reaches (a pattern
 * ending at a chain, e.g. `(p)` for a chain variable p). For per-row queries over many parents.
 */
export const LOCAL_TO_CHAIN_PROGRAM = (firm: string, toChain: string) =>
  `EXISTS { MATCH ${toChain}-[:PART_OF]->(lp:Program) WHERE lp.region IS NOT NULL AND ${LOCAL_TO_REGION(firm, 'lp.region')} }`;

/**
 * Cypher predicate: `firm` is local, given the parameter $localDistricts (the ids of the districts within
 * the region, from localScope*): one short expansion per firm, for analyses that test many firms.
 */
export const IS_LOCAL = (firm: string) =>
  `(${OPERATING(firm)} AND EXISTS { MATCH (${firm})-[loc:LOCATED_IN]->(ld:District) WHERE ld.id IN $localDistricts AND ${PLACED('loc')} })`;

/**
 * Cypher predicate: `firm` is local, given a list variable `districts` of the District nodes within the
 * region (matched once by the query from $localDistricts): the same rule as IS_LOCAL, compared as nodes.
 */
export const IS_LOCAL_IN = (firm: string, districts: string) =>
  `(${OPERATING(firm)} AND EXISTS { MATCH (${firm})-[loc:LOCATED_IN]->(ld) WHERE ld IN ${districts} AND ${PLACED('loc')} })`;

export interface LocalScope {
  /** The region's district id (null: the program has none, so no firm is local to it). */
  regionId: string | null;
  /** The region and every district within it. */
  localDistricts: string[];
}

/** The region and the districts within it (WITHIN*0..8 over counted containments). */
export async function localScopeOfRegion(tx: ManagedTransaction, regionId: string | null): Promise<LocalScope> {
  if (!regionId) return { regionId: null, localDistricts: [] };
  const rows = await runRows(
    tx,
    `MATCH p = (d:District)-[:WITHIN*0..8]->(:District {id: $regionId})
     WHERE all(x IN relationships(p) WHERE ${PLACED('x')})
     RETURN collect(DISTINCT d.id) AS ids`,
    { regionId },
  );
  return { regionId, localDistricts: (rows[0]?.ids as string[]) ?? [] };
}

/** The local scope of a program (its `region`). */
export async function localScopeOfProgram(tx: ManagedTransaction, programId: string): Promise<LocalScope> {
  const rows = await runRows(tx, 'MATCH (p:Program {id: $programId}) RETURN p.region AS region', { programId });
  return localScopeOfRegion(tx, (rows[0]?.region as string) ?? null);
}

/** The local scope of the program a chain is PART_OF (the first by id with a region, if several): one query. */
export async function localScopeOfChain(tx: ManagedTransaction, chainId: string): Promise<LocalScope> {
  const rows = await runRows(
    tx,
    `MATCH (:Chain {id: $chainId})-[:PART_OF]->(p:Program) WHERE p.region IS NOT NULL
     WITH p.region AS regionId ORDER BY p.id LIMIT 1
     OPTIONAL MATCH w = (d:District)-[:WITHIN*0..8]->(:District {id: regionId})
     WHERE all(x IN relationships(w) WHERE ${PLACED('x')})
     RETURN regionId, collect(DISTINCT d.id) AS ids`,
    { chainId },
  );
  const row = rows[0];
  return row
    ? { regionId: String(row.regionId), localDistricts: row.ids as string[] }
    : { regionId: null, localDistricts: [] };
}

/** The local scope of the program a goal's owner answers to; a District owner is its own region. */
export async function localScopeOfOwner(tx: ManagedTransaction, label: string, id: string): Promise<LocalScope> {
  if (label === 'Program') return localScopeOfProgram(tx, id);
  if (label === 'District') return localScopeOfRegion(tx, id);
  if (label === 'Chain') return localScopeOfChain(tx, id);
  const rows = await runRows(
    tx,
    'MATCH (:Segment {id: $id})-[:PART_OF*1..8]->(c:Chain) RETURN c.id AS chainId ORDER BY c.id LIMIT 1',
    { id },
  );
  return rows[0] ? localScopeOfChain(tx, String(rows[0].chainId)) : { regionId: null, localDistricts: [] };
}

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
