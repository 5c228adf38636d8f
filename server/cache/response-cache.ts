// The response cache of read operations: answers kept per (query, variables, role, caller) and valid
// only at one freshness token = store identity + database position + local generation. The generation
// moves at once with every write of this process (and, in cluster mode, of its siblings: see
// server/cluster.ts); the position is re-read at most every maxStalenessMs, which is how late a write
// from outside the API (seed CLI, cypher-shell, another host) may be seen. A new store empties it.
import type { Executor } from '../../graph/executor.js';
import { readDbPosition } from '../../graph/queries/db-position.js';
import { ByteLru } from './lru.js';
import type { ResponseCacheSettings } from './settings.js';

export class ResponseCache {
  private readonly lru: ByteLru;
  private generation = 0;
  private store = '';
  private position = '';
  private checkedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<void> | null = null;
  /** Set by the cluster worker: tells the siblings and resolves once they all know (read-your-writes). */
  relay: (() => Promise<void>) | null = null;

  constructor(
    private readonly executor: Executor,
    readonly settings: ResponseCacheSettings,
  ) {
    this.lru = new ByteLru(settings.maxBytes);
  }

  get enabled(): boolean {
    return this.settings.enabled;
  }

  /** The token answers are valid at now; re-reads the database position when it is older than allowed. */
  async token(): Promise<string> {
    if (performance.now() - this.checkedAt >= this.settings.maxStalenessMs) {
      // one read of the position at a time, however many requests arrive together
      this.pending ??= this.refresh().finally(() => {
        this.pending = null;
      });
      await this.pending;
    }
    return `${this.store}|${this.position}|${this.generation}`;
  }

  private async refresh(): Promise<void> {
    const started = performance.now();
    const { store, position } = await readDbPosition(this.executor);
    if (this.store && store !== this.store) this.lru.clear();
    this.store = store;
    this.position = position;
    this.checkedAt = started;
  }

  get(key: string): string | undefined {
    return this.lru.get(key);
  }

  set(key: string, body: string, caller: string): void {
    this.lru.set(key, body, caller);
  }

  /** A write of this process committed: no answer from before it is served again, here or (relayed) in siblings. */
  async committed(): Promise<void> {
    this.generation++;
    if (this.relay) await this.relay();
  }

  /** A sibling process committed a write (cluster relay). */
  siblingCommitted(): void {
    this.generation++;
  }

  /** Drops every answer of one caller (token fingerprint), e.g. when its token is revoked. */
  dropCaller(fingerprint: string): number {
    return this.lru.dropCaller(fingerprint);
  }

  clear(): void {
    this.lru.clear();
  }

  get stats() {
    return { entries: this.lru.size, bytes: this.lru.bytes, generation: this.generation };
  }
}
