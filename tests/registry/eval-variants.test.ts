// The dev rows re-encoded as GBK and as XLSX with other headers, reversed columns and a title row score
// exactly like the CSV (the reading layer must not change a single decision).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { evaluate, sharedDir } from '../../seed/registry/eval.js';
import { writeVariants } from './variants.js';

it('GBK and XLSX variants score like the CSV', async () => {
  const dev = join(sharedDir(), 'corpus', 'registry', 'dev');
  const gold = join(dev, 'registry-dev.gold.json');
  const base = await evaluate(join(dev, 'registry-dev.csv'), gold);
  const { gbk, xlsx } = await writeVariants(join(dev, 'registry-dev.csv'), mkdtempSync(join(tmpdir(), 'reg-var-')));
  for (const file of [gbk, xlsx]) {
    const { scores, report } = await evaluate(file, gold);
    expect(scores).toEqual(base.scores);
    expect(report.map((r) => r.row)).toEqual(base.report.map((r) => r.row));
  }
  const { report } = await evaluate(xlsx, gold);
  expect(report[0].sheetRow).toBe(3); // title row, header row, then the first data row
}, 120_000);
