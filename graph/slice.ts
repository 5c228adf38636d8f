// Graph slices (nodes + edges ready for Cytoscape and for evidence paths) built from Cypher rows.
// Queries project nodes with NODE_MAP and relationships with REL_MAP; buildSlice dedupes them.
import { edgeId, entityTypeOf, type Label, LABELS } from './model.js';

export interface SliceNode {
  id: string;
  /** EntityType: PROGRAM, CHAIN, ENTERPRISE… */
  type: string;
  label: string;
  data: Record<string, unknown>;
}
export interface SliceEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  data: Record<string, unknown>;
}
export interface GraphSlice {
  nodes: SliceNode[];
  edges: SliceEdge[];
  truncated: boolean;
}

/** Cypher map projection of node variable `v`: its properties plus its labels. */
export const NODE_MAP = (v: string) => `${v} {.*, _labels: labels(${v})}`;
/** Cypher map projection of relationship variable `r`: type, end ids and properties. */
export const REL_MAP = (r: string) =>
  `{type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id, props: properties(${r})}`;

export interface NodeRow extends Record<string, unknown> {
  id: string;
  _labels: string[];
}
export interface RelRow {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export function primaryLabel(labels: string[]): Label | null {
  return (LABELS.find((l) => labels.includes(l)) as Label | undefined) ?? null;
}

/** A node row's stored properties (without the labels the projection adds). */
export function nodeProps(row: NodeRow): Record<string, unknown> {
  const { _labels, ...props } = row;
  return props;
}

export function sliceNode(row: NodeRow): SliceNode {
  const { _labels } = row;
  const data = nodeProps(row);
  const label = primaryLabel(_labels ?? []);
  return { id: row.id, type: label ? entityTypeOf(label) : 'UNKNOWN', label: String(data.name ?? row.id), data };
}

export function sliceEdge(rel: RelRow): SliceEdge {
  return {
    id: edgeId(rel.type, rel.from, rel.to),
    source: rel.from,
    target: rel.to,
    type: rel.type,
    data: rel.props ?? {},
  };
}

/** Dedupes nodes and edges; drops edges whose ends are not in the slice. */
export function buildSlice(nodes: NodeRow[], rels: RelRow[], truncated = false): GraphSlice {
  const nodeMap = new Map<string, SliceNode>();
  for (const n of nodes) if (n?.id && !nodeMap.has(n.id)) nodeMap.set(n.id, sliceNode(n));
  const edgeMap = new Map<string, SliceEdge>();
  for (const r of rels) {
    if (!r || !nodeMap.has(r.from) || !nodeMap.has(r.to)) continue;
    const edge = sliceEdge(r);
    if (!edgeMap.has(edge.id)) edgeMap.set(edge.id, edge);
  }
  return { nodes: [...nodeMap.values()], edges: [...edgeMap.values()], truncated };
}

export const mergeSlices = (...slices: GraphSlice[]): GraphSlice => {
  const nodes = new Map<string, SliceNode>();
  const edges = new Map<string, SliceEdge>();
  for (const s of slices) {
    for (const n of s.nodes) nodes.set(n.id, n);
    for (const e of s.edges) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: slices.some((s) => s.truncated) };
};
