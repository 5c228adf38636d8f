// Requests per second with one load tool (autocannon): a trivial GraphQL query against a bare
// node:http server on the same machine, and a real query (the web page's chain view) at 50 concurrent
// clients, with its error count, against the same Cypher at the same concurrency through the driver.
import type { Driver } from 'neo4j-driver';
import type { App } from '../../../server/app.js';
import { replay, type CapturedTransaction } from './capture.js';
import { failures, graphqlPost, listen, runLoad, type LoadSpec } from './load.js';
import type { Figure } from './report.js';
import { ratio, summarize } from './stats.js';
import { plainYoga } from './yoga-reference.js';

export interface ThroughputOptions {
  group: string;
  /** Measured seconds per run. */
  durationS: number;
  runs: number;
  log: (line: string) => void;
}

/** The per-second counts without the first second (clients still connecting, first answers pending)
 *  and the last (cut short when the run stops). */
export function steadySeconds(perSecond: number[]): number[] {
  return perSecond.length >= 4 ? perSecond.slice(1, -1) : perSecond;
}

interface Runs {
  /** Requests per second: each steady second of each run (fast targets) or each run's average (slow ones). */
  rates: number[];
  latencies: number[];
  failed: number;
  total: number;
}

const emptyRuns = (): Runs => ({ rates: [], latencies: [], failed: 0, total: 0 });

async function loadRun(
  spec: Omit<LoadSpec, 'durationS'>,
  durationS: number,
  into: Runs,
  perSecond: boolean,
): Promise<void> {
  const result = await runLoad({ ...spec, durationS });
  if (perSecond) into.rates.push(...steadySeconds(result.perSecond));
  else into.rates.push(result.total / result.durationS);
  for (const ms of result.latencies) into.latencies.push(ms); // may be 100k+: no spread into push()
  into.failed += failures(result);
  into.total += result.total;
}

const TRIVIAL = '{ __typename }';

/** Trivial GraphQL through the app over HTTP vs plain yoga on the product's SDL and vs a bare
 *  node:http server answering the same bytes. Runs alternate (bare, yoga, product, …) so that drift
 *  on a busy machine hits all alike; every run's steady seconds are samples. */
export async function measureTrivialThroughput(
  app: App,
  options: ThroughputOptions,
  connections = 10,
): Promise<Figure[]> {
  const answer = JSON.stringify({ data: { __typename: 'Query' } });
  const bare = await listen((req, res) => {
    req.resume(); // read the body, as the GraphQL server must
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(answer),
      });
      res.end(answer);
    });
  });
  const yoga = await listen(plainYoga());
  const server = await listen(app);
  const request = graphqlPost(TRIVIAL);
  const targets = [
    { url: bare.url, runs: emptyRuns() },
    { url: yoga.url, runs: emptyRuns() },
    { url: server.url, runs: emptyRuns() },
  ];
  try {
    for (const { url } of targets) await runLoad({ url, connections, durationS: 2, requests: [request] }); // warm-up
    for (let i = 0; i < options.runs; i++)
      for (const target of targets)
        await loadRun(
          { url: target.url, connections, requests: [request], verify: 'graphql' },
          options.durationS,
          target.runs,
          true,
        );
  } finally {
    await bare.close();
    await yoga.close();
    await server.close();
  }
  const [bareRuns, yogaRuns, gqlRuns] = targets.map((t) => t.runs);
  const value = summarize(gqlRuns.rates, 'higher');
  const bareRate = summarize(bareRuns.rates, 'higher');
  const yogaRate = summarize(yogaRuns.rates, 'higher');
  options.log(
    `  trivial GraphQL ${value.median.toFixed(0)} req/s vs plain yoga ${yogaRate.median.toFixed(0)} req/s vs bare node:http ${bareRate.median.toFixed(0)} req/s`,
  );
  const errors = (runs: Runs) => `${runs.failed} of ${runs.total}`;
  const note = `errors ${errors(gqlRuns)} (yoga: ${errors(yogaRuns)}, bare: ${errors(bareRuns)})`;
  const name = `trivial GraphQL query, ${connections} clients`;
  return [
    {
      group: options.group,
      name: `${name}, vs plain yoga`,
      unit: 'req/s',
      direction: 'higher',
      value,
      reference: { name: "plain graphql-yoga, the product's SDL, trivial resolvers, same tool", value: yogaRate },
      ratio: ratio(value.median, yogaRate.median),
      aim: '≥ 0.9x',
      note,
    },
    {
      group: options.group,
      name,
      unit: 'req/s',
      direction: 'higher',
      value,
      reference: { name: 'bare node:http server, same tool', value: bareRate },
      ratio: ratio(value.median, bareRate.median),
      note,
    },
  ];
}

