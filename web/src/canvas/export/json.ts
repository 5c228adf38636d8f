// JSON in Cytoscape's own format ({ elements: { nodes, edges } } with data and positions), which
// cytoscape({ elements }) or cy.json() load back as is.
import type { Core } from 'cytoscape';

export function toCytoscapeJson(cy: Core): string {
  const visible = cy.elements(':visible').not('.helper');
  const strip = (data: Record<string, unknown>) => {
    const { label: _label, subtitle: _subtitle, parent: _parent, ...rest } = data;
    return rest;
  };
  const nodes = visible.nodes().map((n) => ({
    data: strip(n.data()),
    position: { x: Math.round(n.position('x')), y: Math.round(n.position('y')) },
    classes: n.classes(),
  }));
  const ids = new Set(nodes.map((n) => n.data.id as string));
  const edges = visible
    .edges()
    .filter((e) => ids.has(e.source().id()) && ids.has(e.target().id()))
    .map((e) => ({ data: strip(e.data()), classes: e.classes() }));
  return JSON.stringify({ format: 'cytoscape', generator: 'changchun-chain-kg', elements: { nodes, edges } }, null, 2);
}
