// The Cypher of recommendTargets, beside the functions that run it inside the caller's read
// transaction: candidates of a segment, their supply paths into local firms of the chain, and the
// institutes and districts backing the segment.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';
import { NODE_MAP, REL_MAP, type NodeRow, type RelRow } from '../slice.js';
import { IS_LOCAL } from './local-rule.js';
import { counts, type Scope } from './scope.js';

export interface Candidate {
  /** The firm: its id alone while ranking (loadCandidateNodes fills in the rest for the ones shown). */
  node: NodeRow;
  /** IN_SEGMENT and TARGET_FOR relationships into the segment or below it. */
  links: RelRow[];
  /** Distinct local firms of the chain it supplies, counted up to the cap that the weight uses. */
  supplied: number;
}

const LOCAL_BUYER = `${counts('b')} AND ${IS_LOCAL('b')} AND EXISTS {
      MATCH (b)-[mb:IN_SEGMENT]->(yb:Segment)
      WHERE yb.id IN $chainSegIds AND ${counts('mb')}
    }`;

const CANDIDATES = `
UNWIND $subtree AS sid
MATCH (x:Segment {id: sid})<-[r:IN_SEGMENT|TARGET_FOR]-(e:Enterprise)
WHERE ${counts('r')} AND ${counts('e')} AND NOT ${IS_LOCAL('e')}
WITH e, collect(${REL_MAP('r')}) AS links
RETURN e.id AS id, links,
  size(COLLECT {
    MATCH (e)-[rs:SUPPLIES]->(b:Enterprise)
    WHERE ${counts('rs')} AND ${LOCAL_BUYER}
    RETURN DISTINCT b.id
    LIMIT $cap
  }) AS supplied`;

export async function loadCandidates(
  tx: ManagedTransaction,
  params: { subtree: string[]; chainSegIds: string[]; cap: number; localDistricts: string[] } & Scope,
): Promise<Candidate[]> {
  const rows = await runRows(tx, CANDIDATES, { ...params, cap: neo4j.int(params.cap) });
  // Ranking needs only the id; a segment can have thousands of candidates and only `first` are shown.
  return rows.map((r) => ({
    node: { id: String(r.id) } as NodeRow,
    links: r.links as RelRow[],
    supplied: Number(r.supplied),
  }));
}

/** The full nodes of the candidates shown, by id. */
export async function loadCandidateNodes(tx: ManagedTransaction, ids: string[]): Promise<Map<string, NodeRow>> {
  if (!ids.length) return new Map();
  const rows = await runRows(tx, `UNWIND $ids AS id\nMATCH (e:Enterprise {id: id})\nRETURN ${NODE_MAP('e')} AS node`, {
    ids,
  });
  return new Map(rows.map((r) => [(r.node as NodeRow).id, r.node as NodeRow]));
}

export interface SupplyPath {
  supplier: string;
  /** Every distinct local firm of the chain the supplier supplies. */
  total: number;
  supplies: RelRow;
  buyer: NodeRow;
  buyerIn: RelRow;
}

const SUPPLY_PATHS = `
UNWIND $ids AS id
MATCH (e:Enterprise {id: id})
WITH e, size(COLLECT {
    MATCH (e)-[rs:SUPPLIES]->(b:Enterprise)
    WHERE ${counts('rs')} AND ${LOCAL_BUYER}
    RETURN DISTINCT b.id
  }) AS total
CALL (e) {
  MATCH (e)-[rs:SUPPLIES]->(b:Enterprise)
  WHERE ${counts('rs')} AND ${LOCAL_BUYER}
  WITH b, head(collect(rs)) AS rs
  CALL (b) {
    MATCH (b)-[m:IN_SEGMENT]->(y:Segment)
    WHERE y.id IN $chainSegIds AND ${counts('m')}
    RETURN m
    ORDER BY y.id
    LIMIT 1
  }
  RETURN rs, b, m
  ORDER BY b.id
  LIMIT $cap
}
RETURN e.id AS supplier, total, ${REL_MAP('rs')} AS supplies, ${NODE_MAP('b')} AS buyer, ${REL_MAP('m')} AS buyerIn`;

/** Up to `cap` supply paths (firm → SUPPLIES → local firm → IN_SEGMENT → segment of the chain) per candidate. */
export async function loadSupplyPaths(
  tx: ManagedTransaction,
  params: { ids: string[]; chainSegIds: string[]; cap: number; localDistricts: string[] } & Scope,
): Promise<SupplyPath[]> {
  if (!params.ids.length) return [];
  const rows = await runRows(tx, SUPPLY_PATHS, { ...params, cap: neo4j.int(params.cap) });
  return rows.map((r) => ({
    supplier: String(r.supplier),
    total: Number(r.total),
    supplies: r.supplies as RelRow,
    buyer: r.buyer as NodeRow,
    buyerIn: r.buyerIn as RelRow,
  }));
}

export interface Backer {
  /** The segment or chain backed. */
  target: string;
  node: NodeRow;
  rel: RelRow;
}

const backersQuery = (relType: 'SUPPORTS' | 'HOSTS', labels: string) => `
CALL () {
  UNWIND $lineSegIds AS id
  MATCH (t:Segment {id: id})
  RETURN t
  UNION
  MATCH (t:Chain {id: $chainId})
  RETURN t
}
MATCH (i)-[r:${relType}]->(t)
WHERE (${labels}) AND ${counts('i')} AND ${counts('r')}
RETURN t.id AS target, ${NODE_MAP('i')} AS node, ${REL_MAP('r')} AS rel
ORDER BY i.id`;

const SUPPORTERS = backersQuery('SUPPORTS', 'i:Institute OR i:University');
const HOSTS = backersQuery('HOSTS', 'i:District');

/** Institutes and universities supporting, and districts hosting, the segment, a segment above it or the chain. */
export async function loadBackers(
  tx: ManagedTransaction,
  params: { lineSegIds: string[]; chainId: string } & Scope,
): Promise<{ supporters: Backer[]; hosts: Backer[] }> {
  const map = (rows: Record<string, unknown>[]) =>
    rows.map((r) => ({ target: String(r.target), node: r.node as NodeRow, rel: r.rel as RelRow }));
  const [supporters, hosts] = await Promise.all([
    runRows(tx, SUPPORTERS, { ...params }),
    runRows(tx, HOSTS, { ...params }),
  ]);
  return { supporters: map(supporters), hosts: map(hosts) };
}
