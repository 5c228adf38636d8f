// Layered (ELK) layout computed on the server, once per distinct graph: the page sends the nodes with
// the sizes its labels need and the edges, and gets positions. The answer is a pure function of that
// input, so it is cached by the input's hash and can never be stale; the page no longer downloads and
// starts the 1.6 MB ELK worker on every visit. One worker thread per process, started on first use.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { LRUCache } from 'lru-cache';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}
export interface LayoutEdge {
  source: string;
  target: string;
}
export type LayoutDirection = 'RIGHT' | 'DOWN';
export interface Position {
  id: string;
  x: number;
  y: number;
}

/** Larger graphs are laid out by the page's own worker (the API refuses them with a clear message). */
export const LAYOUT_LIMITS = { nodes: 2_000, edges: 8_000, timeoutMs: 20_000, cachedGraphs: 500 } as const;

export class LayoutInputError extends Error {}

/** ELK options of the page's hierarchical layout (web/src/canvas/elk-layout.ts used the same). */
function elkGraph(nodes: LayoutNode[], edges: LayoutEdge[], direction: LayoutDirection) {
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '22',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.separateConnectedComponents': 'true',
      'elk.spacing.componentComponent': '50',
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  };
}

function check(nodes: LayoutNode[], edges: LayoutEdge[]): void {
  if (nodes.length > LAYOUT_LIMITS.nodes || edges.length > LAYOUT_LIMITS.edges)
    throw new LayoutInputError(
      `The graph has ${nodes.length} nodes and ${edges.length} edges; the server lays out at most ${LAYOUT_LIMITS.nodes} nodes and ${LAYOUT_LIMITS.edges} edges (the page lays out larger graphs itself).`,
    );
  const ids = new Set<string>();
  for (const n of nodes) {
    if (ids.has(n.id)) throw new LayoutInputError(`Node ${JSON.stringify(n.id)} is given twice.`);
    ids.add(n.id);
    if (!(n.width > 0 && n.width <= 10_000 && n.height > 0 && n.height <= 10_000))
      throw new LayoutInputError(`Node ${JSON.stringify(n.id)}: width and height must be between 0 and 10,000 px.`);
  }
  for (const e of edges)
    if (!ids.has(e.source) || !ids.has(e.target))
      throw new LayoutInputError(
        `An edge joins ${JSON.stringify(e.source)} and ${JSON.stringify(e.target)}, which are not both given as nodes.`,
      );
}

class LayeredLayout {
  private worker: Worker | null = null;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (p: Position[]) => void; reject: (e: Error) => void }>();
  private readonly cache = new LRUCache<string, Promise<Position[]>>({ max: LAYOUT_LIMITS.cachedGraphs });

  place(nodes: LayoutNode[], edges: LayoutEdge[], direction: LayoutDirection = 'RIGHT'): Promise<Position[]> {
    check(nodes, edges);
    const graph = elkGraph(nodes, edges, direction);
    const key = createHash('sha256').update(JSON.stringify(graph)).digest('hex');
    const cached = this.cache.get(key);
    if (cached) return cached;
    const answer = this.compute(graph);
    this.cache.set(key, answer);
    // A failed layout is not kept.
    answer.catch(() => this.cache.delete(key));
    return answer;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./elk-thread.mjs', import.meta.url));
    worker.unref(); // never keeps a process (a test, the CLI) alive
    worker.on('message', (m: { id: number; positions?: Position[]; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.positions) w?.resolve(m.positions);
      else w?.reject(new Error(`The layout failed: ${m.error}`));
    });
    const fail = (error: Error) => this.stop(error);
    worker.on('error', fail);
    worker.on('exit', (code) => this.stop(new Error(`The layout thread exited (code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  private compute(graph: ReturnType<typeof elkGraph>): Promise<Position[]> {
    const id = this.next++;
    const worker = this.thread();
    return new Promise<Position[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A layout past the bound stops the thread (the next request starts a new one).
        this.stop(new Error(`The layout took longer than ${LAYOUT_LIMITS.timeoutMs / 1000} s and was stopped.`));
      }, LAYOUT_LIMITS.timeoutMs);
      timer.unref();
      this.waiting.set(id, {
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      worker.postMessage({ id, graph });
    });
  }

  private stop(error: Error): void {
    const worker = this.worker;
    this.worker = null;
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
    void worker?.terminate();
  }
}

/** One per process: the cache is keyed by the whole input, so every app of the process may share it. */
export const layeredLayout = new LayeredLayout();
