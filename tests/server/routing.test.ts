// The API through the `neo4j://` routing scheme (what a cluster or Aura needs), on the local single
// server: the driver asks it for a routing table, and every session carries the executor's bookmarks,
// so a read in a new session starts from the bookmark of the write before it (read-your-writes even
// when a cluster routes the read to a member that has not applied the write yet).
import neo4j, { type Driver, type Session, type SessionConfig } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../graph/connection.js';
import { createExecutor } from '../../graph/executor.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { gql, testApp } from './helpers.js';

const db = useTestDb();
const routed = db.settings.uri.replace(/^bolt(\+s|\+ssc)?:\/\//, (_m, tls = '') => `neo4j${tls}://`);

interface Observed {
  mode: string;
  /** The bookmarks the session was given before its transaction. */
  before: string[];
  /** The bookmarks it ended with (a write's own bookmark). */
  after: string[];
}
const observed: Observed[] = [];

/** The driver with each session's bookmarks recorded around its managed transaction. */
function observing(driver: Driver): Driver {
  const session = driver.session.bind(driver);
  const wrap = (config: SessionConfig = {}): Session => {
    const s = session(config);
    for (const method of ['executeRead', 'executeWrite'] as const) {
      const original = s[method].bind(s) as Session['executeRead'];
      (s as unknown as Record<string, unknown>)[method] = async (...args: Parameters<Session['executeRead']>) => {
        const before = config.bookmarkManager ? [...(await config.bookmarkManager.getBookmarks())] : [];
        const result = await original(...args);
        observed.push({ mode: method, before, after: s.lastBookmarks() });
        return result;
      };
    }
    return s;
  };
  return new Proxy(driver, { get: (target, prop) => (prop === 'session' ? wrap : Reflect.get(target, prop)) });
}

const driver = observing(createDriver({ ...db.settings, uri: routed }));
const app = testApp(createExecutor(driver, { timeoutMs: 60_000 }));

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
});
afterAll(() => driver.close());

describe('the API through neo4j://', () => {
  it('connects with the routing scheme and gets a routing table from the single server', async () => {
    expect(routed).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
    await driver.verifyConnectivity();
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run('CALL dbms.routing.getRoutingTable({}) YIELD servers RETURN servers');
      const roles = (result.records[0].get('servers') as { role: string }[]).map((s) => s.role).sort();
      expect(roles).toEqual(['READ', 'ROUTE', 'WRITE']);
    } finally {
      await session.close();
    }
  });

  it('reads its own write in a new session that starts from the write’s bookmark', async () => {
    observed.length = 0;
    const write = await gql(
      app,
      `mutation { upsertEnterprise(input: {id: "ent:routing-test", name: "路由测试", local: true, sources: ["${F.s1}"]}) { id } }`,
      {},
      'editor',
    );
    expect(write.errors).toBeUndefined();
    const read = await gql(app, '{ node(id: "ent:routing-test") { ... on Enterprise { name } } }');
    expect(read.errors).toBeUndefined();
    expect(read.data!.node).toEqual({ name: '路由测试' });

    const writes = observed.filter((o) => o.mode === 'executeWrite');
    const lastWrite = writes.at(-1)!;
    expect(lastWrite.after.length).toBeGreaterThan(0);
    const readsAfter = observed.slice(observed.indexOf(lastWrite) + 1).filter((o) => o.mode === 'executeRead');
    expect(readsAfter.length).toBeGreaterThan(0);
    for (const r of readsAfter) expect(r.before).toEqual(expect.arrayContaining(lastWrite.after));
  });
});
