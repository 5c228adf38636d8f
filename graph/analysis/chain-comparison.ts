// chainComparison: one row per chain of a program (segments, local firms, gaps by status, goals met
// out of total), all in one read transaction, from the same gap rule and goal reading as gaps/goals.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Executor } from '../executor.js';
import { DEFAULT_GAP_THRESHOLDS, type GapThresholds } from '../gap-thresholds.js';
import { runRows } from '../executor.js';
import type { NodeRow } from '../slice.js';
import { loadGapInputs } from './gap-inputs.js';
import { GAP_STATUSES, verdicts, type GapStatus } from './gap-status.js';
import { goalsInTx } from './goals.js';
import { counts, scopeParams } from './scope.js';

export interface ChainComparisonRow {
  chain: NodeRow;
  segments: number;
  level1Segments: number;
  localEnterprises: number;
  gaps: Record<GapStatus, number>;
  goalsTotal: number;
  /** Goals whose newest sourced observation reaches the target (a graph count never meets a goal). */
  goalsMet: number;
  /** Goals with a sourced observation (basis SOURCED). */
  goalsSourced: number;
}

const CHAINS = `
MATCH (c:Chain)
WHERE ${counts('c')}
  AND ($programId IS NULL OR EXISTS { MATCH (c)-[:PART_OF]->(:Program {id: $programId}) })
RETURN c.id AS id
ORDER BY coalesce(c.priority, 1000), c.id`;

export interface ComparisonOptions {
  programId?: string | null;
  includeSynthetic?: boolean;
  thresholds?: GapThresholds;
}

/** The comparison in one read transaction. */
export function compareChains(executor: Executor, options: ComparisonOptions = {}): Promise<ChainComparisonRow[]> {
  return executor.read((tx) => compareChainsInTx(tx, options));
}

/** The comparison inside the caller's read transaction. */
export async function compareChainsInTx(
  tx: ManagedTransaction,
  options: ComparisonOptions = {},
): Promise<ChainComparisonRow[]> {
  const thresholds = options.thresholds ?? DEFAULT_GAP_THRESHOLDS;
  const ids = (
    await runRows(tx, CHAINS, {
      programId: options.programId ?? null,
      ...scopeParams(options.includeSynthetic === true),
    })
  ).map((r) => String(r.id));
  const goals = ids.length ? await goalsInTx(tx, ids) : [];
  const rows: ChainComparisonRow[] = [];
  for (const id of ids) {
    const inputs = await loadGapInputs(tx, id);
    const all = verdicts(inputs.segments, inputs.aggregates, thresholds);
    const gaps = Object.fromEntries(GAP_STATUSES.map((s) => [s, 0])) as Record<GapStatus, number>;
    for (const c of all) gaps[c.status]++;
    const own = goals.filter((g) => g.chainIds.includes(id));
    rows.push({
      chain: inputs.chain.node,
      segments: inputs.segments.length,
      level1Segments: inputs.segments.filter((s) => s.parentIds.length === 0).length,
      localEnterprises: inputs.aggregates.find((a) => a.segmentId === id)?.localFirms ?? 0,
      gaps,
      goalsTotal: own.length,
      goalsMet: own.filter((g) => g.met).length,
      goalsSourced: own.filter((g) => g.basis === 'SOURCED').length,
    });
  }
  return rows;
}
