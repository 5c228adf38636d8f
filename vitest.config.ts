// One suite: unit tests need nothing; integration tests use a real Neo4j test instance (port 7688,
// its own folder) that the global setup starts. Files run one at a time because they share that
// one database (Neo4j Community has a single user database); each file loads the data it needs.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql module for everything: vite would otherwise load graphql's ESM build for our files and
  // Node its CommonJS build for yoga and graphql-tools ("Cannot use GraphQLNonNull from another realm").
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/faults/**', 'node_modules/**'],
    globalSetup: ['tests/setup/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
