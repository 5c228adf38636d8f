// Requests per second with one load tool (autocannon, 2 s warm-up then measured runs): a trivial
// GraphQL query against a bare node:http server on the same machine, and a real query (the chain
// view) at 50 concurrent clients, with its error count, against the same Cypher run through the driver.
import type { Driver } from 'neo4j-driver';
import type { App } from '../../../server/app.js';
import { replay, type CapturedTransaction } from './capture.js';
import { failures, graphqlPost, listen, runLoad, type LoadResult, type LoadSpec } from './load.js';
import type { Figure } from './report.js';
import { ratio, summarize } from './stats.js';

export interface ThroughputOptions {
  group: string;
  /** Measured seconds per run. */
  durationS: number;
  runs: number;
  log: (line: string) => void;
}

async function measuredRuns(spec: Omit<LoadSpec, 'durationS'>, options: ThroughputOptions): Promise<{ perSecond: number[]; latencies: number[]; failed: number; total: number }> {
  await runLoad({ ...spec, durationS: 2 }); // warm-up: JIT, connection pools, Neo4j caches
  const perSecond: number[] = [];
  const latencies: number[] = [];
  let failed = 0;
  let total = 0;
  for (let i = 0; i < options.runs; i++) {
    const result: LoadResult = await runLoad({ ...spec, durationS: options.durationS });
    perSecond.push(...steadySeconds(result.perSecond));
    latencies.push(...result.latencies);
    failed += failures(result);
    total += result.total;
  }
  return { perSecond, latencies, failed, total };
}

/** The per-second counts without the first second (clients still connecting, first answers pending)
 *  and the last (cut short when the run stops). */
export function steadySeconds(perSecond: number[]): number[] {
  return perSecond.length >= 4 ? perSecond.slice(1, -1) : perSecond;
}

const TRIVIAL = '{ __typename }';

/** Trivial GraphQL through the app over HTTP vs a bare node:http server answering the same bytes. */
export async function measureTrivialThroughput(app: App, options: ThroughputOptions, connections = 10): Promise<Figure> {
  const answer = JSON.stringify({ data: { __typename: 'Query' } });
  const bare = await listen((req, res) => {
    req.resume(); // read the body, as the GraphQL server must
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  const request = graphqlPost(TRIVIAL);
  const server = await listen(app);
  // Runs alternate (bare, GraphQL, bare, GraphQL…) so that drift on a busy machine hits both alike.
  const bareRuns = { perSecond: [] as number[], failed: 0, total: 0 };
  const gqlRuns = { perSecond: [] as number[], failed: 0, total: 0 };
  try {
    for (let i = 0; i < options.runs; i++) {
      for (const [url, into] of [[bare.url, bareRuns], [server.url, gqlRuns]] as const) {
        const run = await measuredRuns({ url, connections, requests: [request], verify: 'graphql' }, { ...options, runs: 1 });
        into.perSecond.push(...run.perSecond);
        into.failed += run.failed;
        into.total += run.total;
      }
    }
  } finally {
    await bare.close();
    await server.close();
  }
  const value = summarize(gqlRuns.perSecond, 'higher');
  const reference = summarize(bareRuns.perSecond, 'higher');
  options.log(`  trivial GraphQL ${value.median.toFixed(0)} req/s vs bare node:http ${reference.median.toFixed(0)} req/s`);
  return {
    group: options.group,
    name: `trivial GraphQL query, ${connections} clients`,
    unit: 'req/s',
    direction: 'higher',
    value,
    reference: { name: 'bare node:http server, same tool', value: reference },
    ratio: ratio(value.median, reference.median),
    note: `errors ${gqlRuns.failed} of ${gqlRuns.total} (bare: ${bareRuns.failed} of ${bareRuns.total})`,
  };
}

/** `connections` clients replaying the captured Cypher through the driver for `durationS` seconds. */
async function driverThroughput(driver: Driver, transactions: CapturedTransaction[], connections: number, durationS: number): Promise<{ perSecond: number[]; failed: number }> {
  const counts = new Array(Math.ceil(durationS)).fill(0);
  const started = performance.now();
  const end = started + durationS * 1000;
  let failed = 0;
  const client = async () => {
    while (performance.now() < end) {
      try {
        await replay(driver, transactions);
        const second = Math.floor((performance.now() - started) / 1000);
        if (second < counts.length) counts[second]++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  return { perSecond: counts, failed };
}

/** The chain view at `connections` concurrent HTTP clients vs its Cypher at the same concurrency. */
export async function measureChainViewThroughput(
  app: App,
  driver: Driver,
  chainView: { query: string; variables: Record<string, unknown> },
  transactions: CapturedTransaction[],
  options: ThroughputOptions,
  connections = 50,
): Promise<Figure[]> {
  const server = await listen(app);
  const request = graphqlPost(chainView.query, chainView.variables);
  let http;
  let single;
  try {
    http = await measuredRuns({ url: server.url, connections, timeoutS: 30, requests: [request], verify: 'graphql' }, options);
    single = await measuredRuns({ url: server.url, connections: 1, timeoutS: 30, requests: [request], verify: 'graphql' }, { ...options, runs: 1 });
  } finally {
    await server.close();
  }
  await driverThroughput(driver, transactions, connections, 2);
  const direct = { perSecond: [] as number[], failed: 0 };
  for (let i = 0; i < options.runs; i++) {
    const run = await driverThroughput(driver, transactions, connections, options.durationS);
    direct.perSecond.push(...steadySeconds(run.perSecond));
    direct.failed += run.failed;
  }
  const value = summarize(http.perSecond, 'higher');
  const reference = summarize(direct.perSecond, 'higher');
  const latency = summarize(http.latencies, 'lower');
  const alone = summarize(single.latencies, 'lower');
  options.log(`  chain view ${value.median.toFixed(0)} req/s at ${connections} clients (errors ${http.failed}) vs driver ${reference.median.toFixed(0)}/s`);
  return [
    {
      group: options.group,
      name: `chain view, ${connections} concurrent clients`,
      unit: 'req/s',
      direction: 'higher',
      value,
      reference: { name: `same Cypher via driver, ${connections} concurrent`, value: reference },
      ratio: ratio(value.median, reference.median),
      note: `errors ${http.failed} of ${http.total} requests (driver: ${direct.failed})`,
    },
    {
      group: options.group,
      name: `chain view latency, ${connections} concurrent clients`,
      unit: 'ms',
      direction: 'lower',
      value: latency,
      reference: { name: 'same request, 1 client', value: alone },
      ratio: ratio(latency.median, alone.median),
      note: `errors ${http.failed + single.failed}`,
    },
  ];
}
