// The settings the server and the seed CLI share, parsed once from the environment at start: a bad
// value stops the start with a message naming its variable (every bad value at once).
import { resolve } from 'node:path';
import { type CacheSettings, cacheSettings } from '../graph/analysis/analysis-cache.js';
import { type RecommendWeights, recommendWeights } from '../graph/analysis/recommend-weights.js';
import { DEFAULT_AUDIT_FILE } from '../graph/audit-log.js';
import { type GapThresholds, gapThresholds } from '../graph/gap-thresholds.js';
import { type FileLimits, fileLimits } from './file-limits.js';
import { type Thresholds, thresholds as placementThresholds } from './registry/config.js';

export interface SharedSettings {
  /** Absolute path of the append-only audit trail (KG_AUDIT_FILE). */
  auditFile: string;
  /** Stored confidence of a proposal from its score (KG_CONFIDENCE_HIGH / _MEDIUM): >= high is high, >= medium is medium. */
  confidence: { high: number; medium: number };
  /** KG_GAP_THIN_BELOW, KG_GAP_EXTERNAL_SHARE. */
  gapThresholds: GapThresholds;
  /** KG_RECOMMEND_*. */
  recommendWeights: RecommendWeights;
  /** KG_ANALYSIS_CACHE, KG_ANALYSIS_CACHE_ENTRIES. */
  analysisCache: CacheSettings;
  /** KG_PLACEMENT_CONFIDENT, KG_PLACEMENT_FLOOR: when the registry classifier writes, proposes or drops. */
  placement: Thresholds;
  /** KG_DEFAULT_PROGRAM: the program a registry import places firms for when none is named. */
  defaultProgram: string;
  /** KG_MAX_PDF_PAGES, KG_MAX_ZIP_ENTRIES, KG_MAX_EXPANDED_BYTES, KG_MAX_CSV_COLUMNS, KG_MAX_LINE_BYTES, KG_READ_*. */
  fileLimits: FileLimits;
  /** KG_REGISTRY_BATCH_ROWS: registry rows per write transaction (each one audit group). */
  registryBatchRows: number;
}

export class SettingsError extends Error {}

function unitInterval(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  const n = raw ? Number(raw) : fallback;
  if (!(n >= 0 && n <= 1)) throw new Error(`${name} must be a number from 0 to 1 (got ${raw})`);
  return n;
}

function registryBatchRows(env: NodeJS.ProcessEnv): number {
  const raw = env.KG_REGISTRY_BATCH_ROWS?.trim();
  const n = raw ? Number(raw) : 500;
  if (!(Number.isInteger(n) && n >= 1 && n <= 10_000))
    throw new Error(`KG_REGISTRY_BATCH_ROWS must be a whole number from 1 to 10000 (got ${raw})`);
  return n;
}

function auditFile(env: NodeJS.ProcessEnv): string {
  const raw = env.KG_AUDIT_FILE;
  if (raw !== undefined && !raw.trim())
    throw new Error('KG_AUDIT_FILE: give a file path for the audit trail (or leave it unset)');
  return resolve(raw?.trim() || DEFAULT_AUDIT_FILE);
}

/** Parses every shared setting; throws one SettingsError listing each bad variable. */
export function loadSharedSettings(env: NodeJS.ProcessEnv = process.env): SharedSettings {
  const problems: string[] = [];
  const take = <T>(parse: () => T): T => {
    try {
      return parse();
    } catch (error) {
      problems.push((error as Error).message);
      return undefined as T;
    }
  };
  const settings: SharedSettings = {
    auditFile: take(() => auditFile(env)),
    confidence: take(() => ({
      high: unitInterval(env, 'KG_CONFIDENCE_HIGH', 0.9),
      medium: unitInterval(env, 'KG_CONFIDENCE_MEDIUM', 0.6),
    })),
    gapThresholds: take(() => gapThresholds(env)),
    recommendWeights: take(() => recommendWeights(env)),
    analysisCache: take(() => cacheSettings(env)),
    placement: take(() => placementThresholds(env)),
    defaultProgram: env.KG_DEFAULT_PROGRAM?.trim() || 'program:cc-10plus3',
    fileLimits: take(() => fileLimits(env)),
    registryBatchRows: take(() => registryBatchRows(env)),
  };
  if (problems.length) throw new SettingsError(problems.join('\n'));
  return settings;
}
