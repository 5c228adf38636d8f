// Root reading fields. Each runs in ONE read transaction (readRoot): its own query, then the
// prefetch of whatever the selection asks below it.
import { findNodesByIds, listChains, listLeaders, listPrograms } from '../../graph/queries/entities.js';
import { neighborhood } from '../../graph/queries/neighborhood.js';
import { shortestPaths } from '../../graph/queries/path.js';
import { MAX_SEARCH_RESULTS, searchEntities } from '../../graph/queries/search.js';
import { labelOfId } from '../../graph/model.js';
import type { QueryResolvers } from '../generated/graphql.js';
import { entityRecord } from '../loading/records.js';
import { responsibilityOf } from './analysis-values.js';
import { hasRole } from '../plugins/access.js';
import { badUserInput } from '../errors.js';
import { labelsOf, pageSize, readRoot } from './root.js';

const MAX_IDS = 500;

export const Query: QueryResolvers = {
  node: (_, { id }, context, info) =>
    readRoot(context, info, async (tx) => {
      const [node] = await findNodesByIds(tx, [id]);
      return node ? entityRecord(node) : null;
    }),

  nodes: (_, { ids }, context, info) => {
    if (ids.length > MAX_IDS) throw badUserInput(`Ask for at most ${MAX_IDS} ids at a time.`);
    return readRoot(context, info, async (tx) => {
      const byId = new Map((await findNodesByIds(tx, ids)).map((n) => [n.id, entityRecord(n)]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  },

  search: (_, { text, types, first, includeSynthetic }, context, info) => {
    const limit = pageSize(first, 20, MAX_SEARCH_RESULTS);
    return readRoot(context, info, async (tx) => {
      const rows = await searchEntities(tx, text, {
        labels: labelsOf(types),
        first: limit,
        includeSynthetic: includeSynthetic === true,
      });
      return rows.map((row) => ({ entity: entityRecord(row.node), score: row.score, matchedOn: row.matchedOn }));
    });
  },

  programs: (_, { includeSynthetic }, context, info) =>
    readRoot(context, info, async (tx) => (await listPrograms(tx, includeSynthetic === true)).map(entityRecord)),

  chains: (_, { programId, kind, includeSynthetic }, context, info) =>
    readRoot(context, info, async (tx) =>
      (await listChains(tx, { programId, kind: kind?.toLowerCase(), includeSynthetic: includeSynthetic === true })).map(
        entityRecord,
      ),
    ),

  chain: (_, { id }, context, info) =>
    readRoot(context, info, async (tx) => {
      if (labelOfId(id) !== 'Chain') return null;
      const [node] = await findNodesByIds(tx, [id]);
      return node ? entityRecord(node) : null;
    }),

  leaders: (_, { includeSynthetic }, context, info) =>
    readRoot(context, info, async (tx) => (await listLeaders(tx, includeSynthetic === true)).map(entityRecord)),

  neighborhood: (_, { id, depth, limit, types }, context, info) =>
    readRoot(context, info, (tx) =>
      neighborhood(tx, id, {
        depth: depth ?? 1,
        limit: limit ?? 200,
        labels: labelsOf(types),
        canSeeTargets: context.access.canSeeTargets,
      }),
    ),

  path: (_, { from, to, maxHops }, context, info) =>
    readRoot(context, info, (tx) => shortestPaths(tx, from, to, maxHops ?? 6, context.access.canSeeTargets)),

  responsibility: (_, { id, at }, context, info) =>
    readRoot(context, info, (tx) => responsibilityOf(tx, id, at ?? null, context.access.canSeeTargets)),

  viewer: (_, __, context) => ({
    role: context.role,
    publicRead: context.config.publicRead,
    canSeeTargets: context.access.canSeeTargets,
    canCurate: hasRole(context.role, 'editor'),
    canReview: hasRole(context.role, 'admin'),
  }),
};
