// The subgraph a researcher picks for centrality and communities, read in one read transaction:
// either given node ids (and the relationships among them), or everything within `depth` hops of a
// chain (breadth first through APOC, capped at `limit` nodes). Only facts that count are kept, and
// TARGET_FOR only for the analyst role.
import type { ManagedTransaction } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { badInput, notFound } from '../errors.js';
import { runRows } from '../executor.js';
import { labelOfId, type Label } from '../model.js';
import { buildSlice, NODE_MAP, REL_MAP, type GraphSlice, type NodeRow, type RelRow } from '../slice.js';
import { traversableTypes } from '../queries/common.js';
import { COUNTED_STATUSES } from './scope.js';

export interface SubgraphChoice {
  ids?: string[] | null;
  chainId?: string | null;
  /** Hops from the chain, 1..3 (default 2). */
  depth?: number | null;
  /** Node cap, 1..5000 (default 2000). */
  limit?: number | null;
  canSeeTargets: boolean;
  includeSynthetic?: boolean;
}

export const SUBGRAPH_LIMITS = { maxDepth: 3, defaultDepth: 2, maxNodes: 5000, defaultNodes: 2000, maxIds: 5000 };

const keep = (props: Record<string, unknown>, synthetic: boolean) =>
  (COUNTED_STATUSES as readonly string[]).includes(String(props.status)) &&
  props.retiredAt == null && // retired facts are kept, not shown (graph/queries/common.ts LIVE)
  (synthetic || props.synthetic !== true);

const AROUND_CHAIN = `
MATCH (c:Chain {id: $chainId})
CALL apoc.path.subgraphAll(c, {maxLevel: $depth, relationshipFilter: $relFilter, limit: $limit})
YIELD nodes, relationships
RETURN [n IN nodes | ${NODE_MAP('n')}] AS nodes, [r IN relationships | ${REL_MAP('r')}] AS rels`;

export async function readSubgraph(tx: ManagedTransaction, choice: SubgraphChoice): Promise<GraphSlice> {
  const types = traversableTypes(choice.canSeeTargets);
  let nodes: NodeRow[];
  let rels: RelRow[];
  let truncated = false;
  if (choice.ids?.length) {
    if (choice.ids.length > SUBGRAPH_LIMITS.maxIds) throw badInput(`Give at most ${SUBGRAPH_LIMITS.maxIds} ids.`);
    const byLabel = new Map<Label, string[]>();
    for (const id of new Set(choice.ids)) {
      const label = labelOfId(id);
      if (!label) throw badInput(`"${id}" is not an id of the graph (its prefix names no label).`);
      byLabel.set(label, [...(byLabel.get(label) ?? []), id]);
    }
    nodes = [];
    rels = [];
    for (const [label, ids] of byLabel) {
      // label from the closed list: the id lookup uses the uniqueness constraint's index
      const rows = await runRows(
        tx,
        `UNWIND $ids AS id
MATCH (a:${label} {id: id})
RETURN ${NODE_MAP('a')} AS node, COLLECT { MATCH (a)-[r]->(b) WHERE type(r) IN $types AND b.id IN $all RETURN ${REL_MAP('r')} } AS rels`,
        { ids, types, all: choice.ids },
      );
      for (const row of rows) {
        nodes.push(row.node as NodeRow);
        rels.push(...(row.rels as RelRow[]));
      }
    }
    const missing = choice.ids.filter((id) => !nodes.some((n) => n.id === id));
    if (missing.length)
      throw notFound(
        `${missing
          .slice(0, 5)
          .map((m) => `"${m}"`)
          .join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`,
      );
  } else if (choice.chainId) {
    const depth = Math.min(
      Math.max(Math.trunc(choice.depth ?? SUBGRAPH_LIMITS.defaultDepth), 1),
      SUBGRAPH_LIMITS.maxDepth,
    );
    const limit = Math.min(
      Math.max(Math.trunc(choice.limit ?? SUBGRAPH_LIMITS.defaultNodes), 1),
      SUBGRAPH_LIMITS.maxNodes,
    );
    const [row] = await runRows(tx, AROUND_CHAIN, {
      chainId: choice.chainId,
      depth: neo4j.int(depth),
      limit: neo4j.int(limit),
      relFilter: types.join('|'),
    });
    if (!row) throw notFound(`Chain "${choice.chainId}"`);
    nodes = row.nodes as NodeRow[];
    rels = row.rels as RelRow[];
    truncated = nodes.length >= limit;
  } else {
    throw badInput('Choose the subgraph: give ids, or a chainId (with depth).');
  }
  const synthetic =
    choice.includeSynthetic === true ||
    (choice.chainId ? nodes.find((n) => n.id === choice.chainId)?.synthetic === true : false);
  const kept = nodes.filter((n) => keep(n, synthetic));
  return buildSlice(
    kept,
    rels.filter((r) => keep(r.props ?? {}, synthetic)),
    truncated,
  );
}
