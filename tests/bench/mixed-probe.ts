// One-off mixed-load probe of the response cache (README, Response cache): 50 readers + a write through the
// API every 10 s, cache on then off, on a database holding the API test fixture (tests/fixtures/api).
// Run: NEO4J_URI=… NEO4J_PASSWORD=… npx tsx tests/bench/mixed-probe.ts (e.g. on the test instance after its tests).
import { createDriver } from '../../graph/connection.js';
import { createExecutor } from '../../graph/executor.js';
import { createApp } from '../../server/app.js';
import { ResponseCache } from '../../server/cache/response-cache.js';
import { responseCacheSettings } from '../../server/cache/settings.js';
import { loadConfig } from '../../server/config.js';
import { measureMixedLoad } from './lib/mixed-load.js';
const driver = createDriver({
  uri: process.env.NEO4J_URI!,
  user: 'neo4j',
  password: process.env.NEO4J_PASSWORD!,
  database: 'neo4j',
} as any);
const executor = createExecutor(driver, { timeoutMs: 60_000 });
const token = 'mixed-editor-0123456789';
const config = loadConfig({ KG_TOKENS: `editor:${token}`, KG_AUDIT_FILE: '/tmp/rcache-mixed-audit.jsonl' });
for (const mode of ['on', 'off']) {
  const cache = new ResponseCache(executor, responseCacheSettings({ KG_RESPONSE_CACHE: mode }));
  const app = createApp({ executor, config, webRoot: '/nonexistent', responseCache: cache });
  const r = await measureMixedLoad(app, {
    readers: 50,
    durationMs: 31_000,
    writeEveryMs: 10_000,
    token,
    read: {
      query: 'query($id: ID!) { node(id: $id) { id name } }',
      variables: { id: 'ent:changguang-satellite' },
      name: (d) => d?.node?.name,
    },
    write: (i) => ({
      query:
        'mutation($name: String!) { upsertEnterprise(input: {id: "ent:changguang-satellite", name: $name, local: true, sources: ["source:s1"]}) { id } }',
      variables: { name: `mixed-${mode}-${i}` },
      name: `mixed-${mode}-${i}`,
    }),
  });
  console.log(`cache ${mode}:`, JSON.stringify(r));
}
await driver.close();
process.exit(0);
