// `npx tsx tests/bench/web-perf.ts [--runs N] [--seconds S] [--nodes N --edges M] [--skip-load]`
// Three figures of the web page, each function exported so `npm run bench` can fold it in:
// 1. the gzipped JavaScript (and CSS) the first view needs, read from web/dist/index.html;
// 2. time from navigation to an interactive chain view on the Changchun data (the test Neo4j,
//    KG_TEST_INSTANCE / NEO4J_TEST_BOLT_PORT; its data is replaced by the shipped dataset);
// 3. frames per second while panning a generated 5,000-node / 10,000-edge graph with the product's own
//    GraphCanvas, stylesheet and level of detail, canvas renderer vs WebGL renderer. Headless Chromium
//    has no GPU here: WebGL runs on SwiftShader (software), which the report says. The pan is
//    programmatic (cy.panBy every frame), so every frame is a full redraw: the worst case; a user's drag
//    also gets Cytoscape's texture-on-viewport. (Mouse drags driven over CDP are not coalesced per frame
//    as a real mouse's are, so they measure hit-testing, not drawing.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { createDriver } from '../../graph/connection.js';
import { createExecutor, type Executor } from '../../graph/executor.js';
import { INSTANCES } from '../../graph/runtime/instance-config.js';
import { startInstance } from '../../graph/runtime/instance.js';
import { validateAndLoad } from '../../seed/load/load.js';
import { CHROMIUM, CHROMIUM_ARGS, WEB_DIST, ensureWebBuild, startServer } from '../e2e/harness.js';

const SOFTWARE_WEBGL = ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface FirstViewSize {
  files: { file: string; bytes: number; gzip: number }[];
  jsGzip: number;
  cssGzip: number;
}

/** The scripts and styles index.html loads before the first view (entry, preloads, CSS), gzipped. */
export function measureFirstViewSize(dist = WEB_DIST): FirstViewSize {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const files = [...new Set(refs)].map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (ext: string) => files.filter((f) => extname(f.file) === ext).reduce((a, f) => a + f.gzip, 0);
  return { files, jsGzip: sum('.js'), cssGzip: sum('.css') };
}

export interface NavigationTiming {
  chainId: string;
  /** ms from navigation start to body[data-view-ready="chain"] (segments laid out and drawn) */
  readyMs: number[];
  median: number;
  /** medians of the phases: script loaded and started, chain data received, laid out and drawn */
  phases: { scriptStart: number; dataReceived: number; drawn: number };
}

/** Navigation → interactive chain view, cold browser cache each run (a fresh context). */
export async function measureChainNavigation(
  executor: Executor,
  runs: number,
  chainId = 'chain:opto',
): Promise<NavigationTiming> {
  const server = await startServer(executor);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const readyMs: number[] = [];
  const phases: { scriptStart: number[]; dataReceived: number[]; drawn: number[] } = {
    scriptStart: [],
    dataReceived: [],
    drawn: [],
  };
  try {
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.body?.dataset.viewReady === 'chain') {
            (window as unknown as { readyAt: number }).readyAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-view-ready'] });
      });
      await page.goto(`${server.url}/?view=chain&chain=${chainId}`);
      await page.waitForFunction(() => (window as unknown as { readyAt?: number }).readyAt !== undefined, undefined, {
        timeout: 60_000,
      });
      const readyAt = await page.evaluate(() => (window as unknown as { readyAt: number }).readyAt);
      // No helper functions inside evaluate: tsx would wrap them in a __name() the page does not have.
      const marks = await page.evaluate(() => ({
        scriptStart:
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
            .filter((e) => /\/assets\/index-.*\.js$/.test(e.name))
            .map((e) => e.responseEnd)[0] ?? NaN,
        dataReceived: performance.getEntriesByName('kg:chain-data')[0]?.startTime ?? NaN,
        drawn: performance.getEntriesByName('kg:chain-drawn')[0]?.startTime ?? NaN,
      }));
      await context.close();
      if (i === 0) continue; // run 0 warms the server and Neo4j
      readyMs.push(readyAt);
      phases.scriptStart.push(marks.scriptStart);
      phases.dataReceived.push(marks.dataReceived);
      phases.drawn.push(marks.drawn);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    chainId,
    readyMs,
    median: median(readyMs),
    phases: {
      scriptStart: median(phases.scriptStart),
      dataReceived: median(phases.dataReceived),
      drawn: median(phases.drawn),
    },
  };
}

export interface PanFps {
  nodes: number;
  edges: number;
  canvasFps: number;
  webglFps: number;
  /** frames counted in the measuring window */
  canvasFrames: number;
  webglFrames: number;
  ratio: number;
  renderer: string;
}

