// `npm run bench [-- --quick] [--out FILE] [--sizes …] [--only web]`: on a Neo4j instance of its own (temporary
// folder under .neo4j/, its own port, removed afterwards), loads synthetic data at each size and
// measures load rates, every API root field, throughput and the web page, each against a reference
// measured in the same run; writes JSON + Markdown and prints the table.
import { suiteDurationFigure } from './lib/suite-duration.js';
import { parseBenchArgs, type BenchOptions } from './lib/args.js';
import { benchApp, measureRootFields, postGraphql } from './lib/api-bench.js';
import { createBenchInstance, type BenchInstance } from './lib/bench-instance.js';
import { measureOfflineImport, measureSeedLoad } from './lib/load-rate.js';
import {
  describeMachine,
  renderMarkdown,
  writeReport,
  type BenchReport,
  type Figure,
  type NotMeasured,
} from './lib/report.js';
import { chainViewCase, pickIds, rootFieldCases } from './lib/root-fields.js';
import { measureChainViewThroughput, measureTrivialThroughput } from './lib/throughput.js';
import { largestSyntheticChain, measureBriefings } from './lib/briefing-bench.js';
import { measureExtraction } from './lib/extract-bench.js';
import { measureRegistryImport } from './lib/registry-bench.js';
import { measureFreshness } from './lib/freshness-bench.js';
import { measureFirstView, measureFrameRates, measureNavigation } from './lib/web.js';
import { measureTransfers } from './lib/web-bytes.js';

const started = Date.now();
const log = (line: string) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const figures: Figure[] = [];
const notMeasured: NotMeasured[] = [];

