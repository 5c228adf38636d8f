// Frames per second of Cytoscape.js panning a 5,000-node / 10,000-edge graph, with the canvas renderer
// and with the WebGL renderer (software WebGL in headless Chromium), on a page served from
// node_modules with the same graph, style and pan path for both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../graph/runtime/instance-config.js';
import { launchBrowser } from './browser.js';
import { listen } from './load.js';
import type { Figure } from './report.js';
import { ratio, summarize } from './stats.js';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>fps</title>
<style>html,body,#cy{margin:0;width:100%;height:100%}</style></head>
<body><div id="cy"></div><script src="/cytoscape.js"></script><script>
window.measure = async function (nodes, edges, webgl, seconds, warmupSeconds) {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const elements = [];
  const types = ['chain', 'segment', 'enterprise', 'district', 'institute'];
  for (let i = 0; i < nodes; i++) {
    elements.push({ group: 'nodes', data: { id: 'n' + i, label: '企业' + i, type: types[i % types.length] }, position: { x: rand() * 4000, y: rand() * 4000 } });
  }
  for (let i = 0; i < edges; i++) {
    const a = Math.floor(rand() * nodes), b = (a + 1 + Math.floor(rand() * 40)) % nodes;
    elements.push({ group: 'edges', data: { id: 'e' + i, source: 'n' + a, target: 'n' + b } });
  }
  const cy = cytoscape({
    container: document.getElementById('cy'), elements, layout: { name: 'preset' },
    renderer: { name: 'canvas', webgl },
    style: [
      { selector: 'node', style: { width: 16, height: 16, label: 'data(label)', 'font-size': 8, 'background-color': '#4a7bb7', 'min-zoomed-font-size': 6 } },
      { selector: 'node[type = "enterprise"]', style: { 'background-color': '#d98c3a' } },
      { selector: 'edge', style: { width: 1, 'line-color': '#9aa5b1', 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#9aa5b1' } },
    ],
  });
  cy.fit();
  // Warm-up: let the renderer build its caches (label textures, WebGL atlases) before measuring.
  const pan = async (ms) => {
    const from = performance.now();
    await new Promise((resolve) => {
      const step = () => {
        const t = performance.now() - from;
        if (t > ms) return resolve();
        cy.panBy({ x: Math.sin(t / 400) * 6, y: Math.cos(t / 500) * 4 });
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
  };
  await pan(warmupSeconds * 1000);
  // Count the renderer's draws (the canvas and WebGL paths both go through renderer.render; only the
  // canvas one emits 'render' events).
  const stamps = [];
  const r = cy.renderer();
  const draw = r.render;
  r.render = function (o) { const out = draw.call(this, o); stamps.push(performance.now()); return out; };
  const started = performance.now();
  await pan(seconds * 1000);
  const gl = document.createElement('canvas').getContext('webgl2');
  const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : 'no WebGL2';
  cy.destroy();
  return { stamps, elapsed: performance.now() - started, renderer };
};
</script></body></html>`;

export interface FpsOptions {
  group: string;
  nodes: number;
  edges: number;
  seconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
}

async function framesPerSecond(url: string, webgl: boolean, options: FpsOptions): Promise<{ fps: number[]; renderer: string }> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    const result = await page.evaluate(
      ([n, e, w, s, ws]) => (window as unknown as { measure: (...a: unknown[]) => Promise<{ stamps: number[]; elapsed: number; renderer: string }> }).measure(n, e, w, s, ws),
      [options.nodes, options.edges, webgl, options.seconds, options.warmupSeconds] as const,
    );
    const fps: number[] = [];
    for (let i = 1; i < result.stamps.length; i++) fps.push(1000 / Math.max(result.stamps[i] - result.stamps[i - 1], 0.1));
    if (fps.length < 2) fps.push((result.stamps.length / result.elapsed) * 1000, (result.stamps.length / result.elapsed) * 1000);
    return { fps, renderer: result.renderer };
  } finally {
    await browser.close();
  }
}

export async function measureRenderFps(options: FpsOptions): Promise<Figure> {
  const script = readFileSync(join(projectRoot, 'node_modules/cytoscape/dist/cytoscape.min.js'));
  const server = await listen((req, res) => {
    if (req.url === '/cytoscape.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    }
  });
  try {
    const canvas = await framesPerSecond(server.url, false, options);
    const webgl = await framesPerSecond(server.url, true, options);
    const value = summarize(webgl.fps, 'higher');
    const reference = summarize(canvas.fps, 'higher');
    options.log(`  panning ${options.nodes} nodes / ${options.edges} edges: WebGL ${value.median.toFixed(1)} fps, canvas ${reference.median.toFixed(1)} fps (${webgl.renderer})`);
    return {
      group: options.group,
      name: `pan ${options.nodes.toLocaleString('en-US')} nodes / ${options.edges.toLocaleString('en-US')} edges, WebGL renderer`,
      unit: 'fps',
      direction: 'higher',
      value,
      reference: { name: 'canvas renderer, same graph and pan', value: reference },
      ratio: ratio(value.median, reference.median),
      note: `headless Chromium, software WebGL (${webgl.renderer.replace(/\|/g, '/')})`,
    };
  } finally {
    await server.close();
  }
}
