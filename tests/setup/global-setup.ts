// Starts the test Neo4j (never the working one) before the suite and stops it afterwards if this run
// started it. A Neo4j that cannot start fails the run: integration tests are never skipped.
import type { TestProject } from 'vitest/node';
import { INSTANCES } from '../../graph/runtime/instance-config.js';
import { startInstance, stopInstance } from '../../graph/runtime/instance.js';

export default async function setup(project: TestProject) {
  if (process.env.NEO4J_TEST_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_TEST_URI,
      user: process.env.NEO4J_TEST_USER ?? 'neo4j',
      password: process.env.NEO4J_TEST_PASSWORD ?? '',
      external: true,
    });
    return;
  }
  const { reused, connection } = await startInstance(INSTANCES.test, (line) => console.log(`[test-db] ${line}`));
  project.provide('neo4j', { ...connection, external: false });
  return () => {
    if (!reused && !process.env.KG_KEEP_TEST_DB) stopInstance(INSTANCES.test, () => {});
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; external: boolean };
  }
}
