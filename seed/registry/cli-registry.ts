// `npm run seed -- registry FILE --dry-run [--report OUT.json]`: the engine's dry run with the shipped
// seed data as districts and segments; writes the report and prints a summary.
import { writeFileSync } from 'node:fs';
import { SHIPPED_DATA_DIR } from '../load/load.js';
import { validateDataDir } from '../load/validate.js';
import { thresholds } from './config.js';
import { contextFromDataset } from './context.js';
import { runRows } from './engine.js';
import { readRows } from './read.js';

export async function runRegistry(file: string, options: { report?: string; log: (line: string) => void }) {
  const limits = thresholds();
  const ctx = contextFromDataset(validateDataDir(SHIPPED_DATA_DIR).dataset);
  const report = await runRows(
    readRows(file, (p) => options.log(`read ${p.rows} rows, ${p.bytes}/${p.totalBytes} bytes`)),
    ctx,
    limits,
    (problems) => {
      for (const p of problems) options.log(`header: ${p}`);
    },
  );
  if (options.report) writeFileSync(options.report, `${JSON.stringify(report, null, 1)}\n`);
  const skipped = report.filter((r) => r.action === 'skipped');
  const placements = report.flatMap((r) => r.placements);
  options.log(
    `${report.length} rows: ${report.length - skipped.length} usable, ${skipped.length} skipped; ` +
      `${placements.filter((p) => p.written === 'IN_SEGMENT').length} confident placements, ` +
      `${placements.filter((p) => p.written === 'proposal').length} proposals (dry run: nothing written)`,
  );
  for (const r of skipped) options.log(`  row ${r.row}: ${r.problems.join('; ')}`);
}
