// A cluster worker for response-cache-cluster.test.ts: the app with its response cache and the
// worker relay, on the test database (settings in KG_TEST_NEO4J), listening on its own port (KG_TEST_PORT).
import { createServer } from 'node:http';
import { createDriver } from '../../graph/connection.js';
import { createExecutor } from '../../graph/executor.js';
import { createApp } from '../../server/app.js';
import { attachWorkerRelay } from '../../server/cache/cluster-relay.js';
import { ResponseCache } from '../../server/cache/response-cache.js';
import { responseCacheSettings } from '../../server/cache/settings.js';
import { loadConfig } from '../../server/config.js';

const driver = createDriver(JSON.parse(process.env.KG_TEST_NEO4J!));
const executor = createExecutor(driver, { timeoutMs: 60_000 });
const cache = new ResponseCache(executor, responseCacheSettings());
attachWorkerRelay(cache);
const app = createApp({ executor, config: loadConfig(), webRoot: '/nonexistent', responseCache: cache });
const server = createServer(app);
server.listen(Number(process.env.KG_TEST_PORT), '127.0.0.1', () => process.send?.({ ready: true }));
