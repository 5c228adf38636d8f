// Bench page (tests/bench/web-perf.ts): the product's own GraphCanvas, stylesheet and level of detail
// drawing a generated graph, panned along a fixed path while the renderer's draws are counted.
import type { ElementDefinition } from 'cytoscape';
import { edgeElement, nodeElement } from '../../../web/src/canvas/elements.js';
import { GraphCanvas } from '../../../web/src/canvas/graph-canvas.js';

const TYPES = ['ENTERPRISE', 'ENTERPRISE', 'ENTERPRISE', 'SEGMENT', 'DISTRICT', 'INSTITUTE', 'GOAL'];
const RELATIONS = ['SUPPLIES', 'IN_SEGMENT', 'LOCATED_IN', 'SUPPORTS'];

function generate(nodes: number, edges: number): ElementDefinition[] {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const side = Math.sqrt(nodes) * 90;
  const els: ElementDefinition[] = [];
  for (let i = 0; i < nodes; i++) {
    const el = nodeElement({
      id: `n${i}`,
      type: TYPES[i % TYPES.length],
      name: `长春测试企业${i}号`,
      props: { local: i % 3 !== 0, status: 'confirmed', confidence: 'high' },
    });
    el.position = { x: rand() * side, y: rand() * side };
    els.push(el);
  }
  for (let i = 0; i < edges; i++) {
    const a = Math.floor(rand() * nodes);
    const b = (a + 1 + Math.floor(rand() * 40)) % nodes;
    els.push(edgeElement({ id: `e${i}`, source: `n${a}`, target: `n${b}`, type: RELATIONS[i % RELATIONS.length] }));
  }
  return els;
}

/**
 * Pans one step per animation frame and returns the frame times. Cytoscape draws in its own
 * requestAnimationFrame callback on the main thread, so a slow draw delays the next frame: the frame
 * rate seen here is the rate at which the panned graph reaches the screen.
 */
function pan(canvas: GraphCanvas, ms: number): Promise<number[]> {
  const from = performance.now();
  const stamps: number[] = [];
  return new Promise((resolve) => {
    const step = (now: number) => {
      const t = now - from;
      if (t > ms) return resolve(stamps);
      stamps.push(now);
      canvas.panBy(Math.sin(t / 400) * 6, Math.cos(t / 500) * 4);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

export interface PanResult {
  stamps: number[];
  elapsed: number;
  renderer: string;
  usesWebgl: boolean;
  elements: number;
}

async function measure(
  nodes: number,
  edges: number,
  webgl: boolean,
  seconds: number,
  warmupSeconds: number,
): Promise<PanResult> {
  const canvas = new GraphCanvas(document.getElementById('graph')!);
  // The same level of detail for both renderers: only the renderer differs.
  canvas.setElements(generate(nodes, edges), { large: true, webgl });
  canvas.fit();
  // Warm-up: label textures and WebGL atlases are built before counting.
  await pan(canvas, warmupSeconds * 1000);
  const started = performance.now();
  const stamps = await pan(canvas, seconds * 1000);
  const elapsed = performance.now() - started;
  const gl = document.createElement('canvas').getContext('webgl2');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  const name = gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : 'no WebGL2';
  const result = {
    stamps,
    elapsed,
    renderer: name,
    usesWebgl: canvas.usesWebgl,
    elements: canvas.elementCount(),
  };
  canvas.destroy();
  return result;
}

(window as unknown as { measure: typeof measure }).measure = measure;
document.body.dataset.ready = 'true';
