// Hierarchical (layered) layout by ELK in a web worker (elk-worker.min.js, 1.6 MB), fetched only when
// the server cannot place the graph (too large, or unreachable). The same options as server/layout.
import type { Core } from 'cytoscape';
import ElkModule, { type ELK as ElkApi, type ELKConstructorArguments } from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { applyPlaces, layeredInput } from './layered-input.js';

type ElkConstructor = new (args?: ELKConstructorArguments) => ElkApi;
// CommonJS interop: the bundler hands over module.exports (the class, which also has .default);
// TypeScript's NodeNext view of the same import is the module namespace.
const ELK = ((ElkModule as unknown as { default?: ElkConstructor }).default ?? ElkModule) as unknown as ElkConstructor;

let elk: ElkApi | null = null;

function instance(): ElkApi {
  elk ??= new ELK({ workerUrl });
  return elk;
}

/** Starts the worker (and its 1.6 MB script) ahead of the first layout. */
export function warmUp(): void {
  instance();
}

interface ElkOptions {
  /** RIGHT = upstream on the left, downstream on the right */
  direction?: 'RIGHT' | 'DOWN';
  animate?: boolean;
  /** relationship types laid out against their direction (e.g. PART_OF: the parent comes first) */
  reverseTypes?: readonly string[];
}

/** Positions the visible nodes of `cy` with ELK layered in the page's worker; resolves once they are placed. */
export async function runElkLayout(cy: Core, options: ElkOptions = {}): Promise<void> {
  const input = layeredInput(cy, options.reverseTypes);
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': options.direction ?? 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '22',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.separateConnectedComponents': 'true',
      'elk.spacing.componentComponent': '50',
    },
    children: input.nodes,
    edges: input.edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  };
  const result = await instance().layout(graph);
  const places = (result.children ?? []).map((child) => ({
    id: child.id,
    x: (child.x ?? 0) + (child.width ?? 0) / 2,
    y: (child.y ?? 0) + (child.height ?? 0) / 2,
  }));
  await applyPlaces(cy, places, options.animate ?? false);
}
