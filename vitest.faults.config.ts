// The slow reliability suite (`npm run test:faults`, run by .ci/run after `npm test`): load for 30 s,
// Neo4j stopped under traffic and in the middle of a seed run, dump/reset/load. It uses the same test
// instance as `npm test` (never the working one) and stops and starts it, so files run one at a time.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The same single graphql module as vitest.config.ts (yoga and our files must share one realm).
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    include: ['tests/faults/**/*.test.ts'],
    exclude: ['node_modules/**'],
    globalSetup: ['tests/setup/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
