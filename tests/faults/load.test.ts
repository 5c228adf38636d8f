// Load: 50 concurrent clients for 30 s on a mix of real queries against the real server process
// (server/main.ts over HTTP, autocannon in its own process): zero errors, and the server's resident
// memory grows by less than a stated bound (a leak catcher, not a performance figure).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSynth } from '../../seed/synth/synth-run.js';
import { validateAndLoad } from '../../seed/load/load.js';
import { CHAIN_VIEW_QUERY } from '../../web/src/api/chain.js';
import { failures, graphqlPost, runLoad } from '../bench/lib/load.js';
import { percentile } from '../bench/lib/stats.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { startServerProcess, type ServerProcess } from './lib/processes.js';

const db = useTestDb();
const ANALYST = 'load-test-analyst-token-0123456789';
/** Resident memory may grow this much between the end of the warm-up and the end of the 30 s run. */
const RSS_GROWTH_BOUND = 200 * 2 ** 20;
let server: ServerProcess;
let requests: ReturnType<typeof graphqlPost>[];

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor);
  const { manifest } = await runSynth(db.executor, {
    enterprises: 2000,
    seed: 5,
    manifestPath: join(mkdtempSync(join(tmpdir(), 'kg-load-')), 'manifest.json'),
  });
  const [real] = await db.executor.query(
    `MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment)-[:PART_OF*1..]->(c:Chain) WHERE coalesce(c.synthetic, false) = false
     MATCH (d:District) WITH c, e, d ORDER BY c.id, e.id, d.id LIMIT 1
     RETURN c.id AS chain, e.id AS firm, d.id AS district`,
  );
  const gapSegment = manifest.segments.find((s) => s.planted !== 'COVERED')?.id ?? manifest.segments[0].id;
  const synthChain = manifest.chainIds[0];
  const auth = { authorization: `Bearer ${ANALYST}` };
  requests = [
    graphqlPost('{ programs { id name chains { id name kind identified } } }'),
    graphqlPost(CHAIN_VIEW_QUERY, { id: real.chain }),
    graphqlPost('query($t: String!) { search(text: $t) { score entity { id name type } } }', { t: '光机所' }),
    graphqlPost(
      'query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { nodes { id label } edges { id source target } truncated } }',
      { id: real.firm },
    ),
    graphqlPost('query($a: ID!, $b: ID!) { path(from: $a, to: $b) { nodes { id } edges { id } } }', {
      a: real.firm,
      b: real.district,
    }),
    graphqlPost('query($id: ID!) { responsibility(id: $id) { relation leader { id title } path { nodes { id } } } }', {
      id: real.firm,
    }),
    graphqlPost('query($id: ID!) { gaps(chainId: $id) { status segment { id name } explanation } }', {
      id: synthChain,
    }),
    graphqlPost('query($id: ID!) { goals(chainId: $id) { metric basis progress goal { id name } } }', {
      id: real.chain,
    }),
    graphqlPost(
      'query($id: ID!) { chains { id name enterpriseCount owners { leader { title } } } node(id: $id) { id name citations { quote source { name } } } }',
      { id: real.firm },
    ),
    graphqlPost(
      'query($s: ID!) { recommendTargets(segmentId: $s, first: 5) { score enterprise { id name } reasons { kind weight } } }',
      { s: gapSegment },
      auth,
    ),
    graphqlPost(
      'query($q: String!) { cypher(query: $q) { columns rows truncated } }',
      { q: 'MATCH (c:Chain)<-[:PART_OF]-(s:Segment) RETURN c.id AS chain, count(s) AS segments ORDER BY chain' },
      auth,
    ),
  ];
  server = await startServerProcess(db.settings, { KG_TOKENS: `analyst:${ANALYST}` });
});

afterAll(async () => {
  await server?.stop();
});

describe('under load', () => {
  it('answers 50 concurrent clients for 30 s on a mix of queries with zero errors and bounded memory', async () => {
    const alone: string[] = [];
    for (const request of requests) {
      const started = performance.now();
      const response = await fetch(server.url + request.path, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      expect(body.errors, request.body.slice(0, 80)).toBeUndefined();
      alone.push(
        `${JSON.parse(request.body).query.match(/\{\s*(\w+)/)?.[1]} ${(performance.now() - started).toFixed(0)} ms`,
      );
    }
    console.log(`load: each query alone: ${alone.join(', ')}`);
    const warmup = await runLoad({
      url: server.url,
      connections: 50,
      durationS: 5,
      timeoutS: 60,
      requests,
      verify: 'graphql',
    });
    expect(failures(warmup)).toBe(0);
    const rssBefore = server.rss();
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(server.rss()), 1000);
    const result = await runLoad({
      url: server.url,
      connections: 50,
      durationS: 30,
      timeoutS: 60,
      requests,
      verify: 'graphql',
    });
    clearInterval(sampler);
    const rssAfter = server.rss();
    const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
    console.log(
      `load: ${result.total} requests in ${result.durationS} s from 50 clients (${(result.total / result.durationS).toFixed(0)} req/s), ` +
        `latency p50 ${percentile(result.latencies, 50).toFixed(0)} ms, p99 ${percentile(result.latencies, 99).toFixed(0)} ms, max ${result.latencies.reduce((a, b) => Math.max(a, b), 0).toFixed(0)} ms; ` +
        `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL errors ${result.mismatches}; ` +
        `server RSS ${mb(rssBefore)} MB -> ${mb(rssAfter)} MB (peak ${mb(Math.max(...samples, rssAfter))} MB, bound +${mb(RSS_GROWTH_BOUND)} MB)`,
    );
    expect(result.total).toBeGreaterThan(50);
    expect({
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      graphqlErrors: result.mismatches,
    }).toEqual({ errors: 0, timeouts: 0, non2xx: 0, graphqlErrors: 0 });
    expect(rssAfter - rssBefore).toBeLessThan(RSS_GROWTH_BOUND);
    const after = await fetch(`${server.url}/readyz`);
    expect(after.status).toBe(200);
  });
});
