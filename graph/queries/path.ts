// Shortest paths between two entities, ignoring direction, over the relationship types the caller may
// see. Up to MAX_PATHS paths of the same (shortest) length are merged into one slice. No path within
// maxHops is an empty slice, not an error.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { notFound } from '../errors.js';
import { runRows } from '../executor.js';
import { labelOfId } from '../model.js';
import { buildSlice, type GraphSlice, mergeSlices, NODE_MAP, type NodeRow, type RelRow } from '../slice.js';
import { clampInt, LIVE, relTypeExpression, traversableTypes } from './common.js';

export const MAX_HOPS = 8;
export const MAX_PATHS = 10;

export async function shortestPaths(
  tx: ManagedTransaction,
  from: string,
  to: string,
  maxHops: number,
  canSeeTargets: boolean,
): Promise<GraphSlice> {
  const hops = clampInt(maxHops, 1, MAX_HOPS, 6);
  const fromLabel = labelOfId(from);
  const toLabel = labelOfId(to);
  if (!fromLabel) throw notFound(`The entity ${JSON.stringify(from)}`);
  if (!toLabel) throw notFound(`The entity ${JSON.stringify(to)}`);
  const ends = await runRows(
    tx,
    `OPTIONAL MATCH (a:${fromLabel} {id: $from})
     OPTIONAL MATCH (b:${toLabel} {id: $to})
     RETURN ${NODE_MAP('a')} AS a, ${NODE_MAP('b')} AS b`,
    { from, to },
  );
  const a = ends[0]?.a as NodeRow | null;
  const b = ends[0]?.b as NodeRow | null;
  if (!a) throw notFound(`The entity ${JSON.stringify(from)}`);
  if (!b) throw notFound(`The entity ${JSON.stringify(to)}`);
  if (from === to) return buildSlice([a], []);

  const types = relTypeExpression(traversableTypes(canSeeTargets));
  // Synthetic nodes only when an end is synthetic. `hops` is a clamped integer, spliced because
  // path lengths cannot be parameters.
  const rows = await runRows(
    tx,
    `MATCH (a:${fromLabel} {id: $from}), (b:${toLabel} {id: $to})
     MATCH p = allShortestPaths((a)-[:${types}*..${hops}]-(b))
     WHERE all(n IN nodes(p) WHERE (coalesce(n.synthetic, false) = false OR $synthetic) AND ${LIVE('n')})
       AND all(r IN relationships(p) WHERE ${LIVE('r')})
     RETURN [n IN nodes(p) | ${NODE_MAP('n')}] AS nodes,
            [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS rels
     LIMIT $take`,
    { from, to, synthetic: a.synthetic === true || b.synthetic === true, take: neo4j.int(MAX_PATHS + 1) },
  );
  const truncated = rows.length > MAX_PATHS;
  const slices = rows.slice(0, MAX_PATHS).map((r) => buildSlice(r.nodes as NodeRow[], r.rels as RelRow[]));
  if (!slices.length) return { nodes: [], edges: [], truncated: false };
  return { ...mergeSlices(...slices), truncated };
}
