// Seeded pseudo-random numbers for the generator (mulberry32): the same seed gives the same data on
// every machine. Math.random is never used.
import { mulberry32 } from '../../graph/random.js';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Index in [0, n) with probability ∝ 1/(rank+1)^exponent: a few heads and a long tail. */
  zipf(n: number, exponent?: number): number;
}

export { mulberry32 };

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const zipfTables = new Map<string, Float64Array>();
  const cumulative = (n: number, exponent: number) => {
    const key = `${n}:${exponent}`;
    let table = zipfTables.get(key);
    if (!table) {
      table = new Float64Array(n);
      let sum = 0;
      for (let i = 0; i < n; i++) table[i] = sum += 1 / (i + 1) ** exponent;
      for (let i = 0; i < n; i++) table[i] /= sum;
      if (zipfTables.size > 4096) zipfTables.clear();
      zipfTables.set(key, table);
    }
    return table;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    zipf(n, exponent = 1.1) {
      if (n <= 1) return 0;
      const table = cumulative(n, exponent);
      const u = next();
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (table[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}
