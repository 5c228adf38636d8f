// Per-chain figures shown at a glance: firms, gaps (segments not COVERED) and goal progress. Gaps and
// goals come from the analysis API; when it cannot answer, the figure shows as unknown, not as zero.
import { fetchChainComparison, fetchChainSummary } from '../../api/analysis.js';
import { formatPercent, t } from '../../i18n/index.js';

export interface ChainStats {
  firms: number;
  localFirms: number;
  /** null: the analysis could not be read */
  gaps: number | null;
  /** mean SOURCED progress of the chain's goals; null when no goal has a sourced observation (recorded-data
   * coverage is not progress and is never averaged into it) */
  progress: number | null;
  goals: number | null;
}

function meanProgress(goals: readonly { progress: number | null; coverage: number | null }[]): number | null {
  const ratios = goals.map((g) => g.progress).filter((r): r is number => typeof r === 'number');
  return ratios.length ? ratios.reduce((a, b) => a + Math.min(b, 1), 0) / ratios.length : null;
}

/** Figures of every chain of the program in one request (the comparison table of the analysis API). */
export async function loadAllChainStats(): Promise<Map<string, ChainStats>> {
  const { chainComparison } = await fetchChainComparison();
  return new Map(
    chainComparison.map((row) => [
      row.chain.id,
      {
        firms: row.chain.enterpriseCount,
        localFirms: row.chain.localEnterpriseCount,
        gaps: row.gaps.absent + row.gaps.singleFirm + row.gaps.thin + row.gaps.externallyDependent,
        progress: meanProgress(row.chain.goals),
        goals: row.goalsTotal,
      },
    ]),
  );
}

export async function loadChainStats(chain: {
  id: string;
  enterpriseCount: number;
  localEnterpriseCount: number;
}): Promise<ChainStats> {
  const base = { firms: chain.enterpriseCount, localFirms: chain.localEnterpriseCount };
  try {
    const { gaps, goals } = await fetchChainSummary(chain.id);
    return {
      ...base,
      gaps: gaps.filter((g) => g.status !== 'COVERED').length,
      progress: meanProgress(goals),
      goals: goals.length,
    };
  } catch {
    return { ...base, gaps: null, progress: null, goals: null };
  }
}

export function statsLine(stats: ChainStats): string {
  const gaps = stats.gaps == null ? '—' : String(stats.gaps);
  const progress = stats.progress == null ? '—' : formatPercent(stats.progress);
  return t('overview.statsLine', { firms: stats.firms, gaps, progress });
}
