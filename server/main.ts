// Starts the product: the database (local instance or NEO4J_URI), the data when the database is
// empty, then the HTTP server. `npm start` runs this after installing what is missing.
import { createServer } from 'node:http';
import { AuditLog } from '../graph/audit-log.js';
import { resolvePending } from '../graph/audit-resolve.js';
import { moveAuditOutOfGraph } from '../graph/audit-migration.js';
import { createDriver, ensureDatabase, verifyDriver } from '../graph/connection.js';
import { GraphError } from '../graph/errors.js';
import { createExecutor } from '../graph/executor.js';
import { loadIfEmpty } from '../seed/bootstrap.js';
import { createApp, defaultGraphiqlPage } from './app.js';
import { explainClientErrors } from './http/client-error.js';
import { settleInterruptedJobs } from '../graph/queries/jobs.js';
import { ConfigError, loadConfig } from './config.js';
import { onTokensChanged } from './auth/index.js';
import { ResponseCache } from './cache/response-cache.js';
import { responseCacheSettings } from './cache/settings.js';
import { attachWorkerRelay } from './cache/cluster-relay.js';

async function main() {
  const config = loadConfig();
  const auditLog = new AuditLog(config.auditFile);
  // Fail at start-up rather than on the first write: no write is accepted without its audit entry.
  await auditLog.ensureWritable().catch((error: Error) => {
    throw new ConfigError(
      `KG_AUDIT_FILE: cannot append to ${config.auditFile} (${error.message}). Point KG_AUDIT_FILE at a writable file.`,
    );
  });
  const settings = await ensureDatabase();
  const driver = createDriver(settings);
  await verifyDriver(driver, settings);
  const executor = createExecutor(driver, { database: settings.database, timeoutMs: config.dbTimeoutMs });
  const moved = await moveAuditOutOfGraph(executor, auditLog);
  if (moved.entries || moved.proposals)
    console.log(
      `Moved ${moved.entries} audit records of an earlier version out of the graph into ${config.auditFile} (and the actor off ${moved.proposals} proposals).`,
    );
  await loadIfEmpty(executor, (line) => console.log(line));
  const interrupted = await settleInterruptedJobs(executor);
  if (interrupted) console.log(`Settled ${interrupted} import jobs an earlier server left unfinished.`);
  // Entries an earlier crash left pending: committed or failed, decided by looking at the graph.
  const resolved = await resolvePending(auditLog, executor);
  if (resolved.committed || resolved.failed)
    console.log(
      `Resolved ${resolved.committed + resolved.failed} pending audit entries by looking at the graph (${resolved.committed} committed, ${resolved.failed} failed).`,
    );

  const graphiqlPage = defaultGraphiqlPage();
  const cacheSettings = (() => {
    try {
      return responseCacheSettings();
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  })();
  const responseCache = cacheSettings.enabled ? new ResponseCache(executor, cacheSettings) : null;
  attachWorkerRelay(responseCache);
  // A revoked token's cached answers go with it (the cache keys answers by the token's fingerprint).
  onTokensChanged(({ revoked }) => {
    for (const caller of revoked) responseCache?.dropCaller(caller.fingerprint);
  });
  const app = createApp({ executor, config, auditLog, graphiqlPage, responseCache });
  const server = createServer(app);
  explainClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError(
              `Port ${config.port} on ${config.host} is already in use. Stop the other program or set PORT to a free port.`,
            )
          : error,
      ),
    );
    server.listen(config.port, config.host, resolve);
  });
  const base = `http://${config.host}:${config.port}`;
  console.log(
    `\nReady.\n  Web page:  ${base}/\n  GraphQL:   ${base}/graphql\n  Health:    ${base}/healthz   Readiness: ${base}/readyz\n  Neo4j:     ${settings.uri}${settings.external ? ' (external)' : ' (local; `npm run db -- env` prints the credentials)'}\n`,
  );

  // The best brotli of the 9 MB GraphiQL page takes about a minute of one core: made once, off the event
  // loop, kept in .cache/graphiql/ (`npm run build:graphiql` makes it ahead); until then it goes out fast-compressed.
  graphiqlPage.precompress().catch((error: Error) => console.warn(`GraphiQL page not precompressed: ${error.message}`));

  const shutdown = () => {
    server.close();
    driver.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  if (error instanceof GraphError || error instanceof ConfigError) console.error(`\nError: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
