// Cypher fragments shared by the query files: node projections, label expressions from the closed
// lists, the synthetic-data filter, the live-fact filter and the relationship types a role may traverse.
import { LABELS, type Label, REL_TYPES, type RelType } from '../model.js';
import { NODE_MAP, type NodeRow } from '../slice.js';

export { NODE_MAP, type NodeRow };

/**
 * The one live-fact filter: a retired fact (retiredAt set) is kept in the graph for the record and for
 * `changes`, but no read shows it unless it asks for retired facts. Splice it for every node or
 * relationship variable a read returns.
 */
export const LIVE = (v: string) => `${v}.retiredAt IS NULL`;

/**
 * Valid on `$asOf` (a Neo4j Date, or null for now): a fact whose validFrom / validTo exclude that day is
 * left out; a fact with no dates is undated and stays (shown as undated, never hidden).
 */
export const VALID_ON = (v: string) =>
  `($asOf IS NULL OR ((${v}.validFrom IS NULL OR ${v}.validFrom <= $asOf) AND (${v}.validTo IS NULL OR ${v}.validTo >= $asOf)))`;

/**
 * The stage of TARGET_FOR `t` on `$asOf`: the current one unless it started later, then the newest
 * earlier stage of its history that had started; null when the firm was not yet in the pipeline then.
 */
export const STAGE_ON = (t: string) =>
  `CASE WHEN $asOf IS NULL OR ${t}.stageSince IS NULL OR ${t}.stageSince <= $asOf THEN ${t}.stage
   ELSE last([i IN range(0, size(coalesce(${t}.stageHistoryDates, [])) - 1) WHERE ${t}.stageHistoryDates[i] <= $asOf | ${t}.stageHistory[i]]) END`;

/** The date the stage of STAGE_ON began. */
export const STAGE_SINCE_ON = (t: string) =>
  `CASE WHEN $asOf IS NULL OR ${t}.stageSince IS NULL OR ${t}.stageSince <= $asOf THEN ${t}.stageSince
   ELSE last([d IN coalesce(${t}.stageHistoryDates, []) WHERE d <= $asOf]) END`;

/** The TARGET_FOR fact as it stood on asOf: that day's stage, and only the history before it. */
export function stageAsOf(rel: RelWithEnds, stage: unknown, since: unknown): RelWithEnds {
  const p = rel.props;
  const dates = (p.stageHistoryDates as unknown[]) ?? [];
  const keep = dates.filter((d) => since == null || String(d) < String(since)).length;
  const cut = (k: string) => (Array.isArray(p[k]) ? (p[k] as unknown[]).slice(0, keep) : p[k]);
  const props: Record<string, unknown> = { ...p, stage, stageSince: since };
  for (const k of ['stageHistory', 'stageHistoryDates', 'stageHistorySources', 'stageHistoryQuotes']) props[k] = cut(k);
  return { ...rel, props };
}

/** A TARGET_FOR fact on day `asOf` (YYYY-MM-DD), worked out from its stored history as STAGE_ON does. */
export function stageOnDay(rel: RelWithEnds, asOf: string): RelWithEnds {
  const since = rel.props.stageSince == null ? null : String(rel.props.stageSince);
  if (since === null || since <= asOf) return rel;
  const dates = ((rel.props.stageHistoryDates as unknown[]) ?? []).map(String);
  let i = dates.length - 1;
  while (i >= 0 && dates[i] > asOf) i--;
  const stage = i >= 0 ? ((rel.props.stageHistory as unknown[]) ?? [])[i] : null;
  return stageAsOf(rel, stage ?? null, i >= 0 ? dates[i] : null);
}

/** `n:Program|Leader|…` style label expression; labels only from the closed list. */
export function labelExpression(labels: readonly Label[] = LABELS): string {
  const safe = labels.filter((l) => (LABELS as readonly string[]).includes(l));
  if (!safe.length) throw new Error('labelExpression: no label');
  return safe.join('|');
}

/** `:A|B|C` relationship type expression; types only from the closed list. */
export function relTypeExpression(types: readonly RelType[]): string {
  const safe = types.filter((t) => (REL_TYPES as readonly string[]).includes(t));
  if (!safe.length) throw new Error('relTypeExpression: no type');
  return safe.join('|');
}

/**
 * The relationship types a caller may traverse. TARGET_FOR (investment-promotion targets) is for the
 * analyst role and above only, so it is left out of every slice, path and responsibility query below that.
 */
export function traversableTypes(canSeeTargets: boolean): RelType[] {
  return REL_TYPES.filter((t) => canSeeTargets || t !== 'TARGET_FOR');
}

/** Relationship projection with both end nodes: {type, props, start, end}. */
export const REL_WITH_ENDS = (r: string) =>
  // Map projections need a variable, hence the one-element list comprehensions.
  `{type: type(${r}), props: properties(${r}), start: head([x IN [startNode(${r})] | ${NODE_MAP('x')}]), end: head([x IN [endNode(${r})] | ${NODE_MAP('x')}])}`;

export interface RelWithEnds {
  type: string;
  props: Record<string, unknown>;
  start: NodeRow;
  end: NodeRow;
}

/** Clamps an integer argument into [min, max]; non-integers fall back to `fallback`. */
export function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
  return Math.min(max, Math.max(min, n));
}