/** `connections` clients replaying the captured Cypher through the driver for `durationS` seconds: requests per second. */
async function driverRate(
  driver: Driver,
  transactions: CapturedTransaction[],
  connections: number,
  durationS: number,
): Promise<{ rate: number; failed: number }> {
  const started = performance.now();
  const end = started + durationS * 1000;
  let done = 0;
  let failed = 0;
  const client = async () => {
    while (performance.now() < end) {
      try {
        await replay(driver, transactions);
        done++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  return { rate: (done / (performance.now() - started)) * 1000, failed };
}

/** The chain view at `connections` concurrent HTTP clients vs its Cypher at the same concurrency. */
export async function measureChainViewThroughput(
  app: App,
  driver: Driver,
  chainView: { query: string; variables: Record<string, unknown> },
  transactions: CapturedTransaction[],
  options: ThroughputOptions,
  connections = 50,
  label = 'chain view',
): Promise<Figure[]> {
  const server = await listen(app);
  const request = graphqlPost(chainView.query, chainView.variables);
  const spec = { url: server.url, timeoutS: 120, requests: [request], verify: 'graphql' as const };
  const http = emptyRuns();
  const single = emptyRuns();
  const direct = { rates: [] as number[], failed: 0 };
  try {
    await runLoad({ ...spec, connections, durationS: 2 }); // warm-up
    await driverRate(driver, transactions, connections, 2);
    // A run's rate is its completed requests over its length (a slow query completes few per second).
    for (let i = 0; i < options.runs; i++) {
      await loadRun({ ...spec, connections }, options.durationS, http, false);
      const run = await driverRate(driver, transactions, connections, options.durationS);
      direct.rates.push(run.rate);
      direct.failed += run.failed;
    }
    await loadRun({ ...spec, connections: 1 }, options.durationS, single, false);
  } finally {
    await server.close();
  }
  const value = summarize(http.rates, 'higher');
  const reference = summarize(direct.rates, 'higher');
  const latency = summarize(http.latencies, 'lower');
  const alone = summarize(single.latencies, 'lower');
  options.log(
    `  ${label} ${value.median.toFixed(1)} req/s at ${connections} clients (errors ${http.failed}) vs driver ${reference.median.toFixed(1)}/s`,
  );
  return [
    {
      group: options.group,
      name: `${label}, ${connections} concurrent clients`,
      unit: 'req/s',
      direction: 'higher',
      value,
      reference: { name: `same Cypher via driver, ${connections} concurrent`, value: reference },
      ratio: ratio(value.median, reference.median),
      note: `errors ${http.failed} of ${http.total} requests (driver: ${direct.failed}); rate per ${options.durationS} s run`,
    },
    {
      group: options.group,
      name: `${label} latency, ${connections} concurrent clients`,
      unit: 'ms',
      direction: 'lower',
      value: latency,
      reference: { name: 'same request, 1 client', value: alone },
      ratio: ratio(latency.median, alone.median),
      note: `errors ${http.failed + single.failed}`,
    },
  ];
}
