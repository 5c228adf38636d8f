// Starts the test Neo4j instances (never the working one) before the suite, one per test worker, and
// stops the ones this run started afterwards. A Neo4j that cannot start fails the run: integration
// tests are never skipped.
import type { TestProject } from 'vitest/node';
import { startInstance, stopInstance } from '../../graph/runtime/instance.js';
import { testDbCount, testInstanceSpecs } from './test-instances.js';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  external: boolean;
}

export default async function setup(project: TestProject) {
  if (process.env.NEO4J_TEST_URI) {
    const external: TestNeo4j = {
      uri: process.env.NEO4J_TEST_URI,
      user: process.env.NEO4J_TEST_USER ?? 'neo4j',
      password: process.env.NEO4J_TEST_PASSWORD ?? '',
      external: true,
    };
    project.provide('neo4jInstances', [external]);
    return;
  }
  // One instance per worker: a run whose files go one at a time (the fault suite) needs one.
  const workers = project.config.maxWorkers;
  const count = Math.min(workers, testDbCount());
  if (workers > count) {
    throw new Error(
      `${workers} test workers would share ${count} test Neo4j instance(s): set KG_TEST_DB_INSTANCES=${workers} or fewer workers.`,
    );
  }
  const specs = testInstanceSpecs(count);
  const started = await Promise.all(
    specs.map((spec) => startInstance(spec, (line) => console.log(`[test-db ${spec.name}] ${line}`))),
  );
  project.provide(
    'neo4jInstances',
    started.map(({ connection }) => ({ ...connection, external: false })),
  );
  return () => {
    if (process.env.KG_KEEP_TEST_DB) return;
    specs.forEach((spec, k) => {
      if (!started[k].reused) stopInstance(spec, () => {});
    });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jInstances: TestNeo4j[];
  }
}
