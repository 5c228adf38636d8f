// The slice around an entity, breadth first: one query per level (depth ≤ 3) plus one for the edges
// among the nodes found, all in the caller's transaction. Only relationship types the caller may see
// are traversed (no TARGET_FOR below analyst), only domain labels are reached, and the node count is
// capped (`truncated` when the cap cut the slice).
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { notFound } from '../errors.js';
import { runRows } from '../executor.js';
import { LABELS, labelOfId, type Label } from '../model.js';
import { buildSlice, type GraphSlice, NODE_MAP, type NodeRow, type RelRow } from '../slice.js';
import { clampInt, LIVE, labelExpression, relTypeExpression, traversableTypes } from './common.js';

export const MAX_DEPTH = 3;
export const MAX_NODES = 1000;
/** Edges per slice: beyond this the slice is truncated (a hub with thousands of firms). */
export const MAX_EDGES = 5000;

export interface NeighborhoodOptions {
  depth: number;
  limit: number;
  labels?: readonly Label[];
  canSeeTargets: boolean;
}

export async function neighborhood(
  tx: ManagedTransaction,
  id: string,
  options: NeighborhoodOptions,
): Promise<GraphSlice> {
  const depth = clampInt(options.depth, 1, MAX_DEPTH, 1);
  const limit = clampInt(options.limit, 1, MAX_NODES, 200);
  const rootLabel = labelOfId(id);
  if (!rootLabel) throw notFound(`The entity ${JSON.stringify(id)}`);
  const types = relTypeExpression(traversableTypes(options.canSeeTargets));
  const labels = labelExpression(options.labels?.length ? options.labels : LABELS);

  const [root] = await runRows(
    tx,
    `MATCH (n:${rootLabel} {id: $id}) RETURN elementId(n) AS eid, ${NODE_MAP('n')} AS node`,
    { id },
  );
  if (!root) throw notFound(`The entity ${JSON.stringify(id)}`);
  const synthetic = (root.node as NodeRow).synthetic === true;
  const nodes: NodeRow[] = [root.node as NodeRow];
  const seen: string[] = [root.eid as string];
  let frontier = [root.eid as string];
  let truncated = false;

  for (let level = 1; level <= depth && frontier.length && !truncated; level++) {
    const remaining = limit - nodes.length;
    if (remaining <= 0) {
      truncated = true;
      break;
    }
    const rows = await runRows(
      tx,
      `MATCH (a)-[:${types}]-(b:${labels})
       WHERE elementId(a) IN $frontier AND NOT elementId(b) IN $seen
         AND (coalesce(b.synthetic, false) = false OR $synthetic) AND ${LIVE('b')}
       WITH DISTINCT b
       LIMIT $take
       RETURN elementId(b) AS eid, ${NODE_MAP('b')} AS node`,
      { frontier, seen, synthetic, take: neo4j.int(remaining + 1) },
    );
    if (rows.length > remaining) {
      truncated = true;
      rows.length = remaining;
    }
    frontier = rows.map((r) => r.eid as string);
    seen.push(...frontier);
    nodes.push(...rows.map((r) => r.node as NodeRow));
  }

  const edgeRows = await runRows(
    tx,
    `MATCH (a)-[r:${types}]->(b)
     WHERE elementId(a) IN $ids AND elementId(b) IN $ids AND ${LIVE('r')}
     RETURN {type: type(r), from: a.id, to: b.id, props: properties(r)} AS rel
     LIMIT $maxEdges`,
    { ids: seen, maxEdges: neo4j.int(MAX_EDGES + 1) },
  );
  if (edgeRows.length > MAX_EDGES) {
    truncated = true;
    edgeRows.length = MAX_EDGES;
  }
  return buildSlice(
    nodes,
    edgeRows.map((r) => r.rel as RelRow),
    truncated,
  );
}
