// Summary statistics of repeated measurements: median and the 95th percentile, and the ratio of a
// figure to its reference. Every ratio is a finite number or the figure is reported as not measured.

export type Direction = 'lower' | 'higher';

export interface Summary {
  /** How many samples the summary rests on. */
  n: number;
  median: number;
  /** The 95th-percentile tail: for latencies (lower is better) the 95th percentile, for rates
   *  (higher is better) the value that 95% of the samples reach, i.e. the 5th percentile. */
  p95: number;
  min: number;
  max: number;
}

/** Linear-interpolated percentile (0–100) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export function summarize(samples: readonly number[], direction: Direction): Summary {
  const finite = samples.filter((x) => Number.isFinite(x));
  if (finite.length === 0) throw new Error('no finite samples to summarize');
  return {
    n: finite.length,
    median: percentile(finite, 50),
    p95: percentile(finite, direction === 'lower' ? 95 : 5),
    // reduce, not Math.min(...x): a load run yields more samples than a call's arguments may hold
    min: finite.reduce((a, b) => Math.min(a, b)),
    max: finite.reduce((a, b) => Math.max(a, b)),
  };
}

/** value / reference, guarded so that a ratio is always a finite, positive number. */
export function ratio(value: number, reference: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(reference))
    throw new Error(`ratio of non-finite numbers (${value} / ${reference})`);
  // A reference of 0 (e.g. a sub-resolution timing) is clamped to the timer resolution.
  const denominator = Math.max(Math.abs(reference), 1e-6);
  return value / denominator;
}

/** Runs `work` `warmup` times unmeasured, then `runs` times, and returns the durations in ms. */
export async function timeRuns(work: () => Promise<unknown>, runs: number, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    durations.push(performance.now() - started);
  }
  return durations;
}

/** Interleaves two measured pieces of work (a, b, a, b…) so that drift on a busy machine hits both alike. */
export async function timePaired(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs: number,
  warmup = 0,
): Promise<[number[], number[]]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    await a();
    first.push(performance.now() - started);
    started = performance.now();
    await b();
    second.push(performance.now() - started);
  }
  return [first, second];
}
