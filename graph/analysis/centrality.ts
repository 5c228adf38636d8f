// Degree and betweenness centrality and Louvain communities on a researcher's chosen subgraph
// (subgraph.ts), computed in TypeScript with graphology (there is no Graph Data Science plugin).
// Direction is ignored: a tie is a tie. Louvain runs with a seeded random source, so the same
// subgraph always gives the same communities.
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import type { Executor } from '../executor.js';
import type { GraphSlice, SliceNode } from '../slice.js';
import { readSubgraph, type SubgraphChoice } from './subgraph.js';
import { mulberry32 } from '../random.js';

export interface NodeMetrics {
  node: SliceNode;
  /** Distinct neighbours in the subgraph. */
  degree: number;
  /** degree / (n − 1). */
  degreeCentrality: number;
  /** Normalised betweenness (share of shortest paths through the node). */
  betweenness: number;
  community: number;
}

export interface Community {
  id: number;
  size: number;
  /** Member ids, highest degree first. */
  members: string[];
}

export interface SubgraphMetrics {
  /** Highest betweenness first. */
  nodes: NodeMetrics[];
  communities: Community[];
  modularity: number;
  slice: GraphSlice;
  truncated: boolean;
}

// Both packages are CommonJS whose typings declare an ES default export: at run time the default
// import is module.exports itself, so the typings' `default` is what we hold.
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;
const louvain = louvainModule as unknown as typeof louvainModule.default;

/** A seeded generator for reproducible Louvain runs. */
const seeded = mulberry32;

export function computeMetrics(slice: GraphSlice): SubgraphMetrics {
  const graph = new UndirectedGraph();
  for (const n of slice.nodes) graph.addNode(n.id);
  for (const e of slice.edges)
    if (e.source !== e.target && !graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target);
  const n = graph.order;
  const betweenness = n > 2 ? betweennessCentrality(graph, { normalized: true }) : {};
  let communityOf: Record<string, number> = {};
  let modularity = 0;
  if (graph.size > 0) {
    const detailed = louvain.detailed(graph, { rng: seeded(42) });
    communityOf = detailed.communities;
    modularity = detailed.modularity;
  } else {
    for (const [i, node] of slice.nodes.entries()) communityOf[node.id] = i;
  }
  const nodes: NodeMetrics[] = slice.nodes.map((node) => {
    const degree = graph.degree(node.id);
    return {
      node,
      degree,
      degreeCentrality: n > 1 ? degree / (n - 1) : 0,
      betweenness: betweenness[node.id] ?? 0,
      community: communityOf[node.id] ?? 0,
    };
  });
  nodes.sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree || a.node.id.localeCompare(b.node.id));
  const groups = new Map<number, NodeMetrics[]>();
  for (const m of nodes) groups.set(m.community, [...(groups.get(m.community) ?? []), m]);
  const communities = [...groups.entries()]
    .map(([id, members]) => ({
      id,
      size: members.length,
      members: members.sort((a, b) => b.degree - a.degree || a.node.id.localeCompare(b.node.id)).map((m) => m.node.id),
    }))
    .sort((a, b) => b.size - a.size || a.id - b.id);
  return { nodes, communities, modularity, slice, truncated: slice.truncated };
}

/** Reads the chosen subgraph in one read transaction and computes its metrics. */
export async function subgraphMetrics(executor: Executor, choice: SubgraphChoice): Promise<SubgraphMetrics> {
  const slice = await executor.read((tx) => readSubgraph(tx, choice));
  return computeMetrics(slice);
}
