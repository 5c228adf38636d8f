// Answers of the heavy analyses (gaps, recommendTargets) kept per question and reused only while the
// graph has not changed: each entry carries the database position (the bookmark of a trivial read,
// which moves with every committed write from any client) it was computed at, and a lookup first asks
// the current position. A reused answer is therefore exactly what a fresh computation would give.
// KG_ANALYSIS_CACHE=off disables it; KG_ANALYSIS_CACHE_ENTRIES bounds it (default 64, oldest out).
import type { ManagedTransaction } from 'neo4j-driver';
import type { Executor } from '../executor.js';

interface Entry {
  position: string;
  value: unknown;
}

export interface CacheSettings {
  enabled: boolean;
  maxEntries: number;
}

export function cacheSettings(env: NodeJS.ProcessEnv = process.env): CacheSettings {
  const raw = env.KG_ANALYSIS_CACHE ?? 'on';
  if (!['on', 'off'].includes(raw)) throw new Error(`KG_ANALYSIS_CACHE must be on or off (got "${raw}")`);
  const maxEntries = env.KG_ANALYSIS_CACHE_ENTRIES ? Number(env.KG_ANALYSIS_CACHE_ENTRIES) : 64;
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new Error('KG_ANALYSIS_CACHE_ENTRIES must be an integer ≥ 1');
  return { enabled: raw === 'on', maxEntries };
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly settings: CacheSettings = cacheSettings()) {}

  get enabled(): boolean {
    return this.settings.enabled;
  }

  /**
   * The position to compute at and, when the graph has not moved since `key` was answered, a copy of
   * that answer. Without the cache: no position and no answer (and no extra transaction).
   */
  async lookup<T>(executor: Executor, key: string): Promise<{ position: string | null; value: T | null }> {
    if (!this.settings.enabled) return { position: null, value: null };
    const position = await executor.position();
    const entry = this.entries.get(key);
    if (!entry || entry.position !== position) return { position, value: null };
    // refresh its place in the eviction order. The answer is shared, not copied: callers treat it as
    // read-only (the API only attaches citations to evidence edges, the same for every caller at
    // this position)
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { position, value: entry.value as T };
  }

  /** Keeps `value` as the answer of `key` at `position` (computed after `lookup` gave that position). */
  store<T>(key: string, position: string | null, value: T): T {
    if (!this.settings.enabled || position === null) return value;
    this.entries.delete(key);
    this.entries.set(key, { position, value });
    while (this.entries.size > this.settings.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The process-wide cache of the analyses. */
export const analysisCache = new AnalysisCache();

/** `compute` in one read transaction, unless the cache holds the answer of `key` at the current position. */
export async function cachedRead<T>(
  executor: Executor,
  cache: AnalysisCache | null,
  key: string,
  compute: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  if (!cache?.enabled) return executor.read(compute);
  const { position, value } = await cache.lookup<T>(executor, key);
  if (value !== null) return value;
  return cache.store(key, position, await executor.read(compute));
}