/** Runs one section; a failure is recorded as "not measured" with its reason, and the run goes on. */
async function section(
  group: string,
  name: string,
  work: () => Promise<{ figures?: Figure[]; notMeasured?: NotMeasured[] } | Figure | Figure[]>,
) {
  try {
    const out = await work();
    if (Array.isArray(out)) figures.push(...out);
    else if ('ratio' in out) figures.push(out);
    else {
      figures.push(...(out.figures ?? []));
      notMeasured.push(...(out.notMeasured ?? []));
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    log(`${group} / ${name}: not measured: ${reason}`);
    notMeasured.push({ group, name, reason });
  }
}

const sizeLabel = (n: number) => n.toLocaleString('en-US');
/** From this size on the synthetic data's largest chain holds 10,000+ firms (8 chains share them). */
const BRIEFING_CHAIN_SIZE = 80_000;

async function measureSize(instance: BenchInstance, size: number, options: BenchOptions, first: boolean) {
  log(`Dataset: synth ${sizeLabel(size)} enterprises (seed ${options.seed})`);
  const loadGroup = 'Load rate';
  let seedRates: number[] = [];
  await section(loadGroup, `seed loader, ${sizeLabel(size)} enterprises`, async () => {
    seedRates = (
      await measureSeedLoad(instance, {
        group: loadGroup,
        enterprises: size,
        seed: options.seed,
        runs: options.loadRuns,
        log,
      })
    ).rates;
    return [];
  });
  if (seedRates.length === 0) return;

  const apiGroup = `API root fields, ${sizeLabel(size)} enterprises`;
  let ids: Awaited<ReturnType<typeof pickIds>> | undefined;
  await section(apiGroup, 'all root fields', async () => {
    ids = await pickIds(instance.executor);
    log(`Root fields (${options.runs} runs each, paired with the same Cypher via the driver)`);
    return measureRootFields(instance.driver, rootFieldCases(ids), {
      group: apiGroup,
      runs: options.runs,
      warmup: 3,
      log,
    });
  });

  // Throughput: at every size in a full run; in a quick one at the smallest (the 50-client chain view
  // needs runs several times longer than its latency, which grows with the data).
  if (ids && (first || !options.quick)) {
    const group = `Throughput, ${sizeLabel(size)} enterprises`;
    const chainView = chainViewCase(ids);
    const bench = benchApp(instance.driver);
    log('Throughput (autocannon in a child process)');
    await section(group, 'trivial GraphQL vs bare node:http', () =>
      measureTrivialThroughput(bench.app, { group, durationS: options.loadSeconds, runs: options.quick ? 2 : 3, log }),
    );
    await section(group, 'chain view at 50 clients', async () => {
      bench.take();
      const answer = await postGraphql(bench.app, chainView.query, chainView.variables);
      if (answer.body.errors?.length) throw new Error(`the chain view query fails: ${answer.body.errors[0].message}`);
      return measureChainViewThroughput(bench.app, instance.driver, chainView, bench.take(), {
        group,
        durationS: options.quick ? 8 : 20,
        runs: options.quick ? 2 : 3,
        log,
      });
    });
    // The same view with the response cache warm (server/cache): every request after the first answers from memory.
    await section(group, 'chain view at 50 clients, response cache warm', async () => {
      // the driver reference replays the view's own Cypher, captured on the uncached app (not the position reads)
      bench.take();
      await postGraphql(bench.app, chainView.query, chainView.variables);
      const transactions = bench.take();
      const cached = benchApp(instance.driver, { responseCache: true });
      await postGraphql(cached.app, chainView.query, chainView.variables);
      return measureChainViewThroughput(
        cached.app,
        instance.driver,
        chainView,
        transactions,
        { group, durationS: options.quick ? 8 : 20, runs: options.quick ? 2 : 3, log },
        50,
        'chain view (response cache warm)',
      );
    });
  }

  // The briefing of a synthetic chain with 10,000+ firms (at the sizes that have one): it summarises.
  if (size >= BRIEFING_CHAIN_SIZE)
    await section('Briefing', `synthetic chain, ${sizeLabel(size)} enterprises`, async () => {
      const chain = await largestSyntheticChain(instance.executor);
      return measureBriefings(instance.executor, {
        group: 'Briefing',
        chainId: chain.id,
        label: `synthetic chain of ${sizeLabel(chain.firms)} firms`,
        runs: options.quick ? 1 : 3,
        aimsMs: { docx: 10_000, pdf: 10_000 },
        maxBytes: 5_000_000,
        log,
      });
    });

  await section(loadGroup, `neo4j-admin import, ${sizeLabel(size)} enterprises`, () =>
    measureOfflineImport(instance, seedRates, {
      group: loadGroup,
      enterprises: size,
      seed: options.seed,
      runs: options.loadRuns,
      log,
      // A quick run compares the imported graph by counts beyond 10k enterprises (a checksum reads everything twice).
      verify: options.quick && size > 10_000 ? 'counts' : 'checksum',
    }),
  );

  // The response cache's freshness under writes (issue #14): at the smallest size (it measures the cache, not the data);
  // after the import, whose export compares the loaded graph, since it renames a firm through the API.
  if (ids && first) {
    const group = `Response cache under writes, ${sizeLabel(size)} enterprises`;
    await section(group, 'mixed load and stale check', () =>
      measureFreshness(instance.driver, { group, quick: options.quick, log }),
    );
  }
}

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  const machine = describeMachine();
  log(
    `Machine: ${machine.nproc} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB. Sizes: ${options.sizes.map(sizeLabel).join(', ')}${options.quick ? ' (quick)' : ''}.`,
  );
  let instance: BenchInstance | undefined;
  const cleanUp = async () => {
    if (instance && !options.keep) await instance.remove();
  };
  const onSignal = () => {
    log('Interrupted: removing the benchmark instance…');
    cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    instance = await createBenchInstance({
      boltPort: options.port,
      heap: options.heap,
      pageCache: options.pageCache,
      log,
    });
    const registry = () =>
      section(`Registry import, ${sizeLabel(options.registryRows)} generated rows`, 'import vs seed loader', () =>
        measureRegistryImport(instance!, { rows: options.registryRows, log }),
      );
    if (options.only === 'registry') {
      await registry();
      return await finish();
    }
    const sizes = [...options.sizes].sort((a, b) => a - b);
    if (options.only !== 'web') {
      for (const [i, size] of sizes.entries()) await measureSize(instance, size, options, i === 0);
      await registry();
    }
    await section('Web page', 'navigation to the chain view', () =>
      measureNavigation(instance!, { group: 'Web page', runs: options.quick ? 3 : 10, log }),
    );
    // After the navigation figure, which loads the Changchun data beside the synthetic data.
    if (options.only !== 'web')
      await section('Briefing', '光电 chain, Changchun data', () =>
        measureBriefings(instance!.executor, {
          group: 'Briefing',
          chainId: 'chain:opto',
          label: '光电 chain, Changchun data',
          runs: options.quick ? 2 : 5,
          aimsMs: { docx: 3_000, pdf: 5_000 },
          log,
        }),
      );
    await section('Web page', 'bytes transferred', () =>
      measureTransfers(instance!, { group: 'Web page', runs: options.quick ? 1 : 3, log }),
    );
  } finally {
    await cleanUp();
  }
  await section('Web page', 'canvas vs WebGL frame rate', () =>
    measureFrameRates({
      group: 'Web page',
      runs: 0,
      nodes: 5000,
      edges: 10_000,
      seconds: options.quick ? 5 : 20,
      warmupSeconds: options.quick ? 2 : 5,
      repeats: options.quick ? 2 : 3,
      log,
    }),
  );
  await section('Web page', 'first-view JavaScript', () => measureFirstView({ group: 'Web page', runs: 0, log }));
  if (options.only !== 'web')
    await section('Documents', 'extraction', () =>
      measureExtraction({ group: 'Documents', runs: options.quick ? 20 : 50, log }),
    );
  if (options.only !== 'web')
    await section('Test suite', '`CI=true npm test` (its last whole run)', async () =>
      suiteDurationFigure('Test suite'),
    );
  return finish();
}

/** Writes the JSON and Markdown report of what was measured and prints the table. */
function finish(): number {
  const options = parseBenchArgs(process.argv.slice(2));
  const machine = describeMachine();
  const finished = Date.now();
  const report: BenchReport = {
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    durationS: (finished - started) / 1000,
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    options: { ...options },
    machine,
    figures,
    notMeasured,
  };
  const files = writeReport(report, options.out);
  console.log(`\n${renderMarkdown(report)}`);
  log(`Wrote ${files.json} and ${files.markdown}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? `Error: ${error.message}` : error);
    process.exit(1);
  },
);
