// What is on screen as rows: the visible nodes and edges with the fields every export shares.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

interface ExportNode {
  id: string;
  type: string;
  name: string;
  nameEn: string;
  status: string;
  confidence: string;
  sources: string;
  x: number;
  y: number;
}

interface ExportEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  status: string;
  confidence: string;
  sources: string;
}

const text = (value: unknown) => (value == null ? '' : Array.isArray(value) ? value.join(';') : String(value));

/** Visible, real elements only (not the "show more" helpers). */
export function visibleRows(cy: Core): { nodes: ExportNode[]; edges: ExportEdge[] } {
  const nodes = cy.nodes(':visible').not('.helper');
  const ids = new Set(nodes.map((n) => n.id()));
  return {
    nodes: nodes.map((n: NodeSingular) => ({
      id: n.id(),
      type: text(n.data('type')),
      name: text(n.data('name')),
      nameEn: text(n.data('nameEn')),
      status: text(n.data('status')),
      confidence: text(n.data('confidence')),
      sources: text(n.data('sources')),
      x: Math.round(n.position('x')),
      y: Math.round(n.position('y')),
    })),
    edges: cy
      .edges(':visible')
      .filter((e: EdgeSingular) => ids.has(e.source().id()) && ids.has(e.target().id()))
      .map((e: EdgeSingular) => ({
        id: e.id(),
        type: text(e.data('type')),
        source: e.source().id(),
        target: e.target().id(),
        status: text(e.data('status')),
        confidence: text(e.data('confidence')),
        sources: text(e.data('sources')),
      })),
  };
}
