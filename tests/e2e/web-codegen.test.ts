// The web page's operation types must match the server's SDL: a schema change that breaks one of the
// page's queries fails here (and `npm run build:web` regenerates the types and fails tsc).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../graph/runtime/instance-config.js';
import config from '../../web/codegen.js';

describe('web operation types', () => {
  it('are generated from server/schema/*.graphql and up to date (run `npm run codegen:web` if not)', async () => {
    const outputs = (await generate({ ...config, cwd: projectRoot, silent: true }, false)) as {
      filename: string;
      content: string;
    }[];
    expect(outputs.map((o) => o.filename)).toEqual(['web/src/api/generated.ts']);
    const committed = readFileSync(join(projectRoot, outputs[0].filename), 'utf8');
    expect(
      committed === outputs[0].content,
      'web/src/api/generated.ts is stale: run `npm run codegen:web` and commit it',
    ).toBe(true);
  }, 60_000);
});
