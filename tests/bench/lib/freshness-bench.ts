// The response cache's two freshness figures (issue #14): the mixed load (50 readers and a write through
// the API every 10 s: reads' p95 and stale answers, against the same load with the cache off) and the
// stale check (write-then-read pairs, each read served by the other of two API instances whose caches
// are linked as cluster siblings, against the same pairs with that link cut, which shows the check sees
// staleness when there is some).
import { randomBytes } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { createExecutor, type Executor } from '../../../graph/executor.js';
import { createApp, type App } from '../../../server/app.js';
import { ResponseCache } from '../../../server/cache/response-cache.js';
import { responseCacheSettings } from '../../../server/cache/settings.js';
import { loadConfig } from '../../../server/config.js';
import { measureMixedLoad } from './mixed-load.js';
import type { Figure } from './report.js';
import { ratio, summarize } from './stats.js';

const READ = 'query($id: ID!) { node(id: $id) { id name } }';
const WRITE =
  'mutation($id: ID!, $name: String!, $source: ID!) { upsertEnterprise(input: {id: $id, name: $name, local: true, sources: [$source]}) { id name } }';

interface Tokens {
  editor: string;
  analyst: string;
}

function apiInstance(executor: Executor, tokens: Tokens, cache: boolean) {
  const config = loadConfig({
    KG_TOKENS: `editor:${tokens.editor},analyst:${tokens.analyst}`,
    KG_AUDIT_FILE: `/tmp/kg-bench-freshness-audit-${process.pid}.jsonl`,
    KG_DB_TIMEOUT_MS: '120000',
  });
  const responseCache = new ResponseCache(executor, responseCacheSettings({ KG_RESPONSE_CACHE: cache ? 'on' : 'off' }));
  return { app: createApp({ executor, config, responseCache }), cache: responseCache };
}

async function post(app: App, token: string, query: string, variables: Record<string, unknown>) {
  const response = await app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`${query.slice(0, 30)}…: ${body.errors[0].message}`);
  return body.data;
}

/** A firm and a source of the loaded data to write to (the firm's name changes, nothing else). */
async function target(executor: Executor) {
  const [row] = await executor.query(
    'MATCH (e:Enterprise) WITH e ORDER BY e.id LIMIT 1 MATCH (s:Source) WITH e, s ORDER BY s.id LIMIT 1 RETURN e.id AS id, e.name AS name, s.id AS source',
  );
  if (!row?.id || !row.source) throw new Error('the loaded data has no enterprise and source to write to');
  return { id: row.id as string, name: row.name as string, source: row.source as string };
}

export interface FreshnessOptions {
  group: string;
  quick: boolean;
  log: (line: string) => void;
}

export async function measureFreshness(driver: Driver, options: FreshnessOptions): Promise<Figure[]> {
  const executor = createExecutor(driver, { timeoutMs: 120_000 });
  const tokens: Tokens = {
    editor: randomBytes(24).toString('base64url'),
    analyst: randomBytes(24).toString('base64url'),
  };
  const firm = await target(executor);
  const tag = randomBytes(3).toString('hex');
  try {
    return [
      ...(await mixedLoad(executor, tokens, firm, tag, options)),
      ...(await staleCheck(executor, tokens, firm, tag, options)),
    ];
  } finally {
    await post(apiInstance(executor, tokens, false).app, tokens.editor, WRITE, {
      id: firm.id,
      name: firm.name,
      source: firm.source,
    });
  }
}

