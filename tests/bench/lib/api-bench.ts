// Latency of each root field through the GraphQL app (app.fetch: parsing, validation, resolvers,
// serialisation) against the very Cypher it ran, replayed straight through the driver, plus the
// transactions per operation, observed on the driver and as the API reports them.
import { randomBytes } from 'node:crypto';
import { parse, validate } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { AnalysisCache } from '../../../graph/analysis/analysis-cache.js';
import { createExecutor } from '../../../graph/executor.js';
import { createApp, type App } from '../../../server/app.js';
import { loadConfig } from '../../../server/config.js';
import { createSchema } from '../../../server/schema/index.js';
import { ResponseCache } from '../../../server/cache/response-cache.js';
import { responseCacheSettings } from '../../../server/cache/settings.js';
import { capturingDriver, replay, type CapturedTransaction } from './capture.js';
import type { Figure, NotMeasured } from './report.js';
import type { RootFieldCase } from './root-fields.js';
import { ratio, summarize, timePaired, timeRuns } from './stats.js';

export interface ApiBenchApp {
  app: App;
  analystToken: string;
  take(): CapturedTransaction[];
  analysisCache: AnalysisCache;
}

/** The app on a capturing driver, with an analyst token of its own (and the response cache when asked). */
export function benchApp(driver: Driver, options: { responseCache?: boolean } = {}): ApiBenchApp {
  const analystToken = randomBytes(24).toString('base64url');
  const capture = capturingDriver(driver);
  const config = loadConfig({
    KG_TOKENS: `analyst:${analystToken}`,
    KG_CYPHER_TIMEOUT_MS: '60000',
    KG_DB_TIMEOUT_MS: '120000',
  });
  const analysisCache = new AnalysisCache(config.analysisCache);
  const executor = createExecutor(capture.driver, { timeoutMs: 120_000 });
  const responseCache = options.responseCache ? new ResponseCache(executor, responseCacheSettings({})) : null;
  const app = createApp({ executor, config, analysisCache, responseCache });
  return { app, analystToken, take: capture.take, analysisCache };
}

export interface GraphqlAnswer {
  status: number;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
    extensions?: Record<string, unknown>;
  };
}

export async function postGraphql(
  app: App,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<GraphqlAnswer> {
  const response = await app.fetch(
    new Request('http://bench.local/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    }),
  );
  return { status: response.status, body: JSON.parse(await response.text()) };
}

/** The transaction count the API reports for the operation, wherever it puts it in `extensions`. */
export function reportedTransactions(extensions: Record<string, unknown> | undefined): number | null {
  if (!extensions) return null;
  for (const [key, value] of Object.entries(extensions)) {
    if (/transaction/i.test(key) && typeof value === 'number') return value;
    if (value && typeof value === 'object') {
      const inner = reportedTransactions(value as Record<string, unknown>);
      if (inner !== null) return inner;
    }
  }
  return null;
}

export interface RootFieldOptions {
  group: string;
  runs: number;
  warmup: number;
  log: (line: string) => void;
}

/** The heavy analyses: measured without their cache, with the aims of issue #14. */
const ANALYSES = new Set(['gaps', 'recommendTargets']);

export async function measureRootFields(
  driver: Driver,
  cases: RootFieldCase[],
  options: RootFieldOptions,
): Promise<{ figures: Figure[]; notMeasured: NotMeasured[] }> {
  const bench = benchApp(driver);
  const schema = createSchema();
  const figures: Figure[] = [];
  const notMeasured: NotMeasured[] = [];
  for (const c of cases) {
    const token = c.analyst ? bench.analystToken : undefined;
    const problems = validate(schema, parse(c.query)).map((e) => e.message);
    if (problems.length) {
      notMeasured.push({
        group: options.group,
        name: c.field,
        reason: `the API does not offer it as asked: ${problems.slice(0, 2).join('; ')}`,
      });
      continue;
    }
    // The analyses keep answers while the graph is unchanged: every measured call starts without them,
    // so GraphQL and the replayed Cypher do the same work; the cached answer is timed separately.
    bench.analysisCache.clear();
    bench.take();
    const first = await postGraphql(bench.app, c.query, c.variables, token);
    const transactions = bench.take();
    if (first.status !== 200 || first.body.errors?.length) {
      const error = first.body.errors?.[0];
      notMeasured.push({
        group: options.group,
        name: c.field,
        reason: `the API answered ${first.status} ${error?.extensions?.code ?? ''} ${error?.message ?? ''}`.trim(),
      });
      continue;
    }
    const [graphqlMs, cypherMs] = await timePaired(
      async () => {
        bench.analysisCache.clear();
        const answer = await postGraphql(bench.app, c.query, c.variables, token);
        if (answer.body.errors?.length)
          throw new Error(`${c.field} failed during the runs: ${answer.body.errors[0].message}`);
      },
      () => replay(driver, transactions),
      options.runs,
      options.warmup,
    );
    bench.take();
    await postGraphql(bench.app, c.query, c.variables, token);
    const queryCount = (ts: CapturedTransaction[]) => ts.reduce((n, t) => n + t.queries.length, 0);
    const cachedRun = queryCount(bench.take()) < queryCount(transactions);
    let cachedNote = '';
    if (cachedRun) {
      const cached = summarize(
        await timeRuns(() => postGraphql(bench.app, c.query, c.variables, token), Math.min(options.runs, 10)),
        'lower',
      );
      cachedNote = `; repeated while the graph is unchanged it answers from the analysis cache in ${cached.median.toFixed(1)} ms (median)`;
    }
    const gql = summarize(graphqlMs, 'lower');
    const cypher = summarize(cypherMs, 'lower');
    const reported = reportedTransactions(first.body.extensions);
    const queries = transactions.reduce((n, t) => n + t.queries.length, 0);
    figures.push({
      group: options.group,
      name: `${c.field}: GraphQL latency`,
      unit: 'ms',
      direction: 'lower',
      value: gql,
      reference: { name: `same Cypher via driver (${queries} quer${queries === 1 ? 'y' : 'ies'})`, value: cypher },
      ratio: ratio(gql.median, cypher.median),
      aim: ANALYSES.has(c.field) ? 'p95 ≤ 100 ms and ≤ 1.1x, cold' : '≤ 1.2x',
      note: cachedNote ? `without the analysis cache${cachedNote}` : undefined,
    });
    figures.push({
      group: options.group,
      name: `${c.field}: transactions per operation`,
      unit: 'tx',
      direction: 'lower',
      value: summarize([transactions.length], 'lower'),
      reference: { name: 'aim', value: summarize([1], 'lower') },
      ratio: ratio(transactions.length, 1),
      aim: '1',
      note:
        reported === null
          ? 'API reports no count'
          : reported === transactions.length
            ? `API reports ${reported} (agrees)`
            : `API reports ${reported}, driver saw ${transactions.length}`,
    });
    options.log(
      `  ${c.field.padEnd(17)} GraphQL ${gql.median.toFixed(1)} ms, Cypher ${cypher.median.toFixed(1)} ms (${ratio(gql.median, cypher.median).toFixed(2)}x), ${transactions.length} tx`,
    );
  }
  return { figures, notMeasured };
}
