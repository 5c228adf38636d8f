// Loading and removing synthetic data: generate, replace any earlier synthetic data, write with the
// same batched writer as the real data, and save the manifest of what was planted.
import type { GapThresholds } from '../../graph/gap-thresholds.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Executor } from '../../graph/executor.js';
import { projectRoot } from '../../graph/runtime/instance-config.js';
import { ensureSchema } from '../../graph/schema.js';
import { countGraph, formatCounts } from '../../graph/stats.js';
import { countSynthetic, removeSynthetic } from '../../graph/synthetic.js';
import { writeGraph } from '../../graph/upsert.js';
import { progressLogger } from '../load/load.js';
import { generateSynth, SYNTHETIC, type SynthManifest } from './synth.js';

type Log = (line: string) => void;

export const defaultManifestPath = (enterprises: number, seed: number) =>
  join(projectRoot, '.cache/synth', `manifest-${enterprises}-${seed}.json`);

export interface SynthRunOptions {
  enterprises: number;
  seed: number;
  manifestPath?: string;
  batchSize?: number;
  /** Write transactions side by side (default 2: one per core of the reference machine). */
  concurrency?: number;
  /** The gap thresholds the manifest's expected verdicts are computed with (default the shipped ones). */
  thresholds?: GapThresholds;
  log?: Log;
}

export interface SynthRunReport {
  manifest: SynthManifest;
  manifestPath: string;
  generateSeconds: number;
  loadSeconds: number;
  records: number;
  recordsPerSecond: number;
}

export function writeManifest(manifest: SynthManifest, path: string): string {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(manifest, null, 2)}\n`);
  return target;
}

export async function runSynth(executor: Executor, options: SynthRunOptions): Promise<SynthRunReport> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const data = generateSynth({ enterprises: options.enterprises, seed: options.seed, thresholds: options.thresholds });
  const generateSeconds = (performance.now() - started) / 1000;
  const records = data.manifest.totals.nodes + data.manifest.totals.relationships;
  log(
    `Generated ${data.manifest.totals.nodes} nodes and ${data.manifest.totals.relationships} relationships in ${generateSeconds.toFixed(1)} s (seed ${options.seed}).`,
  );
  const manifestPath = writeManifest(
    data.manifest,
    options.manifestPath ?? defaultManifestPath(options.enterprises, options.seed),
  );
  log(`Manifest: ${manifestPath}`);

  await ensureSchema(executor, log);
  if ((await countSynthetic(executor)) > 0) {
    log('Replacing the synthetic data already in the database…');
    await removeSynthetic(executor, log);
  }
  const loadStarted = performance.now();
  const progress = progressLogger(log);
  await writeGraph(executor, { nodes: [data.source], relationships: [] }, { common: SYNTHETIC });
  await writeGraph(executor, data.graph, {
    common: { ...SYNTHETIC, ...data.provenance },
    batchSize: options.batchSize,
    concurrency: options.concurrency ?? 2,
    onProgress: progress,
  });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const recordsPerSecond = Math.round(records / loadSeconds);
  log(`Loaded ${records} synthetic records in ${loadSeconds.toFixed(1)} s (${recordsPerSecond} records/s).`);
  log(formatCounts(await countGraph(executor)));
  return { manifest: data.manifest, manifestPath, generateSeconds, loadSeconds, records, recordsPerSecond };
}

export async function removeAllSynthetic(executor: Executor, log: Log = () => {}) {
  const started = performance.now();
  const removed = await removeSynthetic(executor, log);
  log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return removed;
}
