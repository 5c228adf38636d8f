// `npm run eval:registry [-- FILE GOLD]`: runs the engine in dry-run mode on the dev set (or a given file)
// with the shipped seed data as the graph's districts and segments, and prints the scores as JSON; without
// arguments also the held-out set (eval-heldout.ts) under `heldout`, apart from `dev`.
import { readFileSync } from 'node:fs';
import { sharedDir } from '../shared-dir.js';
import { join } from 'node:path';
import { SHIPPED_DATA_DIR } from '../load/load.js';
import { validateDataDir } from '../load/validate.js';
import { thresholds } from './config.js';
import { contextFromDataset } from './context.js';
import { runRows } from './engine.js';
import { evaluateHeldout } from './eval-heldout.js';
import { learningExperiment } from './eval-learning.js';
import { readRows } from './read.js';
import { type GoldRow, score } from './score.js';

export { sharedDir };

export async function evaluate(file: string, goldFile: string) {
  const { dataset, problems } = validateDataDir(SHIPPED_DATA_DIR);
  if (problems.length) throw new Error(`seed data does not validate: ${problems.length} problems`);
  const ctx = contextFromDataset(dataset);
  const limits = thresholds(process.env);
  const report = await runRows(readRows(file), ctx, limits);
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldRow[];
  return { report, scores: score(report, gold, ctx), learning: learningExperiment(report, gold, ctx, limits) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dev = join(sharedDir(), 'corpus', 'registry', 'dev');
  const args = process.argv.slice(2);
  const [file = join(dev, 'registry-dev.csv'), goldFile = join(dev, 'registry-dev.gold.json')] = args;
  (async () => {
    const { scores, learning } = await evaluate(file, goldFile);
    // Without arguments the held-out set is scored too, printed apart (never tuned on).
    const heldout = args.length ? undefined : await evaluateHeldout();
    console.log(JSON.stringify(heldout ? { dev: { ...scores, learning }, heldout } : { ...scores, learning }, null, 2));
  })();
}
