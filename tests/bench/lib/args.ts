// Options of `npm run bench`: --quick, --out FILE, --sizes 10000,100000, --port, --heap, --page-cache,
// --runs, --keep. Every bad value is reported with what to write instead.
import { join } from 'node:path';
import { projectRoot } from '../../../graph/runtime/instance-config.js';
import { DEFAULT_BENCH_PORT } from './bench-instance.js';

export interface BenchOptions {
  quick: boolean;
  out: string;
  sizes: number[];
  port: number;
  heap: string;
  pageCache: string;
  /** Measured repetitions of each latency figure. */
  runs: number;
  /** Repetitions of each load (seed loader and offline import). */
  loadRuns: number;
  /** Seconds of each measured throughput run. */
  loadSeconds: number;
  seed: number;
  /** Keep the benchmark instance's folder afterwards (for a look at its logs). */
  keep: boolean;
  /** Run one section only: `registry` (the registry import) or `web` (the web page's figures), or everything (null). */
  only: 'registry' | 'web' | null;
  /** Generated rows of the registry import section. */
  registryRows: number;
}

export const USAGE = `Usage: npm run bench -- [--quick] [--out FILE] [--sizes 10000,100000[,1000000]] [--port 7706]
                        [--heap 3g] [--page-cache 2g] [--runs N] [--load-runs N] [--seed S] [--keep]
                        [--only registry|web] [--registry-rows N]
  --quick       a short run (under 10 minutes on 2 cores): fewer repetitions
  --out FILE    the JSON results (a Markdown table is written beside it); default bench-results/bench-<time>.json
  --sizes       synthetic enterprises per dataset (default 10000,100000; 1000000 as an option)
  --only        one section: registry (the registry import of --registry-rows generated rows, default 100000),
                or web (navigation, frame rate, first-view size and bytes, GraphiQL bytes)
  --port        Bolt port of the benchmark's own Neo4j (default ${DEFAULT_BENCH_PORT}, or KG_BENCH_BOLT_PORT)`;

export function parseBenchArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const problems: string[] = [];
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) problems.push(`${flag} needs a value`);
    return v;
  };
  const int = (flag: string, fallback: number, min: number): number => {
    const v = value(flag);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) problems.push(`${flag} must be an integer of at least ${min} (got "${v}")`);
    return n;
  };
  const known = new Set([
    '--quick',
    '--keep',
    '--out',
    '--sizes',
    '--port',
    '--heap',
    '--page-cache',
    '--runs',
    '--load-runs',
    '--seed',
    '--only',
    '--registry-rows',
    '--help',
  ]);
  argv.forEach((arg, i) => {
    if (arg.startsWith('--') && !known.has(arg)) problems.push(`unknown option ${arg}`);
    if (
      !arg.startsWith('--') &&
      !(i > 0 && known.has(argv[i - 1]) && !['--quick', '--keep', '--help'].includes(argv[i - 1]))
    )
      problems.push(`unexpected argument "${arg}"`);
  });
  const quick = argv.includes('--quick');
  const sizesText = value('--sizes') ?? '10000,100000';
  const sizes = sizesText.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100 || n > 5_000_000))
    problems.push(`--sizes must be a comma-separated list of integers between 100 and 5000000 (got "${sizesText}")`);
  const memory = (flag: string, fallback: string) => {
    const v = value(flag) ?? fallback;
    if (!/^\d+[mg]$/.test(v)) problems.push(`${flag} must look like 512m or 3g (got "${v}")`);
    return v;
  };
  const options: BenchOptions = {
    quick,
    out:
      value('--out') ??
      join(
        projectRoot,
        'bench-results',
        `bench-${new Date().toISOString().replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`,
      ),
    sizes,
    port: int('--port', Number(env.KG_BENCH_BOLT_PORT ?? DEFAULT_BENCH_PORT), 1024),
    heap: memory('--heap', '3g'),
    pageCache: memory('--page-cache', '2g'),
    runs: int('--runs', quick ? 10 : 50, 3),
    loadRuns: int('--load-runs', quick ? 1 : 3, 1),
    loadSeconds: quick ? 5 : 10,
    seed: int('--seed', 1, 0),
    keep: argv.includes('--keep'),
    only: null,
    registryRows: int('--registry-rows', 100_000, 100),
  };
  const only = value('--only');
  if (only === 'registry' || only === 'web') options.only = only;
  else if (only !== undefined) problems.push(`--only takes registry or web (got "${only}")`);
  if (!options.out.endsWith('.json')) problems.push(`--out must name a .json file (got "${options.out}")`);
  if (problems.length) throw new Error(`${problems.join('\n')}\n\n${USAGE}`);
  return options;
}
