// Resolvers of the analyses (server/schema/analysis.graphql): each root field runs the graph layer's
// analysis and the prefetch of its selection in ONE read transaction (readRoot); gaps and
// recommendTargets first ask the database's position (a trivial read) to reuse an unchanged graph's
// answer. recommendTargets and pipeline stages need the analyst role; Chain.goals is batched per tick.
import type { GraphQLResolveInfo } from 'graphql';
import { computeMetrics } from '../../graph/analysis/centrality.js';
import { compareChainsInTx } from '../../graph/analysis/chain-comparison.js';
import { NO_HYPOTHESIS } from '../../graph/analysis/gap-inputs.js';
import type { ManagedTransaction } from 'neo4j-driver';
import { cachedRead } from '../../graph/analysis/analysis-cache.js';
import { gapsInTx, gapsKey, whatIfInTx, type SegmentGap } from '../../graph/analysis/gaps.js';
import { goalsInTx } from '../../graph/analysis/goals.js';
import type { ProgramScope } from '../../graph/queries/programs.js';
import { scopeFor } from './program-scope.js';
import {
  MAX_RECOMMENDATIONS,
  recommendInTx,
  recommendKey,
  type TargetRecommendation,
} from '../../graph/analysis/recommend.js';
import { readSubgraph } from '../../graph/analysis/subgraph.js';
import type { AppContext } from '../context.js';
import type {
  ChainResolvers,
  GoalProgressResolvers,
  QueryResolvers,
  SegmentGapResolvers,
} from '../generated/graphql.js';
import { badUserInput } from '../errors.js';
import { hydrateForField, rootAsOf } from '../loading/hydrate.js';
import type { EntityRecord, ResponsibilityValue } from '../loading/records.js';
import { requireRole } from '../plugins/access.js';
import {
  asks,
  comparisonValue,
  gapValue,
  goalValue,
  type GoalProgressValue,
  metricsValue,
  prefetchResponsibility,
  recommendationValue,
  responsibilityOf,
  type SegmentGapValue,
  whatIfValue,
  type WithResponsibility,
} from './analysis-values.js';
import type {
  GoalProgressResponsibilityArgs,
  QueryChainComparisonArgs,
  QueryGapsArgs,
  QueryGoalsArgs,
  QueryRecommendTargetsArgs,
  QueryWhatIfArgs,
  SegmentGapResponsibilityArgs,
} from '../generated/graphql.js';
import { Chain as baseChain } from './entities.js';
import { readRoot } from './root.js';
import { inBatch } from '../loading/batch.js';
import { loaders, responsibilityKey } from '../loading/loaders.js';

const goalInScope = (scope: ProgramScope, g: { chainIds: string[]; of: { node: { id?: unknown } }[] }) =>
  g.chainIds.some((id) => scope.chains.has(id)) ||
  g.of.some(({ node }) => node.id === scope.id || scope.districts.has(String(node.id)));

interface SubgraphArgs {
  ids?: string[] | null;
  chainId?: string | null;
  depth?: number | null;
  limit?: number | null;
  includeSynthetic?: boolean | null;
}

function metrics(args: SubgraphArgs, context: AppContext, info: GraphQLResolveInfo) {
  return readRoot(context, info, async (tx) =>
    metricsValue(
      computeMetrics(
        await readSubgraph(tx, {
          ...args,
          includeSynthetic: args.includeSynthetic === true,
          canSeeTargets: context.access.canSeeTargets,
        }),
      ),
    ),
  );
}

export const analysisQuery: Pick<
  QueryResolvers,
  'gaps' | 'recommendTargets' | 'goals' | 'whatIf' | 'centrality' | 'communities' | 'chainComparison'
