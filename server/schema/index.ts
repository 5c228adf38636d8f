// The executable schema: SDL files of this folder plus the resolvers of server/resolvers.
import { makeExecutableSchema } from '@graphql-tools/schema';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolvers } from '../resolvers/index.js';

const here = dirname(fileURLToPath(import.meta.url));

export function readTypeDefs(): string[] {
  return readdirSync(here)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(here, file), 'utf8'));
}

export function createSchema() {
  return makeExecutableSchema({ typeDefs: readTypeDefs(), resolvers });
}
