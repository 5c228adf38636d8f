// The held-out registry set (tests/fixtures/registry/heldout: a GBK CSV and an XLSX written blind to
// the classifier): scored per file and together, printed apart from dev and never tuned on.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SHIPPED_DATA_DIR } from '../load/load.js';
import { validateDataDir } from '../load/validate.js';
import { thresholds } from './config.js';
import { contextFromDataset } from './context.js';
import { type ReportRow, runRows } from './engine.js';
import { readRows } from './read.js';
import { type GoldRow, score } from './score.js';

export const HELDOUT_DIR = fileURLToPath(new URL('../../tests/fixtures/registry/heldout/', import.meta.url));
export const HELDOUT_FILES = [
  ['a', 'heldout-a.gbk.csv', 'heldout-a.gold.json'],
  ['b', 'heldout-b.xlsx', 'heldout-b.gold.json'],
] as const;
// Rows of the second file are shifted by this much when the two are scored together.
const OFFSET = 100_000;

export async function evaluateHeldout() {
  const ctx = contextFromDataset(validateDataDir(SHIPPED_DATA_DIR).dataset);
  const limits = thresholds(process.env);
  const perFile: Record<string, ReturnType<typeof score>> = {};
  const allReport: ReportRow[] = [];
  const allGold: GoldRow[] = [];
  for (const [i, [key, file, goldFile]] of HELDOUT_FILES.entries()) {
    const report = await runRows(readRows(HELDOUT_DIR + file), ctx, limits);
    const gold = JSON.parse(readFileSync(HELDOUT_DIR + goldFile, 'utf8')) as GoldRow[];
    perFile[key] = score(report, gold, ctx);
    allReport.push(...report.map((r) => ({ ...r, row: r.row + i * OFFSET })));
    allGold.push(...gold.map((g) => ({ ...g, row: g.row + i * OFFSET })));
  }
  return { all: score(allReport, allGold, ctx), ...perFile };
}
