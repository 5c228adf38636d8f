// Latency of the analyses on synthetic data: p50/p95 of gaps(chainId) and recommendTargets(segmentId)
// at 10k and 100k enterprises, through the graph functions and through the GraphQL app (app.fetch),
// cold (computed every time: cache off or emptied) and warm (the graph unchanged since the answer was
// computed: one position check, then the kept answer; graph/analysis/analysis-cache.ts).
// Runs on a throw-away Neo4j of its own (temporary folder under .neo4j/, its own port), never on the
// working or test instance.
//   npx tsx tests/bench/analysis-latency.ts [--sizes 10000,100000] [--runs 40] [--port 7733]
//                                           [--heap 2g] [--page-cache 1g] [--seed 1] [--out FILE]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { AnalysisCache } from '../../graph/analysis/analysis-cache.js';
import { findGaps } from '../../graph/analysis/gaps.js';
import { recommendTargets } from '../../graph/analysis/recommend.js';
import { createDriver } from '../../graph/connection.js';
import { createExecutor, type Executor } from '../../graph/executor.js';
import { INSTANCES, runtimeRoot, type InstanceSpec } from '../../graph/runtime/instance-config.js';
import { startInstance, stopInstance } from '../../graph/runtime/instance.js';
import { runSynth } from '../../seed/synth/synth-run.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    runs: { type: 'string', default: '40' },
    port: { type: 'string', default: '7733' },
    heap: { type: 'string', default: '2g' },
    'page-cache': { type: 'string', default: '1g' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});
const sizes = values.sizes!.split(',').map(Number);
const runs = Number(values.runs);
const port = Number(values.port);
if (sizes.some((n) => !Number.isInteger(n) || n < 150) || !Number.isInteger(runs) || runs < 5)
  throw new Error('--sizes are integers ≥ 150 and --runs an integer ≥ 5');
if ([INSTANCES.work.boltPort, INSTANCES.test.boltPort].includes(port))
  throw new Error(`--port ${port} belongs to the working or test instance`);

const log = (line: string) => console.log(`[bench] ${line}`);
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const rank = (p / 100) * (s.length - 1);
  return s[Math.floor(rank)] + (s[Math.ceil(rank)] - s[Math.floor(rank)]) * (rank - Math.floor(rank));
};
const summary = (xs: number[]) => ({
  n: xs.length,
  p50: +percentile(xs, 50).toFixed(1),
  p95: +percentile(xs, 95).toFixed(1),
  max: +Math.max(...xs).toFixed(1),
});

/** Times `work(i)` for i = 0..runs-1 after `warmup` unmeasured calls. */
async function time(work: (i: number) => Promise<unknown>, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    out.push(performance.now() - started);
  }
  return out;
}

async function post(
  app: ReturnType<typeof createApp>,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
) {
  const response = await app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
}

const GAPS = `query($c: ID!) { gaps(chainId: $c) { segment { id name level } status localEnterprises externalSuppliers externalSupplyShare
  targetsInPipeline explanation explanationEn evidence { nodes { id type label } edges { id source target type } truncated } } }`;
const RECOMMEND = `query($s: ID!) { recommendTargets(segmentId: $s, first: 10) { enterprise { id name } score stage
  reasons { kind weight text textEn path { nodes { id label } edges { id source target type } } } } }`;

async function measure(executor: Executor, enterprises: number, seed: number) {
  const token = 'bench-analyst-token-0123456789';
  const config = loadConfig({ KG_TOKENS: `analyst:${token}` });
  const analysisCache = new AnalysisCache(config.analysisCache);
  const app = createApp({ executor, config, webRoot: '/nonexistent', analysisCache });
  const loadStarted = performance.now();
  const { manifest } = await runSynth(executor, { enterprises, seed, log: () => {} });
  log(
    `${enterprises} enterprises: synth loaded in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s (${manifest.chainIds.length} chains, ${manifest.segments.length} segments)`,
  );
  const chains = manifest.chainIds;
  const gapSegments = manifest.segments.filter((s) => s.expectedStatus !== 'COVERED').map((s) => s.id);
  const warm = new AnalysisCache({ enabled: true, maxEntries: 1000 });
  const chain = (i: number) => chains[i % chains.length];
  const segment = (i: number) => gapSegments[i % gapSegments.length];
  // warm runs first fill the cache with every question they will ask (warmup = one round of them)
  const result = {
    enterprises,
    chains: chains.length,
    segments: manifest.segments.length,
    cold: {
      gapsGraph: summary(await time((i) => findGaps(executor, chain(i), { cache: null }))),
      gapsGraphql: summary(
        await time((i) => {
          analysisCache.clear();
          return post(app, GAPS, { c: chain(i) });
        }),
      ),
      recommendGraph: summary(await time((i) => recommendTargets(executor, segment(i), { first: 10, cache: null }))),
      recommendGraphql: summary(
        await time((i) => {
          analysisCache.clear();
          return post(app, RECOMMEND, { s: segment(i) }, token);
        }),
      ),
    },
    warm: {
      gapsGraph: summary(await time((i) => findGaps(executor, chain(i), { cache: warm }), chains.length)),
      gapsGraphql: summary(await time((i) => post(app, GAPS, { c: chain(i) }), chains.length)),
      recommendGraph: summary(
        await time((i) => recommendTargets(executor, segment(i % 10), { first: 10, cache: warm }), 10),
      ),
      recommendGraphql: summary(await time((i) => post(app, RECOMMEND, { s: segment(i % 10) }, token), 10)),
    },
  };
  log(JSON.stringify(result));
  return result;
}

async function main() {
  const results = [];
  for (const enterprises of sizes) {
    const home = mkdtempSync(join(runtimeRoot, 'bench-analysis-'));
    const spec: InstanceSpec = {
      name: basename(home),
      boltPort: port,
      heap: values.heap!,
      pageCache: values['page-cache']!,
      home,
    };
    const { connection } = await startInstance(spec, log, 240_000);
    const driver = createDriver(
      { ...connection, external: false },
      { acquisitionTimeoutMs: 60_000, maxRetryTimeMs: 30_000 },
    );
    try {
      results.push(await measure(createExecutor(driver, { timeoutMs: 600_000 }), enterprises, Number(values.seed)));
    } finally {
      await driver.close().catch(() => {});
      stopInstance(spec, () => {});
      rmSync(home, { recursive: true, force: true });
    }
  }
  console.log(
    '\n| enterprises | answer | gaps p50 / p95 (graph) | gaps p50 / p95 (GraphQL) | recommendTargets p50 / p95 (graph) | recommendTargets p50 / p95 (GraphQL) |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    const f = (s: { p50: number; p95: number }) => `${s.p50} / ${s.p95} ms`;
    for (const kind of ['cold', 'warm'] as const) {
      const m = r[kind];
      console.log(
        `| ${r.enterprises} | ${kind} | ${f(m.gapsGraph)} | ${f(m.gapsGraphql)} | ${f(m.recommendGraph)} | ${f(m.recommendGraphql)} |`,
      );
    }
  }
  if (values.out)
    writeFileSync(values.out, `${JSON.stringify({ at: new Date().toISOString(), runs, results }, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
