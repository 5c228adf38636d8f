// What a briefing covers: the chains of a scope (a chain itself; the chains a leader post owns or
// sponsors; the chains a district hosts, directly or through a segment) and the program they belong to.
import type { ManagedTransaction } from 'neo4j-driver';
import { notFound } from '../errors.js';
import { runRows } from '../executor.js';
import { NODE_MAP, type NodeRow } from '../slice.js';

export type BriefingScopeKind = 'chain' | 'leader' | 'district';

export interface BriefingScopeRow {
  kind: BriefingScopeKind;
  /** The chain, leader post or district the briefing is about. */
  node: NodeRow;
  /** Chains covered, in priority then id order (real data only unless the scope is synthetic). */
  chains: NodeRow[];
  /** The program of the first chain (PART_OF), null when the graph has none. */
  program: NodeRow | null;
}

const LABEL_OF: Record<BriefingScopeKind, string> = { chain: 'Chain', leader: 'Leader', district: 'District' };

// Which chains a scope covers; only facts that count (confirmed or unverified) lead to a chain.
const CHAINS_OF: Record<BriefingScopeKind, string> = {
  chain: 'MATCH (c:Chain {id: $id})\nRETURN c',
  leader: `MATCH (:Leader {id: $id})-[r:OWNER_OF|PATRON_OF]->(c:Chain)
WHERE r.status IN ['confirmed', 'unverified']
RETURN DISTINCT c`,
  district: `MATCH (d:District {id: $id})-[r:HOSTS]->(t)
WHERE r.status IN ['confirmed', 'unverified'] AND (t:Chain OR t:Segment)
OPTIONAL MATCH (t)-[:PART_OF*1..8]->(up:Chain)
WITH CASE WHEN t:Chain THEN t ELSE up END AS c
WHERE c IS NOT NULL
RETURN DISTINCT c`,
};

/** The scope node, the chains it covers and their program; NOT_FOUND for an unknown id. */
export async function readBriefingScope(
  tx: ManagedTransaction,
  kind: BriefingScopeKind,
  id: string,
): Promise<BriefingScopeRow> {
  const [root] = await runRows(tx, `MATCH (n:${LABEL_OF[kind]} {id: $id})\nRETURN ${NODE_MAP('n')} AS node`, { id });
  if (!root) throw notFound(`The ${kind} ${JSON.stringify(id)}`);
  const node = root.node as NodeRow;
  const synthetic = node.synthetic === true;
  const rows = await runRows(
    tx,
    `CALL () {
  ${CHAINS_OF[kind].replace(/\n/g, '\n  ')}
}
WITH c
WHERE coalesce(c.synthetic, false) = false OR $synthetic
OPTIONAL MATCH (c)-[:PART_OF]->(p:Program)
WITH c, head(collect(p)) AS p
ORDER BY coalesce(c.priority, 99), c.id
RETURN ${NODE_MAP('c')} AS chain, CASE WHEN p IS NULL THEN null ELSE ${NODE_MAP('p')} END AS program`,
    { id, synthetic },
  );
  return {
    kind,
    node,
    chains: rows.map((r) => r.chain as NodeRow),
    program: (rows.find((r) => r.program)?.program as NodeRow | undefined) ?? null,
  };
}
