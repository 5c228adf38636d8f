// Test access to the test Neo4j: a driver and executor per test file on this worker's own instance, and
// helpers to empty the database so each file starts from the data it loads itself.
import { afterAll, inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver, type ConnectionSettings } from '../../graph/connection.js';
import { createExecutor, type Executor } from '../../graph/executor.js';
import type { InstanceSpec } from '../../graph/runtime/instance-config.js';
import type { TestNeo4j } from '../setup/global-setup.js';
import { testInstanceSpecs } from '../setup/test-instances.js';

// VITEST_POOL_ID is 1…maxWorkers and never shared by two files running at once: the worker's instance.
function workerIndex(count: number): number {
  return (Number(process.env.VITEST_POOL_ID ?? '1') - 1) % count;
}

/** This worker's test Neo4j (the global setup started one per worker). */
export function testNeo4j(): TestNeo4j {
  const all = inject('neo4jInstances');
  return all[workerIndex(all.length)];
}

/** The local runtime's spec of this worker's test instance (for tests that stop, dump or inspect it). */
export function testInstanceSpec(): InstanceSpec {
  const count = inject('neo4jInstances').length;
  return testInstanceSpecs(count)[workerIndex(count)];
}

export interface TestDb {
  driver: Driver;
  executor: Executor;
  settings: ConnectionSettings;
}

/** Driver + executor on the test instance, closed after the file. */
export function useTestDb(): TestDb {
  const settings: ConnectionSettings = { ...testNeo4j() };
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
