// goals(chainId): every Goal of the chain (GOAL_OF the chain or one of its segments), or every goal
// when chainId is null, with its newest sourced Observation (MEASURES), the basis of its progress
// (SOURCED, GRAPH_COUNT or NONE), the days left to its deadline and the leaders responsible.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows, type Executor } from '../executor.js';
import { NODE_MAP, REL_MAP, type NodeRow, type RelRow } from '../slice.js';
import { countRuleOf, type CountRule } from './goal-count.js';
import { explainGoal } from './goal-explain.js';
import { loadLeaderRoles, type LeaderRoleRow } from './leader-roles.js';
import { IS_LOCAL, localScopeOfOwner } from './local-rule.js';
import { counts, getChain, scopeParams, type Scope } from './scope.js';
import { primaryLabel } from '../slice.js';

export type GoalBasis = 'SOURCED' | 'GRAPH_COUNT' | 'NONE';

export interface GoalProgress {
  goal: NodeRow;
  metric: string;
  targetValue: number | null;
  unit: string | null;
  deadline: string | null;
  /** Chains the goal belongs to (GOAL_OF the chain or one of its segments). */
  chainIds: string[];
  /** Whose goal it is (GOAL_OF): the chain, segment, district or program, with the relationship. */
  of: { node: NodeRow; rel: RelRow }[];
  /** Sourced observations (MEASURES), newest first; `latest` is the first. */
  observations: NodeRow[];
  latest: NodeRow | null;
  basis: GoalBasis;
  progress: number | null;
  coverage: number | null;
  /** The graph's count when the metric is a count it holds (see goal-count.ts), whatever the basis. */
  graphCount: number | null;
  countRule: CountRule | null;
  /** Days from `today` to the deadline (negative once passed); null without a deadline. */
  daysLeft: number | null;
  /** SOURCED and the latest value reaches the target. A graph count never "meets" a goal. */
  met: boolean;
  responsible: LeaderRoleRow[];
  explanation: string;
  explanationEn: string;
}

export interface GoalOptions {
  /** ISO date the days left are counted from (default: asOf, else today, UTC). */
  today?: string;
  /** The day the answer is about: facts and observations of that day (undated ones stay); null: now. */
  asOf?: string | null;
  /** With chainId null: include synthetic goals too. */
  includeSynthetic?: boolean;
}

const GOALS = `
MATCH (g:Goal)-[go:GOAL_OF]->(t)
WHERE ${counts('g')} AND ${counts('go')} AND ${counts('t')} AND (t:Chain OR t:Segment OR t:District OR t:Program)
WITH g, go, t, CASE WHEN t:Chain THEN [t.id] WHEN t:Segment THEN COLLECT { MATCH (t)-[:PART_OF*1..8]->(c:Chain) RETURN DISTINCT c.id } ELSE [] END AS chains
WHERE $chainIds IS NULL OR any(c IN chains WHERE c IN $chainIds)
WITH g, collect({node: ${NODE_MAP('t')}, rel: ${REL_MAP('go')}}) AS of, reduce(acc = [], cs IN collect(chains) | acc + cs) AS chains
RETURN ${NODE_MAP('g')} AS goal, of, chains,
  COLLECT {
    MATCH (o:Observation)-[m:MEASURES]->(g)
    WHERE ${counts('o')} AND ${counts('m')} AND size(coalesce(o.sources, [])) > 0 AND o.value IS NOT NULL
      AND ($asOf IS NULL OR o.asOf IS NULL OR o.asOf <= $asOf)
    RETURN ${NODE_MAP('o')}
  } AS observations
ORDER BY coalesce(g.code, g.id), g.id`;

const LOCAL_TAGGED = `${counts('e')} AND ${counts('m')} AND ${IS_LOCAL('e')} AND ($tag IS NULL OR any(x IN coalesce(e.tags, []) WHERE x CONTAINS $tag))`;
const SEGMENT_PATH_COUNTS = `all(x IN nodes(p) WHERE ${counts('x')}) AND all(r IN relationships(p) WHERE ${counts('r')})`;

