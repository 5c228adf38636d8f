// A byte-bounded LRU of serialised answers, each tagged with the caller it belongs to so that a
// revoked caller's answers can be dropped at once. Map order is the recency order.
interface Entry {
  body: string;
  caller: string;
  bytes: number;
}

export class ByteLru {
  private readonly entries = new Map<string, Entry>();
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.body;
  }

  set(key: string, body: string, caller: string): void {
    // UTF-16 length × 2 is what the string costs in memory (keys counted too)
    const bytes = (body.length + key.length) * 2;
    if (bytes > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, { body, caller, bytes });
    this.used += bytes;
    while (this.used > this.maxBytes) this.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }

  dropCaller(caller: string): number {
    let dropped = 0;
    for (const [key, entry] of this.entries)
      if (entry.caller === caller) {
        this.delete(key);
        dropped++;
      }
    return dropped;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.used;
  }
}
