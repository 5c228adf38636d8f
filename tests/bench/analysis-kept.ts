// gaps and recommendTargets, cold (no analysis cache), on a synthetic instance that is loaded once and
// kept, so that two versions of the code (e.g. main's and a branch's, from two worktrees) are measured
// on the very same data. Each case runs through the GraphQL app (app.fetch) and, paired with it, the
// Cypher it ran replayed straight through the driver (tests/bench/lib/capture.ts).
//   npx tsx tests/bench/analysis-kept.ts load    --home DIR [--port 7765] [--enterprises 100000] [--seed 1]
//   npx tsx tests/bench/analysis-kept.ts measure --home DIR [--port 7765] [--runs 30] [--label L] [--out FILE]
//                                               [--against CHECKOUT --against-label L2]
//   npx tsx tests/bench/analysis-kept.ts stop    --home DIR [--port 7765]
// DIR is the instance's folder (give the same absolute path from every worktree); the port is never
// the working or test instance's. With --against, another checkout's app (e.g. a worktree of main) is
// measured in the same process, run for run interleaved with this one's, and the digests of both
// versions' answers (whole, and without evidence slices) are compared.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDriver } from '../../graph/connection.js';
import { createExecutor } from '../../graph/executor.js';
import { INSTANCES, type InstanceSpec } from '../../graph/runtime/instance-config.js';
import { connectionOf, startInstance, stopInstance } from '../../graph/runtime/instance.js';
import { runSynth } from '../../seed/synth/synth-run.js';
import { benchApp, postGraphql, type ApiBenchApp } from './lib/api-bench.js';
import { replay, type CapturedTransaction } from './lib/capture.js';
import { pickIds } from './lib/root-fields.js';
import { ratio, summarize } from './lib/stats.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    home: { type: 'string' },
    port: { type: 'string', default: '7765' },
    enterprises: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    heap: { type: 'string', default: '2g' },
    'page-cache': { type: 'string', default: '1g' },
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    label: { type: 'string', default: 'this checkout' },
    against: { type: 'string' },
    'against-label': { type: 'string' },
    out: { type: 'string' },
  },
});
const command = positionals[0];
if (!['load', 'measure', 'stop'].includes(command ?? '') || !values.home)
  throw new Error('usage: analysis-kept.ts load|measure|stop --home DIR [--port N] (see the header)');
const port = Number(values.port);
if ([INSTANCES.work.boltPort, INSTANCES.test.boltPort].includes(port))
  throw new Error(`--port ${port} belongs to the working or test instance`);
const home = resolve(values.home);
const spec: InstanceSpec = {
  name: basename(home),
  boltPort: port,
  heap: values.heap!,
  pageCache: values['page-cache']!,
  home,
};
const log = (line: string) => console.log(`[kept] ${line}`);

const SLICE = 'nodes { id type label data } edges { id source target type data } truncated';
/** The selections of tests/bench/lib/root-fields.ts (what docs/performance.md measures). */
const GAPS = `query($id: ID!) { gaps(chainId: $id) { status localEnterprises externalSuppliers targetsInPipeline explanation segment { id name level } evidence { ${SLICE} } } }`;
const RECOMMEND = `query($id: ID!) { recommendTargets(segmentId: $id, first: 10) { score enterprise { id name } reasons { kind weight text path { ${SLICE} } } } }`;

function connect() {
  const driver = createDriver(
    { ...connectionOf(spec), external: false },
    { acquisitionTimeoutMs: 60_000, maxRetryTimeMs: 30_000 },
  );
  return { driver, executor: createExecutor(driver, { timeoutMs: 600_000 }) };
}

async function load() {
  await startInstance(spec, log, 240_000);
  const { driver, executor } = connect();
  try {
    const started = performance.now();
    const { manifest } = await runSynth(executor, {
      enterprises: Number(values.enterprises),
      seed: Number(values.seed),
      log,
    });
    log(
      `loaded ${values.enterprises} enterprises in ${((performance.now() - started) / 1000).toFixed(0)} s (${manifest.chainIds.length} chains); the instance keeps running on port ${port}`,
    );
  } finally {
    await driver.close();
  }
}

interface Case {
  name: string;
  query: string;
  /** One variables object per question; run i asks question i mod n. */
  questions: Record<string, unknown>[];
  analyst?: boolean;
}

interface Version {
  label: string;
  bench: ApiBenchApp;
}

interface Row {
  version: string;
  case: string;
  queries: number;
  transactions: number;
  graphqlP50: number;
  graphqlP95: number;
  cypherP50: number;
  cypherP95: number;
  ratio: number;
}

const digest = (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);

