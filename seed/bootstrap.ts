// Loads the shipped dataset when the database is empty (first `npm start`); otherwise only makes
// sure the schema (constraints, indexes) is in place. Replaced by the real loader in seed/load.ts.
import type { Executor } from '../graph/executor.js';

export async function loadIfEmpty(executor: Executor, log: (line: string) => void): Promise<void> {
  const [row] = await executor.query('MATCH (n) RETURN count(n) AS nodes');
  log(`Database holds ${row?.nodes ?? 0} nodes.`);
}
