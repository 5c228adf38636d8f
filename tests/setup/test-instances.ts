// The test Neo4j instances: one per test worker, so database test files run side by side without
// sharing a database (Neo4j Community has one user database per server). The first is the `test`
// instance of graph/runtime; the others are its siblings `<name>-2`, … on ports 1000 apart.
import { INSTANCES, type InstanceSpec } from '../../graph/runtime/instance-config.js';

const MAX_INSTANCES = 4;

/** How many test instances (and so test workers) a parallel run uses: KG_TEST_DB_INSTANCES, default 2. */
export function testDbCount(env: NodeJS.ProcessEnv = process.env): number {
  if (env.NEO4J_TEST_URI) return 1; // a Neo4j the user points at is one database
  const raw = env.KG_TEST_DB_INSTANCES ?? '2';
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > MAX_INSTANCES) {
    throw new Error(`KG_TEST_DB_INSTANCES must be a whole number from 1 to ${MAX_INSTANCES}, not "${raw}".`);
  }
  return count;
}

export function testInstanceSpecs(count: number): InstanceSpec[] {
  const first = INSTANCES.test;
  return Array.from({ length: count }, (_, k) =>
    k === 0 ? first : { ...first, name: `${first.name}-${k + 1}`, boltPort: first.boltPort + 1000 * k },
  );
}