> = {
  gaps: async (
    _: unknown,
    { chainId, machinePlacements, asOf }: QueryGapsArgs,
    context: AppContext,
    info: GraphQLResolveInfo,
  ) => {
    const options = {
      machinePlacements: machinePlacements ?? true,
      asOf: asOf ?? null,
      thresholds: context.config.gapThresholds,
      evidence: asks(info, 'SegmentGap', 'evidence'),
      pipeline: context.access.canSeeTargets && asks(info, 'SegmentGap', 'pipeline'),
    };
    // an unchanged graph's cached answer is hydrated like a fresh one, in the root transaction
    return cachedRead(
      context.executor,
      context.analysisCache,
      gapsKey(chainId, options),
      (tx): Promise<SegmentGap[]> => gapsInTx(tx, chainId, NO_HYPOTHESIS, options),
      { read: (work) => readRoot(context, info, work), onAnswer: (tx, gaps) => gapValuesWithResponsibility(tx, gaps) },
    );
    async function gapValuesWithResponsibility(tx: ManagedTransaction, gaps: SegmentGap[]) {
      const values = gaps.map((g) => gapValue(g, context.access.canSeeTargets));
      // a gap answers to its chain's leaders: one query per chain, the segment's path in front
      await prefetchResponsibility(
        tx,
        info,
        'SegmentGap',
        values,
        (v) => ({ id: v.chainId, prefix: v.chainPath }),
        context.access.canSeeTargets,
      );
      return values;
    }
  },

  recommendTargets: (
    _: unknown,
    { segmentId, first }: QueryRecommendTargetsArgs,
    context: AppContext,
    info: GraphQLResolveInfo,
  ) => {
    requireRole(context, 'analyst', 'recommendTargets (investment-promotion targets)');
    const n = first ?? 10;
    if (!Number.isInteger(n) || n < 1 || n > MAX_RECOMMENDATIONS)
      throw badUserInput(`first must be a whole number from 1 to ${MAX_RECOMMENDATIONS}.`);
    const options = { first: n, weights: context.config.recommendWeights };
    return cachedRead(
      context.executor,
      context.analysisCache,
      recommendKey(segmentId, n, options.weights),
      (tx): Promise<TargetRecommendation[]> => recommendInTx(tx, segmentId, options),
      { read: (work) => readRoot(context, info, work), onAnswer: (_tx, recs) => recs.map(recommendationValue) },
    );
  },

  goals: (
    _: unknown,
    { chainId, includeSynthetic, programId, asOf }: QueryGoalsArgs,
    context: AppContext,
    info: GraphQLResolveInfo,
  ) =>
    readRoot(context, info, async (tx) => {
      // Without chainId: the goals of programId (default KG_DEFAULT_PROGRAM): of the program, its chains
      // and their segments, or districts of its region.
      const scope = await scopeFor(tx, context, programId, !chainId && includeSynthetic !== true);
      const all = await goalsInTx(tx, chainId ? [chainId] : null, {
        includeSynthetic: includeSynthetic === true,
        asOf: asOf ?? null,
      });
      const values = (scope ? all.filter((g) => goalInScope(scope, g)) : all).map(goalValue);
      await prefetchResponsibility(
        tx,
        info,
        'GoalProgress',
        values,
        (v) => ({ id: v.goal.id }),
        context.access.canSeeTargets,
      );
      return values;
    }),

  whatIf: (_: unknown, { chainId, landing, leaving }: QueryWhatIfArgs, context: AppContext, info: GraphQLResolveInfo) =>
    readRoot(context, info, async (tx) =>
      (await whatIfInTx(tx, chainId, { landing: landing ?? [], leaving: leaving ?? [] })).map(whatIfValue),
    ),

  centrality: (_: unknown, args: SubgraphArgs, context: AppContext, info: GraphQLResolveInfo) =>
    metrics(args, context, info),
  communities: (_: unknown, args: SubgraphArgs, context: AppContext, info: GraphQLResolveInfo) =>
    metrics(args, context, info),

  chainComparison: (
    _: unknown,
    { programId, includeSynthetic }: QueryChainComparisonArgs,
    context: AppContext,
    info: GraphQLResolveInfo,
  ) =>
    readRoot(context, info, async (tx) =>
      (
        await compareChainsInTx(tx, {
          programId,
          includeSynthetic: includeSynthetic === true,
          thresholds: context.config.gapThresholds,
        })
      ).map(comparisonValue),
    ),
};

/**
 * A nested `responsibility(at)`: prefetched by the root field, else loaded for every value of the tick
 * that asks it in one read transaction (one query per distinct id and date).
 */
async function responsibilityField(
  value: WithResponsibility,
  id: string,
  args: SegmentGapResponsibilityArgs,
  context: AppContext,
  info: GraphQLResolveInfo,
) {
  const key = info.fieldNodes[0].alias?.value ?? info.fieldName;
  const prefetched = value.responsibilityByKey?.get(key);
  if (prefetched) return prefetched;
  const ask = { id, at: args.at ?? null };
  const answers = await inBatch(loaders.responsibility, context, info.fieldNodes[0], ask, (asks) =>
    context.executor.read(async (tx) => {
      const byKey = new Map<string, ResponsibilityValue[]>();
      for (const a of asks)
        if (!byKey.has(responsibilityKey(a)))
          byKey.set(responsibilityKey(a), await responsibilityOf(tx, a.id, a.at, context.access.canSeeTargets));
      await hydrateForField(tx, info, context.access, [...byKey.values()]);
      return byKey;
    }),
  );
  return answers.get(responsibilityKey(ask)) ?? [];
}

// Chain.goals for a list of chains: one read transaction per tick for all of them (never one per chain).

async function chainGoals(
  chain: EntityRecord,
  _args: unknown,
  context: AppContext,
  info: GraphQLResolveInfo,
): Promise<GoalProgressValue[]> {
  const byChain = await inBatch(loaders.chainGoals, context, info.fieldNodes[0], chain, (chains) =>
    context.executor.read(async (tx) => {
      const ids = [...new Set(chains.map((c) => c.id))];
      // Under chain(asOf) / chains(asOf): the goals as they stood that day.
      const all = (await goalsInTx(tx, ids, { asOf: rootAsOf(info) })).map(goalValue);
      const grouped = new Map(ids.map((id) => [id, all.filter((g) => g.chainIds.includes(id))]));
      await prefetchResponsibility(
        tx,
        info,
        'GoalProgress',
        all,
        (v) => ({ id: v.goal.id }),
        context.access.canSeeTargets,
      );
      await hydrateForField(tx, info, context.access, [...grouped.values()]);
      return grouped;
    }),
  );
  return byChain.get(chain.id) ?? [];
}

export const analysisTypes: {
  SegmentGap: SegmentGapResolvers;
  GoalProgress: GoalProgressResolvers;
  Chain: ChainResolvers;
} = {
  SegmentGap: {
    pipeline: (gap: SegmentGapValue, _args: unknown, context: AppContext) => {
      requireRole(context, 'analyst', 'SegmentGap.pipeline (investment-promotion targets)');
      return gap.pipeline;
    },
    responsibility: (
      gap: SegmentGapValue,
      args: SegmentGapResponsibilityArgs,
      context: AppContext,
      info: GraphQLResolveInfo,
    ) => responsibilityField(gap, gap.segmentId, args, context, info),
  },
  GoalProgress: {
    responsibility: (
      goal: GoalProgressValue,
      args: GoalProgressResponsibilityArgs,
      context: AppContext,
      info: GraphQLResolveInfo,
    ) => responsibilityField(goal, goal.goal.id, args, context, info),
  },
  // Chain keeps every resolver of entities.ts and gains `goals` (index.ts spreads this after entities).
  Chain: { ...baseChain, goals: chainGoals },
};
