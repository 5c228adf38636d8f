// What the graph learned in a period (`changes`): facts added, confirmed, changed and retired between
// two Asia/Shanghai days, within a chain, post, district or program, from the write stamps
// (graph/model-rules.ts stampSet, graph/queries/stamps.ts). Retired facts are read here on purpose.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';
import { notFound } from '../errors.js';
import { LABELS, labelOfId } from '../model.js';
import { toNeo4jDate } from '../model-rules.js';

export const CHANGE_KINDS = ['ADDED', 'CONFIRMED', 'CHANGED', 'RETIRED'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeScope {
  chainId?: string | null;
  leaderId?: string | null;
  districtId?: string | null;
  programId?: string | null;
}

export interface ChangeRow {
  kind: ChangeKind;
  /** Node id, or the relationship as type:from->to. */
  target: string;
  labelOrType: string;
  name: string;
  /** ISO date-time with the +08:00 offset. */
  at: string;
  props: Record<string, unknown>;
  writtenBy: string | null;
}

/**
 * The ids a scope covers (its core): a chain and every segment below it; a post and the chains it owns,
 * sponsors or (through its program) coordinates; a district and every district within it; a program,
 * its chains and their segments. Facts in scope are the core, the nodes one step from it, the
 * relationships touching it, and the observations of goals in scope.
 */
const SCOPE_CORE = `
OPTIONAL MATCH (c:Chain {id: $chainId})
OPTIONAL MATCH (l:Leader {id: $leaderId})
OPTIONAL MATCH (d:District {id: $districtId})
OPTIONAL MATCH (pg:Program {id: $programId})
WITH [x IN [c, l, d, pg] WHERE x IS NOT NULL] AS roots
UNWIND roots AS root
CALL (root) {
  OPTIONAL MATCH (root)<-[:PART_OF*0..4]-(s) WHERE s:Chain OR s:Segment OR s:Program
  RETURN collect(DISTINCT s) AS below
}
CALL (root) {
  OPTIONAL MATCH (root:Leader)-[:OWNER_OF|PATRON_OF]->(lc:Chain)
  OPTIONAL MATCH (root:Leader)-[:COORDINATES]->(:Program)<-[:PART_OF]-(pc:Chain)
  WITH collect(DISTINCT lc) + collect(DISTINCT pc) AS chains
  UNWIND (CASE chains WHEN [] THEN [null] ELSE chains END) AS ch
  OPTIONAL MATCH (ch)<-[:PART_OF*0..4]-(seg)
  RETURN collect(DISTINCT seg) AS led
}
CALL (root) {
  OPTIONAL MATCH (root:District)<-[:WITHIN*0..4]-(dd:District)
  RETURN collect(DISTINCT dd) AS within
}
WITH [root] + below + led + within AS core
UNWIND core AS n
RETURN collect(DISTINCT elementId(n)) AS ids`;

const PERIOD = `datetime({date: $since, timezone: 'Asia/Shanghai'}) AS t0, datetime({date: $until, timezone: 'Asia/Shanghai'}) + duration('P1D') AS t1`;

/** Events of one stamped fact `x` in [t0, t1): one per kind that happened in the period. */
const EVENTS = (x: string) => `[k IN [
    CASE WHEN ${x}.createdAt >= t0 AND ${x}.createdAt < t1 THEN {kind: 'ADDED', at: ${x}.createdAt} END,
    CASE WHEN ${x}.confirmedAt >= t0 AND ${x}.confirmedAt < t1 AND ${x}.confirmedAt <> ${x}.createdAt THEN {kind: 'CONFIRMED', at: ${x}.confirmedAt} END,
    CASE WHEN ${x}.retiredAt >= t0 AND ${x}.retiredAt < t1 THEN {kind: 'RETIRED', at: ${x}.retiredAt} END,
    CASE WHEN ${x}.updatedAt >= t0 AND ${x}.updatedAt < t1 AND ${x}.updatedAt <> ${x}.createdAt
          AND ${x}.updatedAt <> coalesce(${x}.confirmedAt, datetime('1970-01-01T00:00Z'))
          AND ${x}.updatedAt <> coalesce(${x}.retiredAt, datetime('1970-01-01T00:00Z'))
         THEN {kind: 'CHANGED', at: ${x}.updatedAt} END] WHERE k IS NOT NULL]`;

const STAMPED = (x: string) =>
  `(${x}.createdAt >= t0 OR ${x}.updatedAt >= t0 OR ${x}.confirmedAt >= t0 OR ${x}.retiredAt >= t0)`;

function changesCypher(scoped: boolean): string {
  const nodeScope = scoped
    ? `UNWIND $core AS eid
  MATCH (m) WHERE elementId(m) = eid
  CALL (m) {
    RETURN m AS n
    UNION
    MATCH (m)--(n) RETURN n
    UNION
    MATCH (m)<-[:GOAL_OF]-(:Goal)<-[:MEASURES]-(n:Observation) RETURN n
  }`
    : 'MATCH (n)';
  const relScope = scoped ? 'UNWIND $core AS eid MATCH (m)-[r]-() WHERE elementId(m) = eid' : 'MATCH ()-[r]->()';
  return `WITH ${PERIOD}
CALL (t0, t1) {
  ${nodeScope}
  WITH n WHERE any(l IN labels(n) WHERE l IN $labels)
  WITH DISTINCT n WHERE ${STAMPED('n')}
  RETURN n.id AS target, head([l IN labels(n) WHERE l IN $labels]) AS labelOrType, coalesce(n.name, n.metric, n.id) AS name,
         properties(n) AS props, n AS x
  UNION
  ${relScope}
  WITH DISTINCT r WHERE ${STAMPED('r')}
  WITH r, startNode(r) AS a, endNode(r) AS b
  RETURN type(r) + ':' + a.id + '->' + b.id AS target, type(r) AS labelOrType,
         coalesce(a.name, a.id) + ' → ' + coalesce(b.name, b.id) AS name, properties(r) AS props, r AS x
}
WITH t0, t1, target, labelOrType, name, props, x
UNWIND ${EVENTS('x')} AS event
RETURN event.kind AS kind, toString(datetime({datetime: event.at, timezone: '+08:00'})) AS at, target, labelOrType,
       name, props, props.writtenBy AS writtenBy
ORDER BY event.at DESC, target
LIMIT $take`;
}

/** The changes of [since, until] (days in Asia/Shanghai, both included), newest first, at most `first`. */
export async function readChanges(
  tx: ManagedTransaction,
  options: { since: string; until: string; scope?: ChangeScope | null; first: number },
): Promise<{ rows: ChangeRow[]; truncated: boolean }> {
  const scope = options.scope ?? {};
  const given = Object.entries(scope).filter(([, v]) => typeof v === 'string' && v) as [string, string][];
  let core: string[] | null = null;
  if (given.length) {
    for (const [, id] of given) if (!labelOfId(id)) throw notFound(`The entity ${JSON.stringify(id)}`);
    const [row] = await runRows(tx, SCOPE_CORE, {
      chainId: scope.chainId ?? null,
      leaderId: scope.leaderId ?? null,
      districtId: scope.districtId ?? null,
      programId: scope.programId ?? null,
    });
    core = ((row?.ids as string[]) ?? []).filter(Boolean);
    if (!core.length) throw notFound(`The scope ${given.map(([, id]) => id).join(', ')}`);
  }
  const rows = await runRows(tx, changesCypher(core !== null), {
    since: toNeo4jDate(options.since),
    until: toNeo4jDate(options.until),
    core: core ?? [],
    labels: LABELS.concat(),
    take: neo4j.int(options.first + 1),
  });
  const truncated = rows.length > options.first;
  return {
    rows: rows.slice(0, options.first).map((r) => ({
      kind: r.kind as ChangeKind,
      target: String(r.target),
      labelOrType: String(r.labelOrType),
      name: String(r.name),
      at: String(r.at),
      props: r.props as Record<string, unknown>,
      writtenBy: (r.writtenBy as string | null) ?? null,
    })),
    truncated,
  };
}