async function measure() {
  const { driver, executor } = connect();
  const versions: Version[] = [{ label: values.label!, bench: benchApp(driver) }];
  if (values.against) {
    // the other checkout's app (its own modules: graph/, server/), on the same driver and instance
    const other = (await import(resolve(values.against, 'tests/bench/lib/api-bench.ts'))) as {
      benchApp: typeof benchApp;
    };
    versions.push({ label: values['against-label'] ?? values.against, bench: other.benchApp(driver) });
  }
  try {
    const ids = await pickIds(executor);
    const chains = (await executor.query('MATCH (c:Chain) WHERE c.synthetic = true RETURN c.id AS id ORDER BY id')).map(
      (r) => String(r.id),
    );
    const cases: Case[] = [
      { name: 'gaps, largest chain', query: GAPS, questions: [{ id: ids.chainId }] },
      { name: `gaps, all ${chains.length} chains in turn`, query: GAPS, questions: chains.map((id) => ({ id })) },
      {
        name: 'recommendTargets, fullest segment',
        query: RECOMMEND,
        questions: [{ id: ids.segmentId }],
        analyst: true,
      },
    ];
    const runs = Number(values.runs);
    const warmup = Number(values.warmup);
    const rows: Row[] = [];
    const digests: Record<string, Record<string, string>> = {};
    for (const c of cases) {
      const ask = (v: Version, variables: Record<string, unknown>) =>
        postGraphql(v.bench.app, c.query, variables, c.analyst ? v.bench.analystToken : undefined);
      // Each version's Cypher for each question, recorded from one cold GraphQL call; its answer's digest,
      // whole and without evidence slices (the verdicts, counts and texts).
      const recorded = new Map<Version, CapturedTransaction[][]>();
      for (const v of versions) {
        const perQuestion: CapturedTransaction[][] = [];
        for (const variables of c.questions) {
          v.bench.analysisCache.clear();
          v.bench.take();
          const answer = await ask(v, variables);
          if (answer.status !== 200 || answer.body.errors?.length)
            throw new Error(`${c.name}: ${JSON.stringify(answer.body.errors ?? answer.status).slice(0, 400)}`);
          const key = `${c.name} ${JSON.stringify(variables)}`;
          digests[v.label] ??= {};
          digests[v.label][key] = digest(answer.body.data);
          digests[v.label][`${key} without evidence`] = digest(
            JSON.parse(JSON.stringify(answer.body.data), (k, x) => (k === 'evidence' ? undefined : x)),
          );
          perQuestion.push(v.bench.take());
        }
        recorded.set(v, perQuestion);
      }
      // Interleaved: each run asks every version (GraphQL, then its Cypher replayed), in turns that
      // rotate, so that drift on a busy machine hits all alike.
      const times = new Map(versions.map((v) => [v, { graphql: [] as number[], cypher: [] as number[] }]));
      for (let i = -warmup; i < runs; i++) {
        const question = ((i % c.questions.length) + c.questions.length) % c.questions.length;
        const order = i % 2 === 0 ? versions : [...versions].reverse();
        for (const v of order) {
          v.bench.analysisCache.clear();
          let started = performance.now();
          const answer = await ask(v, c.questions[question]);
          const graphqlMs = performance.now() - started;
          if (answer.body.errors?.length) throw new Error(`${c.name}: ${answer.body.errors[0].message}`);
          started = performance.now();
          await replay(driver, recorded.get(v)![question]);
          const cypherMs = performance.now() - started;
          if (i >= 0) {
            times.get(v)!.graphql.push(graphqlMs);
            times.get(v)!.cypher.push(cypherMs);
          }
        }
      }
      for (const v of versions) {
        v.bench.take();
        const gql = summarize(times.get(v)!.graphql, 'lower');
        const cypher = summarize(times.get(v)!.cypher, 'lower');
        const first = recorded.get(v)![0];
        const row: Row = {
          version: v.label,
          case: c.name,
          queries: first.reduce((n, t) => n + t.queries.length, 0),
          transactions: first.length,
          graphqlP50: +gql.median.toFixed(1),
          graphqlP95: +gql.p95.toFixed(1),
          cypherP50: +cypher.median.toFixed(1),
          cypherP95: +cypher.p95.toFixed(1),
          ratio: +ratio(gql.median, cypher.median).toFixed(2),
        };
        rows.push(row);
        log(JSON.stringify(row));
      }
    }
    console.log(`\n${runs} runs each, cold, interleaved, ${new Date().toISOString()}`);
    console.log(
      '| version | case | queries | GraphQL p50 / p95 (ms) | same Cypher via driver p50 / p95 (ms) | GraphQL ÷ Cypher (p50) |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const r of rows)
      console.log(
        `| ${r.version} | ${r.case} | ${r.queries} | ${r.graphqlP50} / ${r.graphqlP95} | ${r.cypherP50} / ${r.cypherP95} | ${r.ratio}x |`,
      );
    if (versions.length > 1) {
      const [mine, other] = versions.map((v) => digests[v.label]);
      const differing = Object.keys(mine).filter((k) => mine[k] !== other[k]);
      console.log(
        `Answers: ${Object.keys(mine).length - differing.length} of ${Object.keys(mine).length} digests alike${differing.length ? `; differing: ${differing.join('; ')}` : ''}`,
      );
    }
    if (values.out)
      writeFileSync(
        values.out,
        `${JSON.stringify({ at: new Date().toISOString(), runs, ids, rows, digests }, null, 2)}\n`,
      );
  } finally {
    await driver.close();
  }
}

async function main() {
  if (command === 'load') await load();
  else if (command === 'measure') await measure();
  else stopInstance(spec, log);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