async function servePage(dir: string) {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = createServer((req, res) => {
    const path = join(dir, req.url === '/' ? 'index.html' : (req.url ?? '').split('?')[0]);
    try {
      const body = readFileSync(path);
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Pans the same generated graph with both renderers; fps = frames reaching the screen per second. */
export async function measurePanFps(options: {
  nodes: number;
  edges: number;
  seconds: number;
  warmupSeconds: number;
}): Promise<PanFps> {
  const out = mkdtempSync(join(tmpdir(), 'kg-web-perf-'));
  const { build } = await import('vite');
  await build({
    root: join(import.meta.dirname, 'web-perf-page'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true, target: 'es2022' },
  });
  const server = await servePage(out);
  const once = async (webgl: boolean) => {
    const browser: Browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu'), ...SOFTWARE_WEBGL],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready="true"]');
      const result = await page.evaluate(
        ([n, e, w, s, ws]) =>
          (
            window as unknown as {
              measure: (
                ...a: unknown[]
              ) => Promise<{ stamps: number[]; elapsed: number; renderer: string; usesWebgl: boolean }>;
            }
          ).measure(n, e, w, s, ws),
        [options.nodes, options.edges, webgl, options.seconds, options.warmupSeconds] as const,
      );
      if (result.usesWebgl !== webgl)
        throw new Error(`asked for ${webgl ? 'WebGL' : 'canvas'}, the page used the other renderer`);
      // Frames per second over the whole pan (not a mean of per-frame rates, which long frames would hide).
      return {
        fps: (result.stamps.length / result.elapsed) * 1000,
        frames: result.stamps.length,
        renderer: result.renderer,
      };
    } finally {
      await browser.close();
    }
  };
  try {
    const canvas = await once(false);
    const webgl = await once(true);
    return {
      nodes: options.nodes,
      edges: options.edges,
      canvasFps: canvas.fps,
      webglFps: webgl.fps,
      canvasFrames: canvas.frames,
      webglFrames: webgl.frames,
      ratio: webgl.fps / Math.max(canvas.fps, 0.001),
      renderer: webgl.renderer,
    };
  } finally {
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const runs = arg('runs', 5);
  await ensureWebBuild();

  const size = measureFirstViewSize();
  console.log('First view (web/dist/index.html and what it loads before the first view):');
  for (const f of size.files)
    console.log(
      `  ${f.file.padEnd(40)} ${(f.bytes / 1024).toFixed(1).padStart(8)} KB  gzip ${(f.gzip / 1024).toFixed(1).padStart(7)} KB`,
    );
  console.log(
    `  JavaScript gzip total: ${(size.jsGzip / 1024).toFixed(1)} KB; CSS gzip: ${(size.cssGzip / 1024).toFixed(1)} KB`,
  );

  const { connection } = await startInstance(INSTANCES.test, () => {});
  const driver = createDriver({ ...connection, external: false });
  const executor = createExecutor(driver, { timeoutMs: 120_000 });
  try {
    if (!args.includes('--skip-load')) {
      for (;;) {
        const [row] = await executor.mutate('MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS deleted');
        if (Number(row.deleted) === 0) break;
      }
      await validateAndLoad(executor, undefined, { log: () => {} });
    }
    const nav = await measureChainNavigation(executor, runs);
    console.log(
      `Navigation → interactive chain view (${nav.chainId}, cold cache, ${runs} runs): median ${nav.median.toFixed(0)} ms [${nav.readyMs.map((v) => v.toFixed(0)).join(', ')}]`,
    );
    console.log(
      `  phases (medians): main script loaded ${nav.phases.scriptStart.toFixed(0)} ms, chain data received ${nav.phases.dataReceived.toFixed(0)} ms, laid out (ELK worker) and drawn ${nav.phases.drawn.toFixed(0)} ms`,
    );
  } finally {
    await driver.close();
  }

  const fps = await measurePanFps({
    nodes: arg('nodes', 5000),
    edges: arg('edges', 10000),
    seconds: arg('seconds', 6),
    warmupSeconds: 2,
  });
  console.log(
    `Panning ${fps.nodes} nodes / ${fps.edges} edges (product style, low level of detail): canvas ${fps.canvasFps.toFixed(2)} fps (${fps.canvasFrames} frames), WebGL ${fps.webglFps.toFixed(2)} fps (${fps.webglFrames} frames), WebGL/canvas ${fps.ratio.toFixed(2)}x; software WebGL: ${fps.renderer}`,
  );
  const [load1] = (await import('node:os')).loadavg();
  console.log(
    `Machine: ${(await import('node:os')).cpus().length} cores, load average ${load1.toFixed(1)} at the end of the run.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
