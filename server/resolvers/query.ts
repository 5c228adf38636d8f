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
import { inScope } from '../../graph/queries/programs.js';
import { scopeFor } from './program-scope.js';

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

  search: (_, { text, types, first, includeSynthetic, programId }, context, info) => {
    const limit = pageSize(first, 20, MAX_SEARCH_RESULTS);
    return readRoot(context, info, async (tx) => {
      // With programId, chains, segments and posts of other programs are dropped (asked for 3x, then cut).
      const scope = await scopeFor(tx, context, programId, false);
      const rows = await searchEntities(tx, text, {
        labels: labelsOf(types),
        first: scope ? Math.min(limit * 3, MAX_SEARCH_RESULTS * 3) : limit,
        includeSynthetic: includeSynthetic === true,
      });
      const kept = scope
        ? rows.filter((row) => inScope(scope, entityRecord(row.node).label, String(row.node.id))).slice(0, limit)
        : rows;
      return kept.map((row) => ({ entity: entityRecord(row.node), score: row.score, matchedOn: row.matchedOn }));
    });
  },

  programs: (_, { includeSynthetic }, context, info) =>
    readRoot(context, info, async (tx) => (await listPrograms(tx, includeSynthetic === true)).map(entityRecord)),

  chains: (_, { programId, kind, includeSynthetic }, context, info) =>
    readRoot(context, info, async (tx) => {
      const scope = await scopeFor(tx, context, programId, includeSynthetic !== true);
      const filter = { programId: scope?.id, kind: kind?.toLowerCase(), includeSynthetic: includeSynthetic === true };
      const chains = await listChains(tx, filter);
      // listChains keeps synthetic chains of an explicitly named program; the default one never shows them.
      return (programId || includeSynthetic ? chains : chains.filter((n) => n.synthetic !== true)).map(entityRecord);
    }),

  chain: (_, { id }, context, info) =>
    readRoot(context, info, async (tx) => {
      if (labelOfId(id) !== 'Chain') return null;
      const [node] = await findNodesByIds(tx, [id]);
      return node ? entityRecord(node) : null;
    }),

  leaders: (_, { includeSynthetic, programId }, context, info) =>
    readRoot(context, info, async (tx) => {
      const scope = await scopeFor(tx, context, programId, includeSynthetic !== true);
      const leaders = await listLeaders(tx, includeSynthetic === true);
      return (scope ? leaders.filter((n) => scope.leaders.has(String(n.id))) : leaders).map(entityRecord);
    }),

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
    name: context.actor.name ?? null,
    publicRead: context.config.publicRead,
    canSeeTargets: context.access.canSeeTargets,
    canCurate: hasRole(context.role, 'editor'),
    canReview: hasRole(context.role, 'admin'),
  }),
};
