// Values of the analysis types (server/schema/analysis.graphql) built from the graph layer's plain
// results with the API's record builders, and the in-transaction prefetch of the nested
// `responsibility(at)` fields, so an analysis answer stays one read transaction.
import { getArgumentValues, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { ManagedTransaction } from 'neo4j-driver';
import type { GoalProgress } from '../../graph/analysis/goals.js';
import type { SegmentGap, WhatIfRow } from '../../graph/analysis/gaps.js';
import type { TargetRecommendation } from '../../graph/analysis/recommend.js';
import type { SubgraphMetrics } from '../../graph/analysis/centrality.js';
import type { ChainComparisonRow } from '../../graph/analysis/chain-comparison.js';
import { responsibility } from '../../graph/queries/responsibility.js';
import { mergeSlices, type GraphSlice } from '../../graph/slice.js';
import { collectSubfields } from '../loading/collect-fields.js';
import {
  buildHolding,
  buildLeaderRole,
  buildTargetRole,
  entityRecord,
  type EntityRecord,
  type LeaderRoleValue,
  type ResponsibilityValue,
  type TargetRoleValue,
} from '../loading/records.js';

/** Values that carry a nested `responsibility(at)` field, prefetched per response key. */
export interface WithResponsibility {
  /** Every prefetched list (for the hydration of the selection below). */
  responsibility?: ResponsibilityValue[][];
  responsibilityByKey?: Map<string, ResponsibilityValue[]>;
}

export type SegmentGapValue = Omit<SegmentGap, 'segment' | 'pipeline'> &
  WithResponsibility & { segment: EntityRecord; pipeline: TargetRoleValue[] };
export type GoalProgressValue = Omit<GoalProgress, 'goal' | 'latest' | 'observations' | 'responsible' | 'countRule'> &
  WithResponsibility & {
    goal: EntityRecord;
    latest: EntityRecord | null;
    observations: EntityRecord[];
    responsible: LeaderRoleValue[];
    countRule: string | null;
  };

/** `pipeline` is built only for analysts (and read only when asked): below that the field answers FORBIDDEN and nothing is fetched for it. */
export function gapValue(gap: SegmentGap, canSeeTargets: boolean): SegmentGapValue {
  return {
    ...gap,
    segment: entityRecord(gap.segment),
    pipeline: canSeeTargets ? gap.pipeline.flatMap((p) => (p.rel ? [buildTargetRole(p.rel)] : [])) : [],
  };
}

export function goalValue(g: GoalProgress): GoalProgressValue {
  return {
    ...g,
    goal: entityRecord(g.goal),
    latest: g.latest ? entityRecord(g.latest) : null,
    observations: g.observations.map(entityRecord),
    responsible: g.responsible.map((r) =>
      buildLeaderRole({ type: r.relation, props: r.rel.props ?? {}, start: r.leader, end: r.target }),
    ),
    countRule: g.countRule
      ? g.countRule.tag
        ? `local firms tagged ${g.countRule.tag} (${g.countRule.from})`
        : `local firms (${g.countRule.from})`
      : null,
  };
}

export type TargetRecommendationValue = ReturnType<typeof recommendationValue>;
export type WhatIfGapValue = ReturnType<typeof whatIfValue>;
export type SubgraphMetricsValue = ReturnType<typeof metricsValue>;
export type CommunityValue = SubgraphMetricsValue['communities'][number];
export type ChainComparisonValue = ReturnType<typeof comparisonValue>;

export function recommendationValue(r: TargetRecommendation) {
  return { ...r, enterprise: entityRecord(r.enterprise), reasons: [...r.reasons].sort((a, b) => b.weight - a.weight) };
}

export function whatIfValue(row: WhatIfRow) {
  return { ...row, segment: entityRecord(row.segment) };
}

export function metricsValue(m: SubgraphMetrics) {
  const byId = new Map(m.slice.nodes.map((n) => [n.id, n]));
  return { ...m, communities: m.communities.map((c) => ({ ...c, members: c.members.map((id) => byId.get(id)!) })) };
}

export function comparisonValue(row: ChainComparisonRow) {
  const g = row.gaps;
  return {
    ...row,
    chain: entityRecord(row.chain),
    gaps: {
      absent: g.ABSENT,
      singleFirm: g.SINGLE_FIRM,
      thin: g.THIN,
      externallyDependent: g.EXTERNALLY_DEPENDENT,
      covered: g.COVERED,
    },
  };
}

/** The accountable leaders of one entity on `at`, shaped as ResponsibilityPath. */
export async function responsibilityOf(
  tx: ManagedTransaction,
  id: string,
  at: string | null,
  canSeeTargets: boolean,
): Promise<ResponsibilityValue[]> {
  const rows = await responsibility(tx, id, { at, canSeeTargets });
  return rows.map((row) => ({
    leader: entityRecord(row.leader),
    relation: row.role.type,
    via: entityRecord(row.via),
    holders: row.holdings.map(buildHolding),
    path: row.path,
    hops: row.hops,
    role: buildLeaderRole(row.role),
  }));
}

/** Whose responsibility a value shows: an entity's, or a chain's seen from below it (prefix: the path up to it). */
export interface ResponsibilityVia {
  id: string;
  prefix?: GraphSlice;
}

/** The chain's answer seen from a segment: the segment's PART_OF path in front of each path. */
function seenFrom(prefix: GraphSlice | undefined, list: ResponsibilityValue[]): ResponsibilityValue[] {
  if (!prefix || prefix.edges.length === 0) return list;
  return list.map((r) => ({ ...r, path: mergeSlices(prefix, r.path), hops: r.hops + prefix.edges.length }));
}

/**
 * Fills `responsibility(at)` of every value of `typeName` the field of `info` returns, for each
 * response key the selection asks (aliases may ask different dates), inside the root transaction.
 * Values that share `via.id` (the segments of one chain) share one query.
 */
export async function prefetchResponsibility<T extends WithResponsibility>(
  tx: ManagedTransaction,
  info: GraphQLResolveInfo,
  typeName: string,
  values: T[],
  via: (value: T) => ResponsibilityVia,
  canSeeTargets: boolean,
): Promise<void> {
  const type = info.schema.getType(typeName) as GraphQLObjectType;
  const fields = collectSubfields(
    { schema: info.schema, fragments: info.fragments, variables: info.variableValues },
    type,
    info.fieldNodes,
  );
  for (const [key, nodes] of fields) {
    if (nodes[0].name.value !== 'responsibility') continue;
    const args = getArgumentValues(type.getFields().responsibility, nodes[0], info.variableValues);
    const at = (args.at as string | null | undefined) ?? null;
    const cache = new Map<string, ResponsibilityValue[]>();
    for (const value of values) {
      const { id, prefix } = via(value);
      if (!cache.has(id)) cache.set(id, await responsibilityOf(tx, id, at, canSeeTargets));
      value.responsibilityByKey ??= new Map();
      value.responsibilityByKey.set(key, seenFrom(prefix, cache.get(id)!));
    }
  }
  for (const value of values)
    if (value.responsibilityByKey) value.responsibility = [...value.responsibilityByKey.values()];
}

/** Whether the selection of `info` asks `field` of values of `typeName`. */
export function asks(info: GraphQLResolveInfo, typeName: string, field: string): boolean {
  const type = info.schema.getType(typeName) as GraphQLObjectType;
  const fields = collectSubfields(
    { schema: info.schema, fragments: info.fragments, variables: info.variableValues },
    type,
    info.fieldNodes,
  );
  return [...fields.values()].some((nodes) => nodes[0].name.value === field);
}
