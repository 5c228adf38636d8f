// The response cache on a real Neo4j: a read answers from memory while nothing was committed; a write
// through the API is seen at once, one from outside the API within KG_CACHE_MAX_STALENESS_MS; roles
// and callers never share an answer; a dropped caller loses its answers; mutations and errors never cached.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { ResponseCache } from '../../server/cache/response-cache.js';
import { responseCacheSettings } from '../../server/cache/settings.js';
import { tokenFingerprint } from '../../server/context.js';
import { loadConfig } from '../../server/config.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { gql, tempAuditFile } from './helpers.js';

const db = useTestDb();
const STALENESS_MS = 400;
const TOKENS = {
  analyst: 'rc-analyst-a-0123456789',
  analyst2: 'rc-analyst-b-0123456789',
  editor: 'rc-editor-0123456789',
};
const config = loadConfig({
  KG_TOKENS: `analyst:${TOKENS.analyst},analyst:${TOKENS.analyst2},editor:${TOKENS.editor}`,
  KG_AUDIT_FILE: tempAuditFile(),
});
const cache = new ResponseCache(
  db.executor,
  responseCacheSettings({ KG_CACHE_MAX_STALENESS_MS: String(STALENESS_MS) }),
);
const app = createApp({ executor: db.executor, config, webRoot: '/nonexistent', responseCache: cache });
const as = (token: string) => ({ token });

const READ = 'query($id: ID!) { node(id: $id) { id name } }';
const UPSERT = `mutation($name: String!) { upsertEnterprise(input: {id: "${F.cgsat}", name: $name, local: true, sources: ["${F.s1}"]}) { id name } }`;
const read = (who: { token: string } | 'public' = 'public') => gql(app, READ, { id: F.cgsat }, who);
const hit = (r: { extensions?: Record<string, unknown> }) => r.extensions?.responseCache === 'hit';

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
});

describe('response cache', () => {
  it('answers a repeated read from memory with no transaction, and sees a write through the API at once', async () => {
    const first = await read();
    expect(hit(first)).toBe(false);
    const second = await read();
    expect(hit(second)).toBe(true);
    expect(second.data).toEqual(first.data);
    expect(second.extensions?.transactions ?? 0).toBe(0);
    const written = await gql(app, UPSERT, { name: '长光卫星-API' }, as(TOKENS.editor));
    expect(written.errors).toBeUndefined();
    const after = await read();
    expect(hit(after)).toBe(false);
    expect(after.data?.node.name).toBe('长光卫星-API');
  });

  it('sees a write from outside the API (driver, like the seed CLI) within the max staleness', async () => {
    await read();
    expect(hit(await read())).toBe(true);
    await db.executor.mutate('MATCH (n {id: $id}) SET n.name = $name', { id: F.cgsat, name: '长光卫星-外部' });
    await new Promise((resolve) => setTimeout(resolve, STALENESS_MS + 50));
    const after = await read();
    expect(after.data?.node.name).toBe('长光卫星-外部');
  });

  it('never shares an answer between roles or between two callers of one role', async () => {
    await read();
    expect(hit(await read())).toBe(true);
    expect(hit(await read(as(TOKENS.analyst)))).toBe(false);
    expect(hit(await read(as(TOKENS.analyst)))).toBe(true);
    expect(hit(await read(as(TOKENS.analyst2)))).toBe(false);
    expect(hit(await read(as(TOKENS.editor)))).toBe(false);
  });

  it('drops the answers of a revoked caller and only those', async () => {
    await read(as(TOKENS.analyst));
    await read(as(TOKENS.analyst2));
    expect(hit(await read(as(TOKENS.analyst)))).toBe(true);
    expect(cache.dropCaller(tokenFingerprint(TOKENS.analyst))).toBeGreaterThan(0);
    expect(hit(await read(as(TOKENS.analyst)))).toBe(false);
    expect(hit(await read(as(TOKENS.analyst2)))).toBe(true);
  });

  it('never caches mutations nor errors', async () => {
    const a = await gql(app, UPSERT, { name: '长光卫星-一' }, as(TOKENS.editor));
    const b = await gql(app, UPSERT, { name: '长光卫星-一' }, as(TOKENS.editor));
    expect(hit(a) || hit(b)).toBe(false);
    expect(b.extensions?.transactions).toBeGreaterThan(0);
    const bad = 'query { cypher(query: "MATCH (n) RETURN count(n) AS c") { columns } }';
    const e1 = await gql(app, bad, {}, 'public');
    const e2 = await gql(app, bad, {}, 'public');
    expect(e1.errors?.length).toBeGreaterThan(0);
    expect(hit(e2)).toBe(false);
    expect(e2.errors?.length).toBeGreaterThan(0);
  });

  it('is off with KG_RESPONSE_CACHE=off', () => {
    expect(responseCacheSettings({ KG_RESPONSE_CACHE: 'off' }).enabled).toBe(false);
    expect(() => responseCacheSettings({ KG_RESPONSE_CACHE: 'maybe' })).toThrow(/KG_RESPONSE_CACHE/);
  });
});
