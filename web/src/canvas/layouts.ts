// The layouts the page offers, with every option that differs from Cytoscape's default explained.
// ELK (hierarchical) is loaded on first use; the others ship with Cytoscape.
import type { Core, LayoutOptions } from 'cytoscape';

const LAYOUT_NAMES = ['elk', 'breadthfirst', 'concentric', 'cose', 'grid', 'circle'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** Above this many nodes a force-directed request runs the concentric layout instead. */
const COSE_MAX_NODES = 800;

export function isLayoutName(value: unknown): value is LayoutName {
  return typeof value === 'string' && (LAYOUT_NAMES as readonly string[]).includes(value);
}

export interface LayoutRequest {
  animate?: boolean;
  /** hierarchical layouts: relationship types that point from child to parent (PART_OF, IN_SEGMENT) */
  reverseTypes?: readonly string[];
  /** breadthfirst: the root nodes (selector); without it, edges are followed as directed */
  roots?: string;
}

function builtIn(name: Exclude<LayoutName, 'elk'>, cy: Core, request: LayoutRequest): LayoutOptions {
  const animate = request.animate ?? false;
  const many = cy.nodes().length > 400;
  const common = {
    fit: true,
    padding: 40,
    animate: animate && !many,
    animationDuration: 300,
    nodeDimensionsIncludeLabels: true,
  };
  switch (name) {
    case 'breadthfirst':
      // directed: edges point from roots outwards; left → right reads like upstream → downstream.
      return {
        ...common,
        name,
        directed: !request.roots,
        roots: request.roots,
        spacingFactor: 1.1,
        transform: (_node: unknown, pos: { x: number; y: number }) => ({ x: pos.y * 1.6, y: pos.x }),
      } as LayoutOptions;
    case 'concentric':
      // rings by degree: hubs in the middle.
      return {
        ...common,
        name,
        minNodeSpacing: 18,
        concentric: (node: { degree(b: boolean): number }) => node.degree(false),
        levelWidth: () => 2,
      } as LayoutOptions;
    case 'cose':
      // force-directed; capped iterations keep it responsive on a few thousand nodes.
      // Strong repulsion and long edges leave room for the (wrapped) labels of a hub's many neighbours.
      return {
        ...common,
        name,
        numIter: many ? 300 : 1500,
        idealEdgeLength: () => 120,
        nodeRepulsion: () => 600000,
        nodeOverlap: 40,
        gravity: 0.3,
        componentSpacing: 100,
        edgeElasticity: () => 80,
        randomize: false,
      } as LayoutOptions;
    case 'grid':
      return { ...common, name, avoidOverlap: true, condense: true } as LayoutOptions;
    case 'circle':
      return { ...common, name, avoidOverlap: true } as LayoutOptions;
  }
}

/** Fetches and starts the ELK worker in the background, so that the first hierarchical layout is quick. */
export function prewarmElk(): void {
  void import('./elk-layout.js').then((m) => m.warmUp()).catch(() => {});
}

/** Runs a layout on the whole graph and resolves when the nodes are in place. */
export async function runLayout(cy: Core, name: LayoutName, options: LayoutRequest = {}): Promise<void> {
  if (cy.nodes().empty()) return;
  if (name === 'elk') {
    try {
      const { runElkLayout } = await import('./elk-layout.js');
      await runElkLayout(cy, { animate: options.animate, reverseTypes: options.reverseTypes });
      return;
    } catch (error) {
      // A worker that cannot start (e.g. a locked-down browser) must not leave the graph unplaced.
      console.warn('ELK layout failed; falling back to breadthfirst.', error);
      name = 'breadthfirst';
    }
  }
  // Force-directed layout costs O(n²) per iteration: past a few hundred nodes the page would freeze,
  // so large graphs get the concentric layout (rings by degree), which is near-linear.
  if (name === 'cose' && cy.nodes().length > COSE_MAX_NODES) name = 'concentric';
  const layout = cy.layout(builtIn(name, cy, options));
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
}
