// The generated resolver types must match the SDL: a schema change without `npm run codegen` fails
// here (and a resolver that no longer fits the regenerated types fails `tsc`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';
import { projectRoot } from '../../graph/runtime/instance-config.js';

describe('generated GraphQL types', () => {
  it('are up to date with server/schema/*.graphql (run `npm run codegen` if not)', async () => {
    const outputs = (await generate({ ...config, cwd: projectRoot, silent: true }, false)) as {
      filename: string;
      content: string;
    }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const committed = readFileSync(join(projectRoot, output.filename), 'utf8');
      expect(committed === output.content, `${output.filename} is stale: run \`npm run codegen\` and commit it`).toBe(
        true,
      );
    }
  }, 60_000);
});
