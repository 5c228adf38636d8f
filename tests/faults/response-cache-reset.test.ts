// The response cache across a database reset and a Neo4j restart (issue #14): answers cached before
// either are never served after it. A reset gives a new store (db.info id and creation date), a restart
// a new start time of the Neo4j process (JMX Runtime StartTime), and either empties the cache at the
// next position read (graph/queries/db-position.ts). Neo4j is really reset, stopped and started.
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureSchema } from '../../graph/schema.js';
import { INSTANCES } from '../../graph/runtime/instance-config.js';
import { resetInstance, startInstance, stopInstance } from '../../graph/runtime/instance.js';
import { createApp } from '../../server/app.js';
import { ResponseCache } from '../../server/cache/response-cache.js';
import { responseCacheSettings } from '../../server/cache/settings.js';
import { loadConfig } from '../../server/config.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { gql, tempAuditFile } from '../server/helpers.js';

const db = useTestDb();
const STALENESS_MS = 200;
const cache = new ResponseCache(
  db.executor,
  responseCacheSettings({ KG_CACHE_MAX_STALENESS_MS: String(STALENESS_MS) }),
);
const app = createApp({
  executor: db.executor,
  config: loadConfig({ KG_AUDIT_FILE: tempAuditFile() }),
  webRoot: '/nonexistent',
  responseCache: cache,
});
const READ = 'query($id: ID!) { node(id: $id) { id name } }';
const read = () => gql(app, READ, { id: F.cgsat });
const hit = (r: { extensions?: Record<string, unknown> }) => r.extensions?.responseCache === 'hit';
const rename = (name: string) => db.executor.mutate('MATCH (n {id: $id}) SET n.name = $name', { id: F.cgsat, name });
/** Past the max staleness, so the next read re-reads the store and position. */
const afterStaleness = () => new Promise((resolve) => setTimeout(resolve, STALENESS_MS + 50));

/** Caches the firm's current answer and checks that it is served from memory. */
async function cacheCurrent(name: string) {
  await afterStaleness();
  expect((await read()).data?.node.name).toBe(name);
  const again = await read();
  expect(hit(again)).toBe(true);
  expect(again.data?.node.name).toBe(name);
}

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
});

describe.runIf(!db.settings.external)('response cache across a reset and a restart', () => {
  it('after `db reset` and a reload, the same read gives the new answer and the old ones are gone', async () => {
    await rename('重置前');
    await cacheCurrent('重置前');
    resetInstance(INSTANCES.test, () => {});
    await startInstance(INSTANCES.test, () => {});
    await ensureSchema(db.executor);
    await loadApiFixture(db.executor);
    await rename('重置后');
    await afterStaleness();
    const after = await read();
    expect(hit(after)).toBe(false);
    expect(after.data?.node.name).toBe('重置后');
    // the old store's answers were dropped, not merely bypassed: only the new answer is left
    expect(cache.stats.entries).toBe(1);
  });

  it('after a Neo4j restart, no answer from before it is served, even when nothing was written', async () => {
    await rename('重启前');
    await cacheCurrent('重启前');
    expect(cache.stats.entries).toBeGreaterThan(0);
    stopInstance(INSTANCES.test, () => {});
    await startInstance(INSTANCES.test, () => {});
    await afterStaleness();
    const after = await read();
    // the same data, read again from the restarted database (a restart may follow an offline import or load)
    expect(hit(after)).toBe(false);
    expect(after.data?.node.name).toBe('重启前');
    expect(cache.stats.entries).toBe(1);
  });
});
