// `cypher`: researchers' read-only Cypher (analyst and above), in one read transaction limited by
// KG_CYPHER_TIMEOUT_MS and KG_CYPHER_MAX_ROWS (graph/queries/cypher-guard.ts does the checking).
import { runReadOnlyCypher } from '../../graph/queries/cypher-guard.js';
import type { QueryResolvers } from '../generated/graphql.js';
import { requireRole } from '../plugins/access.js';

export const cypherQuery: Pick<QueryResolvers, 'cypher'> = {
  cypher: (_, { query, params }, context) => {
    requireRole(context, 'analyst', 'cypher');
    return context.executor.read((tx) => runReadOnlyCypher(tx, query, params, context.config.cypherMaxRows), {
      timeoutMs: context.config.cypherTimeoutMs,
    });
  },
};
