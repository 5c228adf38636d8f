// Test access to the test Neo4j: a driver and executor per test file, and helpers to empty the
// database so each file starts from the data it loads itself.
import { afterAll, inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver, type ConnectionSettings } from '../../graph/connection.js';
import { createExecutor, type Executor } from '../../graph/executor.js';

export interface TestDb {
  driver: Driver;
  executor: Executor;
  settings: ConnectionSettings;
}

/** Driver + executor on the test instance, closed after the file. */
export function useTestDb(): TestDb {
  const settings: ConnectionSettings = { ...inject('neo4j') };
  const driver = createDriver(settings);
  const executor = createExecutor(driver, { timeoutMs: 60_000 });
  afterAll(() => driver.close());
  return { driver, executor, settings };
}

/** Deletes every node and relationship (the schema stays). */
export async function emptyDatabase(executor: Executor): Promise<void> {
  // Batches keep each transaction small enough for the test instance's heap: relationships first,
  // because detaching a hub firm with tens of thousands of edges in one go exceeds it.
  for (;;) {
    const [row] = await executor.mutate('MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS deleted');
    if (Number(row.deleted) === 0) break;
  }
  for (;;) {
    const [row] = await executor.mutate('MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS deleted');
    if (Number(row.deleted) === 0) return;
  }
}

export async function countAll(executor: Executor): Promise<{ nodes: number; relationships: number }> {
  const [row] = await executor.query(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: Number(row.nodes), relationships: Number(row.relationships) };
}
