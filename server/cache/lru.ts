// The response cache's store: `lru-cache` bounded by the bytes of the serialised answers, each tagged
// with the caller it belongs to so that a revoked caller's answers can be dropped at once.
import { LRUCache } from 'lru-cache';

interface Entry {
  body: string;
  caller: string;
}

/** UTF-16 length × 2 is what the strings cost in memory (keys counted too). */
const costOf = (key: string, body: string) => (body.length + key.length) * 2;

export class ByteLru {
  private readonly entries: LRUCache<string, Entry>;

  constructor(maxBytes: number) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      sizeCalculation: (entry, key) => Math.max(1, costOf(key, entry.body)),
    });
  }

  get(key: string): string | undefined {
    return this.entries.get(key)?.body;
  }

  /** An answer larger than the whole cache is not kept. */
  set(key: string, body: string, caller: string): void {
    this.entries.set(key, { body, caller });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  dropCaller(caller: string): number {
    const keys = [...this.entries.entries()].filter(([, e]) => e.caller === caller).map(([key]) => key);
    for (const key of keys) this.entries.delete(key);
    return keys.length;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.entries.calculatedSize;
  }
}
