// The layouts the page offers, with every option that differs from Cytoscape's default explained.
// Hierarchical (ELK) positions come from the server's layout (a placer the app registers), else from
// the page's ELK worker, loaded on first use; the others ship with Cytoscape.
import type { Core, LayoutOptions } from 'cytoscape';
import { applyPlaces, type LayeredInput, layeredInput, type NodePlace } from './layered-input.js';

/** Places a layered graph elsewhere (the server); rejects when it cannot (then the page's worker does). */
export type LayeredPlacer = (input: LayeredInput) => Promise<readonly NodePlace[]>;
let placer: LayeredPlacer | null = null;
/** Graphs above this many nodes are laid out by the page's worker (the server's limit). */
const PLACER_MAX_NODES = 2_000;

/** Registers where layered layouts are computed first (the app passes the API's layeredLayout). */
export function useLayeredPlacer(next: LayeredPlacer | null): void {
  placer = next;
}

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

/** Fetches and starts the ELK worker in the background when no server places layered layouts. */
export function prewarmElk(): void {
  if (placer) return;
  void import('./elk-layout.js').then((m) => m.warmUp()).catch(() => {});
}

/** The server's positions for the graph; false when the page must lay it out itself. */
async function placeRemotely(cy: Core, options: LayoutRequest): Promise<boolean> {
  if (!placer || cy.nodes(':visible').length > PLACER_MAX_NODES) return false;
  try {
    const places = await placer(layeredInput(cy, options.reverseTypes));
    await applyPlaces(cy, places, options.animate ?? false);
    return true;
  } catch (error) {
    console.warn('The server could not lay out the graph; the page lays it out.', error);
    return false;
  }
}

/** Runs a layout on the whole graph and resolves when the nodes are in place. */
export async function runLayout(cy: Core, name: LayoutName, options: LayoutRequest = {}): Promise<void> {
  if (cy.nodes().empty()) return;
  if (name === 'elk') {
    if (await placeRemotely(cy, options)) return;
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
