// One suite: unit tests need nothing; integration tests use real Neo4j test instances that the global
// setup starts, one per worker (KG_TEST_DB_INSTANCES, default 2), so files run two at a time without
// sharing a database (Neo4j Community has a single user database); each file loads the data it needs.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { testDbCount } from './tests/setup/test-instances.js';

export default defineConfig({
  // One graphql module for everything: vite would otherwise load graphql's ESM build for our files and
  // Node its CommonJS build for yoga and graphql-tools ("Cannot use GraphQLNonNull from another realm").
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/faults/**', 'node_modules/**'],
    globalSetup: ['tests/setup/global-setup.ts', 'tests/setup/web-build.ts'],
    fileParallelism: true,
    maxWorkers: testDbCount(),
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // the second records the whole suite's duration for `npm run bench` (tests/setup/run-record.ts)
    reporters: ['default', './tests/setup/run-record.ts'],
  },
});
