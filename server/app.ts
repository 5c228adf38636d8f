// Builds the HTTP app (GraphQL at /graphql, /healthz, /readyz, the web page at /) without listening,
// so that tests call `app.fetch` directly. main.ts listens.
import { AnalysisCache } from '../graph/analysis/analysis-cache.js';
import { createYoga, type Plugin } from 'graphql-yoga';
import { join } from 'node:path';
import { AuditLog } from '../graph/audit-log.js';
import type { Executor } from '../graph/executor.js';
import { projectRoot } from '../graph/runtime/instance-config.js';
import type { ServerConfig } from './config.js';
import { createContextFactory, type AppContextExtra } from './context.js';
import { maskError } from './errors.js';
import { useAccess, useFailedTokenThrottle } from './plugins/access.js';
import { Authenticator } from './auth/authenticator.js';
import { FailedTokenThrottle } from './auth/throttle.js';
import { TokenStore } from './auth/token-store.js';
import { useArmor } from './plugins/armor.js';
import { useBodyLimit } from './plugins/body-limit.js';
import { useContractErrorCodes } from './plugins/error-codes.js';
import { dataLoadedCheck, useReadiness } from './plugins/readiness.js';
import { useTransactionCount } from './plugins/transactions.js';
import { useStaticWeb } from './plugins/static-web.js';
import { useCompressedResponses } from './plugins/compress-responses.js';
import { GRAPHIQL_OPTIONS, GraphiqlPage } from './http/graphiql-page.js';
import { useBriefings } from './plugins/briefings.js';
import { useFonts } from './plugins/fonts.js';
import { BriefingService } from './briefing/service.js';
import { createSchema } from './schema/index.js';
import { useResponseCache } from './cache/plugin.js';
import type { ResponseCache } from './cache/response-cache.js';

export interface AppOptions {
  executor: Executor;
  config: ServerConfig;
  /** Folder of the built web page; defaults to web/dist. */
  webRoot?: string;
  extraPlugins?: Plugin[];
  /** The audit store; defaults to the file config.auditFile names. */
  auditLog?: AuditLog;
  /** The analyses' cache; defaults to one made from config.analysisCache (benches pass theirs to clear it). */
  analysisCache?: AnalysisCache;
  /** The GraphiQL page and its compressed forms; main.ts passes the one it precompresses in the background. */
  graphiqlPage?: GraphiqlPage;
  /** Where Chromium reaches this server's web page for PDF briefings; default the origin each request came to. */
  printBaseUrl?: string;
  /** The briefing service (the briefing CLI passes its own, whose print models this app serves). */
  briefings?: BriefingService;
  /** Who callers are (tokens, names, failed-token throttle); defaults to one made from the configuration. */
  authenticator?: Authenticator;
  /** The response cache of reads (server/cache); main.ts and cluster.ts pass one unless KG_RESPONSE_CACHE=off. */
  responseCache?: ResponseCache | null;
}

/** One rendered GraphiQL page per process (9 MB): every app of a test run shares it. */
let sharedGraphiql: GraphiqlPage | undefined;
export function defaultGraphiqlPage(): GraphiqlPage {
  sharedGraphiql ??= new GraphiqlPage(join(projectRoot, '.cache', 'graphiql'));
  return sharedGraphiql;
}

export function createApp({
  executor,
  config,
  webRoot,
  extraPlugins = [],
  auditLog = new AuditLog(config.auditFile),
  analysisCache = new AnalysisCache(config.analysisCache),
  graphiqlPage = defaultGraphiqlPage(),
  printBaseUrl,
  briefings = new BriefingService({
    executor,
    chromium: config.chromium,
    gapThresholds: config.gapThresholds,
    printBaseUrl,
  }),
  authenticator = new Authenticator(
    new TokenStore(config.tokens),
    new FailedTokenThrottle(config.throttle),
    config.trustedProxies,
  ),
  responseCache = null,
}: AppOptions) {
  return createYoga<Record<string, unknown>, AppContextExtra>({
    schema: createSchema(),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    logging: 'warn',
    // GraphiQL with its assets bundled in the package: works on a closed network (no CDN).
    // The page is rendered once (server/http/graphiql-page.ts) and sent compressed by useCompressedResponses.
    graphiql: GRAPHIQL_OPTIONS,
    renderGraphiQL: () => graphiqlPage.html,
    maskedErrors: { maskError },
    // useBodyLimit owns the size limits (its own for uploads, the contract's 413 body): yoga's built-in
    // 25 MB limiter would copy every body through a second stream and could refuse a large allowed upload.
    maxRequestBodySize: false,
    context: createContextFactory(executor, config, authenticator, auditLog, analysisCache, briefings),
    plugins: [
      useFailedTokenThrottle(authenticator),
      useBodyLimit(config.maxBodyBytes, config.maxUploadBytes),
      useArmor(),
      useContractErrorCodes(),
      useAccess(),
      useTransactionCount(),
      useReadiness(dataLoadedCheck(executor)),
      ...(responseCache?.enabled ? [useResponseCache(responseCache)] : []),
      ...extraPlugins,
      useCompressedResponses(graphiqlPage),
      useBriefings(briefings),
      useFonts(),
      useStaticWeb(webRoot ?? join(projectRoot, 'web/dist')),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
