// Hierarchical (layered) layout by ELK, run in a web worker (elk-worker.min.js, 1.6 MB) that is only
// fetched the first time a view asks for it. The main thread only sends sizes and receives positions.
import type { Core, EdgeSingular, NodeCollection } from 'cytoscape';
import ElkModule, { type ELK as ElkApi, type ELKConstructorArguments } from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';

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

/** Positions the visible nodes of `cy` with ELK layered; resolves once they are placed. */
export async function runElkLayout(cy: Core, options: ElkOptions = {}): Promise<void> {
  const nodes = cy.nodes(':visible') as NodeCollection;
  const ids = new Set(nodes.map((n) => n.id()));
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
    children: nodes.map((node) => {
      const box = node.boundingBox({ includeLabels: true, includeOverlays: false });
      return { id: node.id(), width: Math.max(box.w, 20), height: Math.max(box.h, 20) };
    }),
    edges: cy
      .edges(':visible')
      .filter(
        (e: EdgeSingular) =>
          ids.has(e.source().id()) && ids.has(e.target().id()) && e.source().id() !== e.target().id(),
      )
      .map((e: EdgeSingular) => {
        const reverse = options.reverseTypes?.includes(e.data('type'));
        const [from, to] = reverse ? [e.target().id(), e.source().id()] : [e.source().id(), e.target().id()];
        return { id: e.id(), sources: [from], targets: [to] };
      }),
  };
  const result = await instance().layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const child of result.children ?? [])
    positions.set(child.id, {
      x: (child.x ?? 0) + (child.width ?? 0) / 2,
      y: (child.y ?? 0) + (child.height ?? 0) / 2,
    });
  const layout = nodes.layout({
    name: 'preset',
    positions: (node: { id(): string }) => positions.get(node.id()) ?? { x: 0, y: 0 },
    animate: options.animate ?? false,
    animationDuration: 300,
    fit: true,
    padding: 40,
  } as never);
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
}
