// The values resolvers receive: entity records (a node's properties plus the relation fields fetched
// for this occurrence) and relationship facts shaped like their GraphQL types (LeaderRole, EntityRole,
// Holding, TargetRole). Other modules (analysis) build theirs with these functions too.
import { quoteOfSource } from '../../graph/provenance-rules.js';
import type { NodeRow, RelWithEnds } from '../../graph/queries/common.js';
import { primaryLabel, type SliceEdge } from '../../graph/slice.js';
import type { Label } from '../../graph/model.js';

export interface CitationValue {
  source: EntityRecord;
  quote: string | null;
}

/** Something with provenance: `citations` is filled by the loader (or resolved lazily when absent). */
export interface Citable {
  citations?: CitationValue[];
}

export interface EntityRecord extends Citable {
  readonly __entity: true;
  id: string;
  label: Label;
  /** Every stored property (plain JSON values; dates as ISO strings). */
  props: Record<string, unknown>;
  /** Relation fields fetched for this occurrence, by response key (alias or field name). */
  prefetched: Map<string, unknown>;
}

export const isEntityRecord = (value: unknown): value is EntityRecord =>
  typeof value === 'object' && value !== null && (value as { __entity?: unknown }).__entity === true;

/** An entity record from a `n {.*, _labels: labels(n)}` projection (NODE_MAP). */
export function entityRecord(map: NodeRow): EntityRecord {
  const { _labels, ...props } = map;
  const label = primaryLabel(_labels ?? []);
  if (!label) throw new Error(`Node ${String(map.id)} has no domain label`);
  return { __entity: true, id: String(props.id), label, props, prefetched: new Map() };
}

/** Source ids and quote of an entity, relationship fact or slice edge. */
export function provenanceOf(value: object): { ids: string[]; quote: string | null; quotes: (string | null)[] } {
  // Entities and relationship facts keep provenance in props, slice edges in data, proposals on themselves.
  const holder = value as { props?: Record<string, unknown>; data?: Record<string, unknown> };
  const props = isEntityRecord(value)
    ? value.props
    : (holder.props ?? holder.data ?? (value as Record<string, unknown>));
  const sources = props.sources;
  const ids = Array.isArray(sources) ? sources.map(String) : [];
  return {
    ids,
    quote: typeof props.quote === 'string' ? props.quote : null,
    // One quote per source where the fact stores `quotes` (graph/provenance-rules.ts), else the shared quote.
    quotes: ids.map((_, i) => quoteOfSource(props, i)),
  };
}

interface RelFact extends Citable {
  relation: string;
  props: Record<string, unknown>;
  validFrom: string | null;
  validTo: string | null;
  confidence: string;
  status: string;
  data: Record<string, unknown>;
}
export type LeaderRoleValue = RelFact & { leader: EntityRecord; target: EntityRecord };
export type EntityRoleValue = RelFact & { entity: EntityRecord; role: string | null };
export type HoldingValue = RelFact & { person: EntityRecord; leader: EntityRecord; observedOn: string[] };
export interface StageChangeValue extends Citable {
  stage: string;
  since: string | null;
  props: Record<string, unknown>;
}
export type TargetRoleValue = RelFact & {
  enterprise: EntityRecord;
  target: EntityRecord;
  stage: string | null;
  stageSince: string | null;
  history: StageChangeValue[];
};

function relFact(rel: RelWithEnds): RelFact {
  const p = rel.props ?? {};
  return {
    relation: rel.type,
    props: p,
    validFrom: (p.validFrom as string) ?? null,
    validTo: (p.validTo as string) ?? null,
    confidence: String(p.confidence ?? 'unknown'),
    status: String(p.status ?? 'unknown'),
    data: p,
  };
}

/** PATRON_OF / OWNER_OF / COORDINATES: the leader is the start node. */
export function buildLeaderRole(rel: RelWithEnds): LeaderRoleValue {
  return { ...relFact(rel), leader: entityRecord(rel.start), target: entityRecord(rel.end) };
}

/** A relationship seen from one end: `otherId` is the id of the end to show as `entity`. */
export function buildEntityRole(rel: RelWithEnds, otherId: string): EntityRoleValue {
  const other = rel.start.id === otherId ? rel.start : rel.end;
  const p = rel.props ?? {};
  const role = (p.role ?? p.product ?? null) as string | null;
  return { ...relFact(rel), entity: entityRecord(other), role: role === null ? null : String(role) };
}

/** HOLDS: person → leader post. */
export function buildHolding(rel: RelWithEnds): HoldingValue {
  const observed = rel.props?.observedOn;
  return {
    ...relFact(rel),
    person: entityRecord(rel.start),
    leader: entityRecord(rel.end),
    observedOn: Array.isArray(observed) ? observed.map(String) : [],
  };
}

/** TARGET_FOR with its stage history (parallel lists stageHistory / stageHistoryDates / …Sources / …Quotes). */
export function buildTargetRole(rel: RelWithEnds): TargetRoleValue {
  const p = rel.props ?? {};
  const stages = (p.stageHistory as string[]) ?? [];
  const dates = (p.stageHistoryDates as string[]) ?? [];
  const sources = (p.stageHistorySources as string[]) ?? [];
  const quotes = (p.stageHistoryQuotes as string[]) ?? [];
  const history = stages.map((stage, i) => ({
    stage,
    since: dates[i] ?? null,
    props: { sources: (sources[i] ?? '').split(',').filter(Boolean), quote: quotes[i] || null },
  }));
  return {
    ...relFact(rel),
    enterprise: entityRecord(rel.start),
    target: entityRecord(rel.end),
    stage: (p.stage as string) ?? null,
    stageSince: (p.stageSince as string) ?? null,
    history,
  };
}

/** Builds the value of a relationship field from its GraphQL type name. */
export function buildRelationValue(typeName: string, rel: RelWithEnds, otherId: string): unknown {
  switch (typeName) {
    case 'LeaderRole':
      return buildLeaderRole(rel);
    case 'Holding':
      return buildHolding(rel);
    case 'TargetRole':
      return buildTargetRole(rel);
    default:
      return buildEntityRole(rel, otherId);
  }
}

/** A slice edge as the API returns it: citations filled by the loader. */
export type ApiEdge = SliceEdge & Citable;

export interface SearchHitValue {
  entity: EntityRecord;
  score: number;
  matchedOn: string;
}

export interface ResponsibilityValue {
  leader: EntityRecord;
  relation: string;
  via: EntityRecord;
  holders: HoldingValue[];
  path: import('../../graph/slice.js').GraphSlice;
  hops: number;
  role: LeaderRoleValue;
}
