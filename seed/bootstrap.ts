// First start: makes sure the schema (constraints, indexes) is in place on every start, and loads the
// shipped dataset when the database holds no real Program yet (synthetic programs do not count).
import type { Executor } from '../graph/executor.js';
import { setupProblem } from '../graph/errors.js';
import { ensureSchema } from '../graph/schema.js';
import { realDataLoaded } from '../graph/stats.js';
import { loadDataset, SHIPPED_DATA_DIR } from './load/load.js';
import { formatProblems } from './load/problems.js';
import { validateDataDir } from './load/validate.js';

export async function loadIfEmpty(executor: Executor, log: (line: string) => void): Promise<void> {
  await ensureSchema(executor, log);
  if (await realDataLoaded(executor)) {
    log('The database already holds data; nothing to load (`npm run seed` reloads the shipped dataset).');
    return;
  }
  const { dataset, problems } = validateDataDir(SHIPPED_DATA_DIR);
  if (problems.length) {
    throw setupProblem(
      `The shipped dataset in seed/data does not pass validation, so it was not loaded.\n${formatProblems(problems)}`,
    );
  }
  log(
    `The database holds no program yet: loading the shipped dataset (${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships)…`,
  );
  // Progress lines (indented) would flood the start-up output; the summary lines stay.
  const report = await loadDataset(executor, dataset, {
    log: (line) => !line.startsWith('  ') && log(line),
    skipCounts: true,
  });
  log(`Loaded the shipped dataset in ${report.seconds.toFixed(1)} s.`);
}
