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
