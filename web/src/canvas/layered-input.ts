// What a layered (ELK) layout needs from the drawn graph, and how its answer is applied: the visible
// nodes with the size their shape and label take, the edges between them (hierarchy edges turned to
// run parent → child), and positions set as a preset layout. Shared by the server's layout and the
// page's own ELK worker, so both place the same input the same way.
import type { Core, EdgeSingular, NodeCollection } from 'cytoscape';

export interface LayeredInput {
  nodes: { id: string; width: number; height: number }[];
  edges: { source: string; target: string }[];
}

export interface NodePlace {
  id: string;
  x: number;
  y: number;
}

/** Sizes are rounded to whole pixels, so the same graph drawn again gives the same input. */
export function layeredInput(cy: Core, reverseTypes: readonly string[] = []): LayeredInput {
  const nodes = cy.nodes(':visible') as NodeCollection;
  const ids = new Set(nodes.map((n) => n.id()));
  return {
    nodes: nodes.map((node) => {
      const box = node.boundingBox({ includeLabels: true, includeOverlays: false });
      return { id: node.id(), width: Math.max(Math.ceil(box.w), 20), height: Math.max(Math.ceil(box.h), 20) };
    }),
    edges: cy
      .edges(':visible')
      .filter(
        (e: EdgeSingular) =>
          ids.has(e.source().id()) && ids.has(e.target().id()) && e.source().id() !== e.target().id(),
      )
      .map((e: EdgeSingular) => {
        const reverse = reverseTypes.includes(e.data('type'));
        const [source, target] = reverse ? [e.target().id(), e.source().id()] : [e.source().id(), e.target().id()];
        return { source, target };
      }),
  };
}

/** Moves the visible nodes to their places (fit to the view) and resolves once they are there. */
export async function applyPlaces(cy: Core, places: readonly NodePlace[], animate: boolean): Promise<void> {
  const byId = new Map(places.map((p) => [p.id, { x: p.x, y: p.y }]));
  const layout = (cy.nodes(':visible') as NodeCollection).layout({
    name: 'preset',
    positions: (node: { id(): string }) => byId.get(node.id()) ?? { x: 0, y: 0 },
    animate,
    animationDuration: 300,
    fit: true,
    padding: 40,
  } as never);
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
}
