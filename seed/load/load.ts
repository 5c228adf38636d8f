// Loading a validated dataset: schema first (idempotent), then batched MERGE writes with progress,
// then the counts per label and type. Validation happens before, in the caller: nothing is written
// for a dataset with problems.
import type { Executor } from '../../graph/executor.js';
import { ensureSchema } from '../../graph/schema.js';
import { countGraph, formatCounts, type GraphCounts } from '../../graph/stats.js';
import { writeGraph, type GraphWrite, type WriteCounts, type WriteProgress } from '../../graph/upsert.js';
import { toGraphWrite, type Dataset } from './dataset.js';
import { ValidationFailed } from './problems.js';
import { validateDataDir } from './validate.js';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/** The shipped Changchun dataset. */
export const SHIPPED_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

type Log = (line: string) => void;

export interface LoadOptions {
  log?: Log;
  batchSize?: number;
  /** Properties set on everything written (the generator sets `synthetic: true`). */
  common?: Record<string, unknown>;
  /** Skip the final count query (callers that count themselves). */
  skipCounts?: boolean;
  /** Stored as `writtenBy` on what the load creates or changes; default a fresh `load:<uuid>` run id. */
  writtenBy?: string;
}

export interface LoadReport {
  written: WriteCounts;
  seconds: number;
  recordsPerSecond: number;
  counts?: GraphCounts;
}

/** Progress lines: one per finished label or type, and one every `every` records within large ones. */
export function progressLogger(log: Log, every = 20_000): (p: WriteProgress) => void {
  const logged = new Map<string, number>();
  return (p) => {
    const key = `${p.phase}:${p.name}`;
    if (p.done < p.total && p.done - (logged.get(key) ?? 0) < every) return;
    logged.set(key, p.done);
    log(`  ${p.phase === 'nodes' ? 'node' : 'rel '} ${p.name.padEnd(14)} ${String(p.done).padStart(7)}/${p.total}`);
  };
}

/** Writes a GraphWrite after ensuring the schema; reports the rate and the resulting counts. */
export async function loadGraphWrite(
  executor: Executor,
  write: GraphWrite,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const log = options.log ?? (() => {});
  await ensureSchema(executor, log);
  const started = performance.now();
  log(`Writing ${write.nodes.length} nodes and ${write.relationships.length} relationships…`);
  const written = await writeGraph(executor, write, {
    batchSize: options.batchSize,
    common: options.common,
    writtenBy: options.writtenBy ?? `load:${randomUUID()}`,
    onProgress: progressLogger(log),
  });
  const seconds = (performance.now() - started) / 1000;
  const recordsPerSecond = Math.round((written.nodes + written.relationships) / Math.max(seconds, 0.001));
  log(
    `Wrote ${written.nodes + written.relationships} records in ${seconds.toFixed(1)} s (${recordsPerSecond} records/s).`,
  );
  const counts = options.skipCounts ? undefined : await countGraph(executor);
  if (counts) log(formatCounts(counts));
  return { written, seconds, recordsPerSecond, counts };
}

export function loadDataset(executor: Executor, dataset: Dataset, options: LoadOptions = {}): Promise<LoadReport> {
  return loadGraphWrite(executor, toGraphWrite(dataset), options);
}

/** Validates every file of the folder, then loads it; throws ValidationFailed (nothing written) on any problem. */
export async function validateAndLoad(
  executor: Executor,
  dir = SHIPPED_DATA_DIR,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const log = options.log ?? (() => {});
  const { dataset, problems } = validateDataDir(dir);
  if (problems.length) throw new ValidationFailed(problems);
  log(`Validated ${dataset.nodes.length} nodes and ${dataset.relationships.length} relationships in ${dir}.`);
  return loadDataset(executor, dataset, options);
}
