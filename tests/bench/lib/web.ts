// The web page's figures, measured by the web engineer's functions (tests/bench/web-perf.ts) and
// given a reference measured in the same run: navigation to the interactive chain view against the
// view's GraphQL request alone, WebGL against canvas frame rate, first-view JavaScript against its aim.
import { validateAndLoad } from '../../../seed/load/load.js';
import { ensureWebBuild } from '../../e2e/harness.js';
import { measureChainNavigation, measureFirstViewSize, measurePanFps } from '../web-perf.js';
import { benchApp } from './api-bench.js';
import type { BenchInstance } from './bench-instance.js';
import { graphqlPost, listen } from './load.js';
import type { Figure } from './report.js';
import { CHAIN_VIEW } from './root-fields.js';
import { ratio, summarize } from './stats.js';

export interface WebOptions {
  group: string;
  runs: number;
  log: (line: string) => void;
}

/** Navigation on the Changchun data, loaded beside what the bench instance holds (it is measured on its own chain). */
export async function measureNavigation(instance: BenchInstance, options: WebOptions): Promise<Figure> {
  await ensureWebBuild();
  await validateAndLoad(instance.executor);
  const [chain] = await instance.executor.query(
    `MATCH (s:Segment)-[:PART_OF*1..]->(c:Chain) WHERE coalesce(c.synthetic, false) = false
     RETURN c.id AS id, count(DISTINCT s) AS segments ORDER BY segments DESC, id LIMIT 1`,
  );
  if (!chain) throw new Error('the Changchun data has no chain with segments');
  const chainId = String(chain.id);
  const navigation = await measureChainNavigation(instance.executor, options.runs, chainId);
  // Reference: the chain view's own request over HTTP, from a client on the same machine.
  const server = await listen(benchApp(instance.driver).app);
  const dataMs: number[] = [];
  try {
    const request = graphqlPost(CHAIN_VIEW, { id: chainId });
    for (let i = 0; i <= options.runs; i++) {
      const started = performance.now();
      const response = await fetch(server.url + request.path, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      if (body.errors) throw new Error(`the chain view query fails: ${body.errors[0].message}`);
      if (i > 0) dataMs.push(performance.now() - started);
    }
  } finally {
    await server.close();
  }
  const value = summarize(navigation.readyMs, 'lower');
  const reference = summarize(dataMs, 'lower');
  options.log(
    `  navigation to the chain view ${value.median.toFixed(0)} ms (its data alone ${reference.median.toFixed(0)} ms)`,
  );
  return {
    group: options.group,
    name: `navigation to interactive chain view (${chainId}, cold cache)`,
    unit: 'ms',
    direction: 'lower',
    value,
    reference: { name: "the view's GraphQL request alone, over HTTP", value: reference },
    ratio: ratio(value.median, reference.median),
    note: 'headless Chromium 1440x900 until body[data-view-ready="chain"]; Changchun data',
  };
}

/** Panning 5,000 nodes / 10,000 edges with the product's GraphCanvas, `repeats` times per renderer. */
export async function measureFrameRates(
  options: WebOptions & { nodes: number; edges: number; seconds: number; warmupSeconds: number; repeats: number },
): Promise<Figure> {
  const webgl: number[] = [];
  const canvas: number[] = [];
  let renderer = '';
  for (let i = 0; i < options.repeats; i++) {
    const run = await measurePanFps({
      nodes: options.nodes,
      edges: options.edges,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
    });
    webgl.push(run.webglFps);
    canvas.push(run.canvasFps);
    renderer = run.renderer;
  }
  const value = summarize(webgl, 'higher');
  const reference = summarize(canvas, 'higher');
  options.log(
    `  panning ${options.nodes} nodes / ${options.edges} edges: WebGL ${value.median.toFixed(1)} fps, canvas ${reference.median.toFixed(1)} fps (${renderer})`,
  );
  return {
    group: options.group,
    name: `pan ${options.nodes.toLocaleString('en-US')} nodes / ${options.edges.toLocaleString('en-US')} edges, WebGL renderer`,
    unit: 'fps',
    direction: 'higher',
    value,
    reference: { name: 'canvas renderer, same graph, style and pan', value: reference },
    ratio: ratio(value.median, reference.median),
    note: `headless Chromium without GPU: WebGL is software (${renderer.replace(/\|/g, '/')}), so this ratio says little about a desktop with a GPU`,
  };
}

export async function measureFirstView(options: WebOptions): Promise<Figure> {
  await ensureWebBuild();
  const size = measureFirstViewSize();
  const kb = size.jsGzip / 1024;
  return {
    group: options.group,
    name: 'JavaScript of the first view, gzipped',
    unit: 'KB',
    direction: 'lower',
    value: summarize([kb], 'lower'),
    reference: { name: 'aim', value: summarize([400], 'lower') },
    ratio: ratio(kb, 400),
    aim: '≤ 400 KB',
    note: `${size.files.length} files; CSS ${(size.cssGzip / 1024).toFixed(1)} KB gzipped`,
  };
}
