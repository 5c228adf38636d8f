// Answers of the heavy analyses (gaps, recommendTargets) kept per question and reused only while the
// graph has not changed: each entry carries the database position (the bookmark of a trivial read,
// which moves with every committed write from any client) it was computed at, and a lookup first asks
// the current position. A reused answer is therefore exactly what a fresh computation would give.
// KG_ANALYSIS_CACHE=off disables it; KG_ANALYSIS_CACHE_ENTRIES bounds it (default 64, oldest out). The
// server makes one per process from its configuration; `cachedRead` is the one way to use it.
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

export function cacheSettings(env: NodeJS.ProcessEnv): CacheSettings {
  const raw = env.KG_ANALYSIS_CACHE ?? 'on';
  if (!['on', 'off'].includes(raw)) throw new Error(`KG_ANALYSIS_CACHE must be on or off (got "${raw}")`);
  const maxEntries = env.KG_ANALYSIS_CACHE_ENTRIES ? Number(env.KG_ANALYSIS_CACHE_ENTRIES) : 64;
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new Error('KG_ANALYSIS_CACHE_ENTRIES must be an integer ≥ 1');
  return { enabled: raw === 'on', maxEntries };
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Answers being computed now, by position and key: a second asker at that position waits for it. */
  private readonly computing = new Map<string, Promise<unknown>>();

  constructor(private readonly settings: CacheSettings) {}

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

  /**
   * The answer of `key` at `position` when another asker is computing it now (it resolves with that
   * answer, or with null if that computation failed), else null after registering `mine` as the one.
   */
  joinOrLead(key: string, position: string, mine: Promise<unknown>): Promise<unknown> | null {
    const flight = `${position}|${key}`;
    // answered at this position since the lookup: that answer
    const entry = this.entries.get(key);
    if (entry?.position === position) return Promise.resolve(entry.value);
    const running = this.computing.get(flight);
    if (running) return running.catch(() => null);
    this.computing.set(flight, mine);
    const forget = () => {
      if (this.computing.get(flight) === mine) this.computing.delete(flight);
    };
    mine.then(forget, forget);
    return null;
  }
}

export interface CachedReadOptions<T, R> {
  /** Opens the read transaction (default executor.read); the API passes its root-field reader. */
  read?: (work: (tx: ManagedTransaction) => Promise<R>) => Promise<R>;
  /** Runs on the answer, cached or fresh, inside that transaction (e.g. to hydrate it). */
  onAnswer?: (tx: ManagedTransaction, value: T) => Promise<R> | R;
}

/**
 * The one entry point of the analysis cache, for the API and tests alike: `compute` in one read
 * transaction, unless the cache holds the answer of `key` at the current position; then `onAnswer`.
 */
export async function cachedRead<T, R = T>(
  executor: Executor,
  cache: AnalysisCache | null,
  key: string,
  compute: (tx: ManagedTransaction) => Promise<T>,
  options: CachedReadOptions<T, R> = {},
): Promise<R> {
  const read = options.read ?? ((work) => executor.read(work));
  const onAnswer = options.onAnswer ?? ((_tx, value) => value as unknown as R);
  const { position, value } = cache?.enabled
    ? await cache.lookup<T>(executor, key)
    : { position: null, value: null as T | null };
  let known = value;
  // the same question at the same position asked while another request computes it (a room full of
  // readers after a write): wait for that answer instead of computing it again
  let lead: { resolve: (v: T) => void; reject: (e: unknown) => void } | null = null;
  if (known === null && cache?.enabled && position !== null) {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const mine = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    mine.catch(() => undefined); // a failure is the leader's to report; followers compute for themselves
    const running = cache.joinOrLead(key, position, mine);
    if (running) known = (await running) as T | null;
    else lead = { resolve, reject };
  }
  // a cached answer with nothing to do on it needs no transaction at all
  if (known !== null && !options.onAnswer) return known as unknown as R;
  try {
    return await read(async (tx) => {
      let answer = known;
      if (answer === null) {
        answer = await compute(tx);
        if (cache) cache.store(key, position, answer);
        lead?.resolve(answer);
      }
      return onAnswer(tx, answer);
    });
  } catch (error) {
    lead?.reject(error);
    throw error;
  }
}
