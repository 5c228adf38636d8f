// Root reads of entities: by id (the id's prefix names the label, so the id index is used), the
// programs, the chains of a program and the leadership posts. Operational nodes (Proposal)
// have no domain label and can never come back from here.
import type { ManagedTransaction } from 'neo4j-driver';
import { labelOfId, type Label } from '../model.js';
import { runRows } from '../executor.js';
import { LIVE, NODE_MAP, type NodeRow } from './common.js';

/** The nodes with these ids, in one query, in no particular order; unknown ids are simply absent. */
export async function findNodesByIds(tx: ManagedTransaction, ids: string[]): Promise<NodeRow[]> {
  const byLabel = new Map<Label, string[]>();
  for (const id of new Set(ids)) {
    const label = labelOfId(id);
    if (label) byLabel.set(label, [...(byLabel.get(label) ?? []), id]);
  }
  if (!byLabel.size) return [];
  const params: Record<string, string[]> = {};
  const branches = [...byLabel.entries()].map(([label, labelIds], i) => {
    params[`ids${i}`] = labelIds;
    return `UNWIND $ids${i} AS id MATCH (n:${label} {id: id}) RETURN n`;
  });
  const cypher = `CALL () {\n${branches.join('\nUNION ALL\n')}\n}\nRETURN ${NODE_MAP('n')} AS node`;
  const rows = await runRows(tx, cypher, params);
  return rows.map((r) => r.node as NodeRow);
}

export async function listPrograms(tx: ManagedTransaction, includeSynthetic: boolean): Promise<NodeRow[]> {
  const rows = await runRows(
    tx,
    `MATCH (n:Program)
     WHERE (coalesce(n.synthetic, false) = false OR $synthetic) AND ${LIVE('n')}
     RETURN ${NODE_MAP('n')} AS node
     ORDER BY coalesce(n.synthetic, false), n.issuedOn, n.id`,
    { synthetic: includeSynthetic },
  );
  return rows.map((r) => r.node as NodeRow);
}

export interface ChainFilter {
  programId?: string | null;
  /** 'key' | 'guarantee' */
  kind?: string | null;
  includeSynthetic: boolean;
}

/** Chains of one program, or of every (non-synthetic unless asked) program; key chains first. */
export async function listChains(tx: ManagedTransaction, filter: ChainFilter): Promise<NodeRow[]> {
  const rows = await runRows(
    tx,
    `MATCH (n:Chain)-[:PART_OF]->(pg:Program)
     WHERE ($programId IS NULL OR pg.id = $programId)
       AND ($kind IS NULL OR n.kind = $kind) AND ${LIVE('n')}
       AND ((coalesce(n.synthetic, false) = false AND coalesce(pg.synthetic, false) = false) OR $synthetic OR $programId IS NOT NULL)
     WITH DISTINCT n
     RETURN ${NODE_MAP('n')} AS node
     ORDER BY CASE n.kind WHEN 'key' THEN 0 ELSE 1 END, coalesce(n.priority, 99), size(n.id), n.id`,
    { programId: filter.programId ?? null, kind: filter.kind ?? null, synthetic: filter.includeSynthetic },
  );
  return rows.map((r) => r.node as NodeRow);
}

/** Every leadership post: coordinators, then sponsors, then owners; by body and title. */
export async function listLeaders(tx: ManagedTransaction, includeSynthetic: boolean): Promise<NodeRow[]> {
  const rows = await runRows(
    tx,
    `MATCH (n:Leader)
     WHERE (coalesce(n.synthetic, false) = false OR $synthetic) AND ${LIVE('n')}
     RETURN ${NODE_MAP('n')} AS node
     ORDER BY CASE WHEN (n)-[:COORDINATES]->() THEN 0 WHEN (n)-[:PATRON_OF]->() THEN 1 WHEN (n)-[:OWNER_OF]->() THEN 2 ELSE 3 END, n.body, n.title, n.id`,
    { synthetic: includeSynthetic },
  );
  return rows.map((r) => r.node as NodeRow);
}

/** Source nodes by id (to turn `sources` id lists into citations). */
export async function findSourcesByIds(tx: ManagedTransaction, ids: string[]): Promise<NodeRow[]> {
  if (!ids.length) return [];
  const rows = await runRows(tx, `UNWIND $ids AS id MATCH (n:Source {id: id}) RETURN ${NODE_MAP('n')} AS node`, {
    ids: [...new Set(ids)],
  });
  return rows.map((r) => r.node as NodeRow);
}
