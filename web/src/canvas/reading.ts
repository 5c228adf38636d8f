// Read-only questions views ask about what the graph shows (counts, types present, one element's data,
// the selection), answered as plain data so that no Cytoscape object leaves web/src/canvas.
import type { Core, SingularElementReturnValue } from 'cytoscape';

export type ElementData = Record<string, unknown>;

export interface GraphCounts {
  /** nodes shown (not hidden by a filter), helper nodes (group boxes) excluded */
  visibleNodes: number;
  /** nodes hidden by a filter */
  hiddenNodes: number;
  /** edges shown */
  visibleEdges: number;
}

/** What a handler or the selection learns about an element. */
export interface ElementInfo {
  id: string;
  group: 'nodes' | 'edges';
  data: ElementData;
  classes: readonly string[];
}

export interface SelectedElement extends ElementInfo {
  /** edges: the data of both ends */
  source?: ElementData;
  target?: ElementData;
}

export function elementInfo(el: SingularElementReturnValue): ElementInfo {
  return { id: el.id(), group: el.isNode() ? 'nodes' : 'edges', data: el.data(), classes: el.classes() };
}

export function counts(cy: Core): GraphCounts {
  const nodes = cy.nodes().not('.helper');
  const visible = nodes.not('.filtered');
  return {
    visibleNodes: visible.length,
    hiddenNodes: nodes.length - visible.length,
    visibleEdges: cy.edges().not('.filtered').length,
  };
}

/** The data of the nodes among `ids` that the graph holds, in the graph's order. */
export function nodesData(cy: Core, ids: Iterable<string>): ElementData[] {
  const wanted = new Set(ids);
  return cy
    .nodes()
    .filter((n) => wanted.has(n.id()))
    .map((n) => n.data() as ElementData);
}

/** Selects one element (or none); returns what the details panel needs to show it. */
export function select(cy: Core, id: string | null): SelectedElement | null {
  cy.elements().unselect();
  if (!id) return null;
  const el = cy.getElementById(id);
  if (el.empty()) return null;
  el.select();
  const info: SelectedElement = elementInfo(el);
  if (el.isEdge()) {
    info.source = el.source().data();
    info.target = el.target().data();
  }
  return info;
}
