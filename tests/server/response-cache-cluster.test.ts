// Read-your-writes across processes: two cluster workers (real processes, each with its own response
// cache, position re-read only every 60 s so only the primary's relay can make them fresh) on the test
// database; a write through one is never followed by an older answer from the other. Prints the stale count.
import cluster, { type Worker } from 'node:cluster';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../graph/runtime/instance-config.js';
import { relayCommits } from '../../server/cache/cluster-primary.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { emptyDatabase, testNeo4j, useTestDb } from '../helpers/neo4j.js';
import { tempAuditFile } from './helpers.js';

const db = useTestDb();
const EDITOR = 'rc-cluster-editor-0123456789';
const PORTS = [Number(process.env.PORT ?? 7843) + 1, Number(process.env.PORT ?? 7843) + 2];
const PAIRS = Number(process.env.KG_STALE_PAIRS ?? 200);
const workers: Worker[] = [];

async function post(port: number, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[]; extensions?: Record<string, unknown> };
}

const READ = 'query($id: ID!) { node(id: $id) { id name } }';
const UPSERT = `mutation($name: String!) { upsertEnterprise(input: {id: "${F.cgsat}", name: $name, local: true, sources: ["${F.s1}"]}) { id } }`;

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
  cluster.setupPrimary({
    exec: join(projectRoot, 'tests/server/response-cache-cluster-worker.ts'),
    execArgv: ['--import', 'tsx'],
  });
  for (const port of PORTS) {
    const worker = relayCommits(
      cluster.fork({
        KG_TEST_NEO4J: JSON.stringify(testNeo4j()),
        KG_TEST_PORT: String(port),
        KG_TOKENS: `editor:${EDITOR}`,
        KG_AUDIT_FILE: tempAuditFile(),
        KG_CACHE_MAX_STALENESS_MS: '60000',
      }),
    );
    workers.push(worker);
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
    });
  }
}, 120_000);

afterAll(() => {
  for (const worker of workers) worker.kill();
});

describe('response cache across cluster workers', () => {
  it('a write through one worker is seen by the other at once', async () => {
    // both caches hold the current answer: without the relay the other worker would keep serving it
    for (const port of PORTS) await post(port, READ, { id: F.cgsat });
    expect((await post(PORTS[1], READ, { id: F.cgsat })).extensions?.responseCache).toBe('hit');
    let stale = 0;
    const started = performance.now();
    for (let i = 0; i < PAIRS; i++) {
      const [writer, reader] = i % 2 ? [PORTS[1], PORTS[0]] : [PORTS[0], PORTS[1]];
      const name = `长光卫星-${i}`;
      const written = await post(writer, UPSERT, { name });
      expect(written.errors).toBeUndefined();
      const read = await post(reader, READ, { id: F.cgsat });
      if (read.data?.node?.name !== name) stale++;
      // and the reader keeps answering from memory until the next write
      await post(reader, READ, { id: F.cgsat });
    }
    const hit = await post(PORTS[0], READ, { id: F.cgsat });
    console.log(
      `stale answers: ${stale} of ${PAIRS} write-then-read pairs across 2 workers (${Math.round(performance.now() - started)} ms)`,
    );
    expect(hit.extensions?.responseCache).toBe('hit');
    expect(stale).toBe(0);
  }, 600_000);
});