async function mixedLoad(
  executor: Executor,
  tokens: Tokens,
  firm: { id: string; source: string },
  tag: string,
  options: FreshnessOptions,
): Promise<Figure[]> {
  // a quick run: 25 s per mode (two writes); a full one 61 s (six writes)
  const durationMs = options.quick ? 25_000 : 61_000;
  const run = (mode: 'on' | 'off') =>
    measureMixedLoad(apiInstance(executor, tokens, mode === 'on').app, {
      readers: 50,
      durationMs,
      writeEveryMs: 10_000,
      // one token for reads and writes (measureMixedLoad sends both with it): writes need the editor role
      token: tokens.editor,
      read: { query: READ, variables: { id: firm.id }, name: (d) => d?.node?.name },
      write: (i) => {
        const name = `bench-mixed-${tag}-${mode}-${i}`;
        return { query: WRITE, variables: { id: firm.id, name, source: firm.source }, name };
      },
    });
  options.log(
    `Mixed load: 50 readers + a write every 10 s, ${durationMs / 1000} s with the response cache, then without`,
  );
  const on = await run('on');
  const off = await run('off');
  for (const [mode, r] of [
    ['on', on],
    ['off', off],
  ] as const)
    options.log(
      `  cache ${mode}: ${r.reads} reads, p95 ${r.p95.toFixed(1)} ms, ${r.writes} writes, stale ${r.stale}, failed ${r.failed}`,
    );
  if (on.writes === 0) throw new Error(`no write was acknowledged during the mixed load (${on.firstError})`);
  const value = summarize(on.latencies, 'lower');
  const reference = summarize(off.latencies, 'lower');
  const note = `${durationMs / 1000} s per mode${options.quick ? ' (quick run; full: 61 s, six writes)' : ''}; cache on: ${on.reads} reads, ${on.writes} writes, ${on.failed} failed; cache off: ${off.reads} reads, stale ${off.stale}, ${off.failed} failed`;
  return [
    {
      group: options.group,
      name: 'mixed load: 50 readers + a write through the API every 10 s, read latency (ms)',
      unit: 'ms',
      direction: 'lower',
      value,
      reference: { name: 'same load, response cache off', value: reference },
      ratio: ratio(value.median, reference.median),
      aim: 'p95 ≤ 150 ms',
      note,
    },
    {
      group: options.group,
      name: 'mixed load: stale answers (count)',
      unit: 'count',
      direction: 'lower',
      value: summarize([on.stale], 'lower'),
      reference: { name: 'aim', value: summarize([0], 'lower') },
      ratio: ratio(on.stale, 0),
      aim: '0',
      note: `of ${on.reads} reads; a read is stale when it answers a name older than the last write acknowledged before it started`,
    },
  ];
}

/** Write-then-read pairs: each read is served by the instance that did not write. */
async function pairs(
  executor: Executor,
  tokens: Tokens,
  firm: { id: string; source: string },
  label: string,
  count: number,
  linked: boolean,
) {
  const a = apiInstance(executor, tokens, true);
  const b = apiInstance(executor, tokens, true);
  if (linked) {
    // what the cluster primary does (server/cache/cluster-relay.ts): a commit reaches the sibling before it is acknowledged
    a.cache.relay = async () => b.cache.siblingCommitted();
    b.cache.relay = async () => a.cache.siblingCommitted();
  }
  let stale = 0;
  for (let i = 0; i < count; i++) {
    const [writer, reader] = i % 2 === 0 ? [a, b] : [b, a];
    const name = `${label}-${i}`;
    // the reader has the previous name cached before the write
    await post(reader.app, tokens.analyst, READ, { id: firm.id });
    await post(writer.app, tokens.editor, WRITE, { id: firm.id, name, source: firm.source });
    const data = await post(reader.app, tokens.analyst, READ, { id: firm.id });
    if (data?.node?.name !== name) stale++;
  }
  return stale;
}

async function staleCheck(
  executor: Executor,
  tokens: Tokens,
  firm: { id: string; source: string },
  tag: string,
  options: FreshnessOptions,
): Promise<Figure[]> {
  const count = 1000;
  options.log(`Stale check: ${count} write-then-read pairs across two API instances, linked, then unlinked`);
  const stale = await pairs(executor, tokens, firm, `bench-stale-${tag}`, count, true);
  // unlinked, fewer pairs: each is stale for up to KG_CACHE_MAX_STALENESS_MS (the check must see it)
  const unlinkedCount = 100;
  const unlinked = await pairs(executor, tokens, firm, `bench-unlinked-${tag}`, unlinkedCount, false);
  options.log(`  stale ${stale} of ${count} (unlinked: ${unlinked} of ${unlinkedCount})`);
  return [
    {
      group: options.group,
      name: `stale check: ${count.toLocaleString('en-US')} write-then-read pairs through the API, stale answers (count)`,
      unit: 'count',
      direction: 'lower',
      value: summarize([stale], 'lower'),
      reference: {
        name: `same pairs with the sibling relay cut (${unlinkedCount} pairs)`,
        value: summarize([unlinked], 'lower'),
      },
      ratio: ratio(stale, unlinked),
      aim: '0',
      note: `writes and reads alternate between two app instances with response caches of their own, linked as cluster siblings are (in one process: not the IPC of server/cluster.ts); the reader caches the old answer before each write; unlinked, ${unlinked} of ${unlinkedCount} reads were stale`,
    },
  ];
}
