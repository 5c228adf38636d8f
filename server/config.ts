// Server configuration, parsed once from the environment at start-up; every bad key is listed.
import { type ChromiumChoice, findChromium } from './briefing/chromium.js';
import { z } from 'zod';
import { type Role, ROLES } from './auth/roles.js';
import { parseThrottle, type ThrottleSettings } from './auth/throttle.js';
import { parseTrustedProxies, type TrustedProxies } from './auth/client-address.js';
import { parseTokenLines } from './auth/token-lines.js';
import { readTokensFile, type TokenSettings } from './auth/token-store.js';
import type { CacheSettings } from '../graph/analysis/analysis-cache.js';
import type { RecommendWeights } from '../graph/analysis/recommend-weights.js';
import type { GapThresholds } from '../graph/gap-thresholds.js';
import type { Thresholds } from '../seed/registry/config.js';
import type { FileLimits } from '../seed/file-limits.js';
import { loadSharedSettings } from '../seed/settings.js';

export { ROLES, type Role };

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  KG_TOKENS: z.string().optional(),
  KG_TOKENS_FILE: z.string().optional(),
  KG_TOKENS_CHECK_SECONDS: z.coerce.number().min(0).max(3600).default(3),
  KG_PUBLIC_READ: z.enum(['true', 'false']).default('true'),
  KG_DB_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  KG_CYPHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  KG_CYPHER_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1_000),
  KG_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_000_000),
  KG_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(2_000_000_000).default(100_000_000),
  KG_DEFAULT_PROGRAM: z.string().trim().min(1).default('program:cc-10plus3'),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** KG_TOKENS and KG_TOKENS_FILE (hashes, roles, names; reloaded by server/auth/token-store.ts); never in Neo4j. */
  tokens: TokenSettings;
  /** KG_AUTH_THROTTLE: failed tokens allowed per address and window (attempts 0 = off). */
  throttle: ThrottleSettings;
  /** KG_TRUSTED_PROXY: peers whose X-Forwarded-For is believed; null when none. */
  trustedProxies: TrustedProxies;
  publicRead: boolean;
  dbTimeoutMs: number;
  cypherTimeoutMs: number;
  cypherMaxRows: number;
  maxBodyBytes: number;
  /** Limit of a multipart (file upload) request; separate from maxBodyBytes. */
  maxUploadBytes: number;
  /** The program read fields answer for without a programId (the shipped one). */
  defaultProgram: string;
  /** Stored confidence of a proposal from its score: >= high is high, >= medium is medium, else low. */
  confidenceThresholds: { high: number; medium: number };
  /** Absolute path of the append-only audit trail (JSON Lines, mode 0600); never in Neo4j. */
  auditFile: string;
  /** KG_GAP_THIN_BELOW, KG_GAP_EXTERNAL_SHARE: read here once, never per request. */
  gapThresholds: GapThresholds;
  /** KG_REC_*: read here once, never per request. */
  recommendWeights: RecommendWeights;
  /** KG_ANALYSIS_CACHE, KG_ANALYSIS_CACHE_ENTRIES. */
  analysisCache: CacheSettings;
  /** KG_PLACEMENT_CONFIDENT, KG_PLACEMENT_FLOOR (registry imports). */
  placement: Thresholds;
  /** KG_CHROMIUM (else the usual paths): the browser that prints PDF briefings; path null when none is found. */
  chromium: ChromiumChoice;
  /** Limits of uploaded files (seed/file-limits.ts): pages, zip entries, expanded bytes, columns, line length, reader time and heap. */
  fileLimits: FileLimits;
  /** KG_REGISTRY_BATCH_ROWS: registry rows per write transaction. */
  registryBatchRows: number;
}

/** Runs a parser of some keys, keeping its message (which names the variable) instead of throwing. */
function collect<T>(parse: () => T, problems: string[]): T | undefined {
  try {
    return parse();
  } catch (error) {
    problems.push((error as Error).message);
    return undefined;
  }
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = schema.safeParse(env);
  // Every bad key at once: the schema's, then the analysis parameters'.
  const lines = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  // The settings the seed CLI reads too, by the same parser (seed/settings.ts).
  const shared = collect(() => loadSharedSettings(env), lines);
  // Tokens, throttle and proxies by their own parsers, on the raw values, so their problems join the list.
  const tokenFile = env.KG_TOKENS_FILE?.trim() || null;
  const fixed = collect(() => (env.KG_TOKENS ? parseTokenLines(env.KG_TOKENS, 'KG_TOKENS') : []), lines);
  const fileEntries = collect(() => (tokenFile ? readTokensFile(tokenFile).entries : []), lines);
  const throttle = collect(() => parseThrottle(env.KG_AUTH_THROTTLE), lines);
  const trustedProxies = collect(() => parseTrustedProxies(env.KG_TRUSTED_PROXY), lines);
  if (!parsed.success || !shared || !fixed || !fileEntries || !throttle || trustedProxies === undefined)
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  const e = parsed.data;
  const tokens: TokenSettings = {
    fixed,
    file: tokenFile,
    fileEntries,
    checkIntervalMs: e.KG_TOKENS_CHECK_SECONDS * 1000,
  };
  return {
    port: e.PORT,
    host: e.HOST,
    tokens,
    throttle,
    trustedProxies,
    publicRead: e.KG_PUBLIC_READ === 'true',
    dbTimeoutMs: e.KG_DB_TIMEOUT_MS,
    cypherTimeoutMs: e.KG_CYPHER_TIMEOUT_MS,
    cypherMaxRows: e.KG_CYPHER_MAX_ROWS,
    maxBodyBytes: e.KG_MAX_BODY_BYTES,
    maxUploadBytes: e.KG_MAX_UPLOAD_BYTES,
    defaultProgram: e.KG_DEFAULT_PROGRAM,
    confidenceThresholds: shared.confidence,
    auditFile: shared.auditFile,
    gapThresholds: shared.gapThresholds,
    recommendWeights: shared.recommendWeights,
    analysisCache: shared.analysisCache,
    placement: shared.placement,
    chromium: findChromium(env),
    fileLimits: shared.fileLimits,
    registryBatchRows: shared.registryBatchRows,
  };
}