/** Cypher that counts the local firms of a goal's owner, by owner label. */
const COUNT_BY_LABEL: Record<string, string> = {
  Chain: `MATCH p = (s:Segment)-[:PART_OF*1..8]->(:Chain {id: $ownerId})
WHERE ${SEGMENT_PATH_COUNTS}
MATCH (e:Enterprise)-[m:IN_SEGMENT]->(s)
WHERE ${LOCAL_TAGGED}
RETURN count(DISTINCT e) AS n`,
  Segment: `MATCH p = (s:Segment)-[:PART_OF*0..8]->(:Segment {id: $ownerId})
WHERE ${SEGMENT_PATH_COUNTS}
MATCH (e:Enterprise)-[m:IN_SEGMENT]->(s)
WHERE ${LOCAL_TAGGED}
RETURN count(DISTINCT e) AS n`,
  Program: `MATCH p = (s:Segment)-[:PART_OF*2..9]->(:Program {id: $ownerId})
WHERE ${SEGMENT_PATH_COUNTS}
MATCH (e:Enterprise)-[m:IN_SEGMENT]->(s)
WHERE ${LOCAL_TAGGED}
RETURN count(DISTINCT e) AS n`,
  District: `MATCH p = (x:District)-[:WITHIN*0..6]->(:District {id: $ownerId})
WHERE ${SEGMENT_PATH_COUNTS}
MATCH (e:Enterprise)-[m:LOCATED_IN]->(x)
WHERE ${LOCAL_TAGGED}
RETURN count(DISTINCT e) AS n`,
};
/** When a goal has several owners, the count follows the first of this order. */
const OWNER_ORDER = ['Segment', 'Chain', 'Program', 'District'];

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round(
    (Date.parse(`${toIso.slice(0, 10)}T00:00:00Z`) - Date.parse(`${fromIso.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

async function countFor(tx: ManagedTransaction, owner: NodeRow, rule: CountRule, scope: Scope): Promise<number | null> {
  const label = primaryLabel(owner._labels);
  const cypher = label ? COUNT_BY_LABEL[label] : undefined;
  if (!label || !cypher) return null;
  const { localDistricts } = await localScopeOfOwner(tx, label, owner.id);
  const [row] = await runRows(tx, cypher, { ownerId: owner.id, tag: rule.tag, localDistricts, ...scope });
  return Number(row?.n ?? 0);
}

/** Goals of the given chains (null: every goal), inside the caller's read transaction. */
export async function goalsInTx(
  tx: ManagedTransaction,
  chainIds: string[] | null,
  options: GoalOptions = {},
): Promise<GoalProgress[]> {
  let synthetic = options.includeSynthetic === true;
  for (const id of chainIds ?? []) if ((await getChain(tx, id)).synthetic) synthetic = true;
  const scope = scopeParams(synthetic, options.asOf ?? null);
  const today = options.today ?? options.asOf ?? new Date().toISOString().slice(0, 10);
  const rows = await runRows(tx, GOALS, { chainIds, ...scope });
  const owners = rows.flatMap((r) => (r.of as { node: NodeRow }[]).map((o) => o.node));
  const leaderChains = new Set(owners.filter((n) => n._labels.includes('Chain')).map((n) => n.id));
  const programIds = new Set(owners.filter((n) => n._labels.includes('Program')).map((n) => n.id));
  // a segment's goal answers to the leaders of its chain
  const segmentChains = new Map<string, string[]>();
  const segIds = owners.filter((n) => n._labels.includes('Segment')).map((n) => n.id);
  if (segIds.length) {
    for (const r of await runRows(
      tx,
      'UNWIND $segIds AS sid\nMATCH (:Segment {id: sid})-[:PART_OF*1..8]->(c:Chain)\nRETURN sid, collect(DISTINCT c.id) AS chains',
      { segIds },
    )) {
      segmentChains.set(String(r.sid), r.chains as string[]);
      for (const c of r.chains as string[]) leaderChains.add(c);
    }
  }
  const roles = await loadLeaderRoles(tx, { chainIds: [...leaderChains], programIds: [...programIds] }, scope);
  const out: GoalProgress[] = [];
  for (const row of rows) {
    const goal = row.goal as NodeRow;
    const of = (row.of as { node: NodeRow; rel: RelRow }[]).sort(
      (a, b) =>
        OWNER_ORDER.indexOf(primaryLabel(a.node._labels) ?? '') -
        OWNER_ORDER.indexOf(primaryLabel(b.node._labels) ?? ''),
    );
    const observations = (row.observations as NodeRow[]).sort(
      (a, b) => String(b.asOf ?? '').localeCompare(String(a.asOf ?? '')) || a.id.localeCompare(b.id),
    );
    const latest = observations[0] ?? null;
    const targetValue = typeof goal.targetValue === 'number' ? goal.targetValue : null;
    const rule = countRuleOf(goal);
    const graphCount = rule && of.length ? await countFor(tx, of[0].node, rule, scope) : null;
    const basis: GoalBasis = latest ? 'SOURCED' : graphCount !== null ? 'GRAPH_COUNT' : 'NONE';
    const progress = basis === 'SOURCED' && targetValue ? Number(latest!.value) / targetValue : null;
    const coverage = basis === 'GRAPH_COUNT' && targetValue ? graphCount! / targetValue : null;
    const deadline = (goal.deadline as string) ?? null;
    const responsibleKeys = of.flatMap((o) =>
      o.node._labels.includes('Segment') ? (segmentChains.get(o.node.id) ?? []) : [o.node.id],
    );
    const seen = new Set<string>();
    const responsible = responsibleKeys
      .flatMap((k) => roles.get(k) ?? [])
      .filter((r) => {
        const key = `${r.relation}:${r.leader.id}->${r.target.id}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    const text = explainGoal({
      basis,
      targetValue,
      unit: (goal.unit as string) ?? null,
      latest: latest ? { value: Number(latest.value), asOf: (latest.asOf as string) ?? null } : null,
      progress,
      graphCount,
      coverage,
      tag: rule?.tag ?? null,
    });
    out.push({
      goal,
      chainIds: [...new Set(row.chains as string[])].sort(),
      metric: String(goal.metric ?? ''),
      targetValue,
      unit: (goal.unit as string) ?? null,
      deadline,
      of,
      observations,
      latest,
      basis,
      progress,
      coverage,
      graphCount,
      countRule: rule,
      daysLeft: deadline ? daysBetween(today, deadline) : null,
      met: basis === 'SOURCED' && progress !== null && progress >= 1,
      responsible,
      explanation: text.zh,
      explanationEn: text.en,
    });
  }
  return out;
}

/** Goals of a chain (or all goals when chainId is null) with progress and responsibility, in one read transaction. */
export function findGoals(
  executor: Executor,
  chainId: string | null,
  options: GoalOptions = {},
): Promise<GoalProgress[]> {
  return executor.read((tx) => goalsInTx(tx, chainId === null ? null : [chainId], options));
}
