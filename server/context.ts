// Per-request context: the caller (role and name, from the bearer token through server/auth) and an
// executor with its own transaction counter, so the number of transactions of each operation can be asserted.
import type { AnalysisCache } from '../graph/analysis/analysis-cache.js';
import type { YogaInitialContext } from 'graphql-yoga';
import type { BriefingService } from './briefing/service.js';
import type { AuditLog } from '../graph/audit-log.js';
import type { Executor } from '../graph/executor.js';
import type { Authenticator } from './auth/authenticator.js';
import { fingerprintOf, sha256 } from './auth/token-lines.js';
import type { ServerConfig } from './config.js';
import { canSeeTargets } from './plugins/access.js';

export type { CallerRole } from './auth/roles.js';
import type { CallerRole } from './auth/roles.js';

/** What the caller may read, decided once per request from the role and handed down to graph/. */
export interface Access {
  /** TARGET_FOR (investment-promotion pipeline stages): analyst and above. */
  canSeeTargets: boolean;
  /** The program read fields answer for when they name none (KG_DEFAULT_PROGRAM). */
  defaultProgram?: string;
}

/** What the server adds to yoga's initial context. */
export interface AppContextExtra {
  executor: Executor;
  config: ServerConfig;
  role: CallerRole;
  /** Read rules of this caller, computed once with the role. */
  access: Access;
  /** true when the bearer token was present but unknown */
  badToken: boolean;
  /** Who writes, for the audit trail: the role, the holder's name and a fingerprint of the token (never the token). */
  actor: { role: CallerRole; name?: string; fingerprint: string };
  /** The audit store (a file beside the database, never the graph): every write is recorded there. */
  auditLog: AuditLog;
  /** The process's cache of the heavy analyses (one per server, from the configuration). */
  analysisCache: AnalysisCache;
  /** Briefing documents (build, render, one-time downloads). */
  briefings: BriefingService;
}

export type AppContext = YogaInitialContext & AppContextExtra;

/** First 12 hex digits of the token's SHA-256: enough to tell tokens apart in the audit trail, useless to sign in. */
export const tokenFingerprint = (token: string) => fingerprintOf(sha256(token));

export function createContextFactory(
  executor: Executor,
  config: ServerConfig,
  authenticator: Authenticator,
  auditLog: AuditLog,
  analysisCache: AnalysisCache,
  briefings: BriefingService,
) {
  return ({ request }: YogaInitialContext): AppContextExtra => {
    const caller = authenticator.identify(request);
    return {
      executor: executor.scoped(),
      config,
      auditLog,
      analysisCache,
      briefings,
      ...caller,
      access: { canSeeTargets: canSeeTargets(caller.role), defaultProgram: config.defaultProgram },
    };
  };
}
