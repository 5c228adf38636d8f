// `npx tsx tests/bench/briefing.ts [--chain chain:opto] [--runs 3]`: times the briefing of a chain on
// the working Neo4j (read-only; `npm run seed` loads the Changchun data), DOCX and PDF, each from the
// request to the file's bytes, the median of the runs after one warm-up. Aims: DOCX < 3 s, PDF < 5 s.
// `npm run bench` measures the same (tests/bench/lib/briefing-bench.ts) on its own instance.
import { parseArgs } from 'node:util';
import { createDriver, ensureDatabase } from '../../graph/connection.js';
import { createExecutor } from '../../graph/executor.js';
import { measureBriefings } from './lib/briefing-bench.js';

const { values } = parseArgs({
  options: { chain: { type: 'string', default: 'chain:opto' }, runs: { type: 'string', default: '3' } },
});
const settings = await ensureDatabase();
const driver = createDriver(settings);
const executor = createExecutor(driver, { database: settings.database, timeoutMs: 60_000 });
try {
  const { notMeasured } = await measureBriefings(executor, {
    group: 'Briefing',
    chainId: values.chain,
    label: values.chain,
    runs: Math.max(1, Number(values.runs)),
    aimsMs: { docx: 3_000, pdf: 5_000 },
    log: console.log,
  });
  for (const n of notMeasured) console.log(`${n.name}: not measured: ${n.reason}`);
} finally {
  await driver.close();
}
