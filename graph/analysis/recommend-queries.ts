// The Cypher of recommendTargets, beside the functions that run it inside the caller's read
// transaction: candidates of a segment, their supply paths into local firms of the chain, and the
// institutes and districts backing the segment.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';
import { NODE_MAP, REL_MAP, type NodeRow, type RelRow } from '../slice.js';
import { IS_LOCAL_IN } from './local-rule.js';
import { counts, type Scope } from './scope.js';

export interface Candidate {
  /** The firm: its id alone while ranking (loadCandidateNodes fills in the rest for the ones shown). */
  node: NodeRow;
  /**
   * IN_SEGMENT and TARGET_FOR relationships into the segment or below it. While ranking they are slim
   * (type, ends, and only the stage and its date of a TARGET_FOR); loadCandidateNodes puts the full
   * relationships of the firms shown in their place.
   */
  links: RelRow[];
  /** Element ids of `links`, in the same order (to read the full ones of the firms shown). */
  linkIds: string[];
  /** Distinct local firms of the chain it supplies, counted up to the cap that the weight uses. */
  supplied: number;
}

/**
 * The region's districts and the chain's segments, matched once and then compared as nodes (instead of
 * reading an id property for every firm or edge tested).
 */
const SCOPE_NODES = `
OPTIONAL MATCH (ld:District) WHERE ld.id IN $localDistricts
WITH collect(ld) AS lds
OPTIONAL MATCH (cs:Segment) WHERE cs.id IN $chainSegIds
WITH lds, collect(cs) AS chainSegs`;

/** `b` is a local firm of the chain (needs lds and chainSegs of SCOPE_NODES). */
const LOCAL_BUYER = `${counts('b')} AND ${IS_LOCAL_IN('b', 'lds')} AND EXISTS {
      MATCH (b)-[mb:IN_SEGMENT]->(yb)
      WHERE yb IN chainSegs AND ${counts('mb')}
    }`;

const CANDIDATES = `${SCOPE_NODES}
UNWIND $subtree AS sid
MATCH (x:Segment {id: sid})<-[r:IN_SEGMENT|TARGET_FOR]-(e:Enterprise)
WHERE ${counts('r')} AND ${counts('e')}
WITH lds, chainSegs, e, collect(r) AS rels, collect(sid) AS tos
// outside firms only: tested once per firm, not once per link
WHERE NOT ${IS_LOCAL_IN('e', 'lds')}
WITH lds, chainSegs, e, e.id AS id, rels, tos
RETURN id,
  [i IN range(0, size(rels) - 1) | {type: type(rels[i]), from: id, to: tos[i],
    props: CASE WHEN type(rels[i]) = 'TARGET_FOR' THEN {stage: rels[i].stage, stageSince: rels[i].stageSince} ELSE {} END}] AS links,
  [r IN rels | elementId(r)] AS linkIds,
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
    linkIds: r.linkIds as string[],
    supplied: Number(r.supplied),
  }));
}

const CANDIDATE_NODES = `
UNWIND $firms AS firm
MATCH (e:Enterprise {id: firm.id})
RETURN ${NODE_MAP('e')} AS node, COLLECT {
  UNWIND firm.linkIds AS rid
  MATCH ()-[r]->()
  WHERE elementId(r) = rid
  RETURN {id: rid, rel: ${REL_MAP('r')}}
} AS links`;

/** The full nodes of the candidates shown, by id, with their full links (in the order of `linkIds`). */
export async function loadCandidateNodes(
  tx: ManagedTransaction,
  candidates: Pick<Candidate, 'node' | 'linkIds'>[],
): Promise<Map<string, { node: NodeRow; links: RelRow[] }>> {
  if (!candidates.length) return new Map();
  const rows = await runRows(tx, CANDIDATE_NODES, {
    firms: candidates.map((c) => ({ id: c.node.id, linkIds: c.linkIds })),
  });
  const linkIdsOf = new Map(candidates.map((c) => [c.node.id, c.linkIds]));
  return new Map(
    rows.map((r) => {
      const node = r.node as NodeRow;
      const byId = new Map((r.links as { id: string; rel: RelRow }[]).map((l) => [l.id, l.rel]));
      const links = (linkIdsOf.get(node.id) ?? []).map((id) => byId.get(id)).filter((l): l is RelRow => !!l);
      return [node.id, { node, links }];
    }),
  );
}

export interface SupplyPath {
  supplier: string;
  /** Every distinct local firm of the chain the supplier supplies. */
  total: number;
  supplies: RelRow;
  buyer: NodeRow;
  buyerIn: RelRow;
}

// One pass over each candidate's supply edges: the distinct local buyers counted, the first `cap` of
// them by id kept for the paths.
const SUPPLY_PATHS = `${SCOPE_NODES}
UNWIND $ids AS id
MATCH (e:Enterprise {id: id})
CALL (e, lds, chainSegs) {
  MATCH (e)-[rs:SUPPLIES]->(b:Enterprise)
  WHERE ${counts('rs')} AND ${LOCAL_BUYER}
  WITH b, head(collect(rs)) AS rs
  ORDER BY b.id
  RETURN count(b) AS total, collect({b: b, rs: rs})[..$cap] AS first
}
UNWIND first AS p
WITH e, total, p.b AS b, p.rs AS rs, chainSegs
CALL (b, chainSegs) {
  MATCH (b)-[m:IN_SEGMENT]->(y)
  WHERE y IN chainSegs AND ${counts('m')}
  RETURN m
  ORDER BY y.id
  LIMIT 1
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
