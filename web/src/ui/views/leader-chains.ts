// The chains a leadership post answers for, as rows of the responsibility view: figures, the goals
// with their progress, and the investment-promotion targets (analyst role; otherwise said so).
import { fetchGoals, fetchPipeline } from '../../api/analysis.js';
import { pickName, t, tOr } from '../../i18n/index.js';
import { h } from '../dom.js';
import { isForbidden } from '../errors.js';
import { loadChainStats, type ChainStats } from './chain-stats.js';
import { type GoalProgress, goalBar } from './gaps-panels.js';

interface LeaderChain {
  id: string;
  name: string;
  nameEn: string | null;
  identified: boolean;
  enterpriseCount: number;
  localEnterpriseCount: number;
}

export interface ChainFacts {
  stats: ChainStats;
  goals: GoalProgress[] | null;
  /** number of targets, or null when the caller's role may not see them */
  targets: number | null;
}

export async function loadChainFacts(chain: LeaderChain): Promise<ChainFacts> {
  const [stats, goals, targets] = await Promise.all([
    loadChainStats(chain),
    fetchGoals(chain.id)
      .then((r) => r.goals)
      .catch(() => null),
    fetchPipeline(chain.id)
      .then((r) => r.chain?.targets.length ?? 0)
      .catch((error: unknown) => {
        if (isForbidden(error)) return null;
        throw error;
      }),
  ]);
  return { stats, goals, targets };
}

export function leaderChainRow(
  chain: LeaderChain,
  relation: string,
  facts: ChainFacts | undefined,
  go: { chain(): void; gaps(): void },
): HTMLElement {
  const s = facts?.stats;
  return h(
    'li.chain-row',
    { class: chain.identified ? null : 'unknown', 'data-id': chain.id },
    h('button.chain-row-name', { type: 'button', onclick: go.chain }, pickName(chain)),
    h(
      'div.chain-row-figures',
      null,
      h('span.chip', null, tOr(`rel.${relation}`, relation)),
      s
        ? [
            h('span', null, t('overview.firms', { n: s.firms })),
            h('span', null, s.gaps == null ? t('overview.gapsUnknown') : t('overview.gaps', { n: s.gaps })),
            h('span', null, facts.targets == null ? t('resp.targetsLocked') : t('resp.targets', { n: facts.targets })),
          ]
        : chain.identified
          ? null
          : h('span.muted', null, t('overview.unnamedRow')),
    ),
    facts?.goals?.length
      ? h(
          'ul.mini-goals',
          null,
          facts.goals.map((goal) => {
            return h(
              'li',
              null,
              h('span.mini-goal-name', { title: pickName(goal.goal) }, pickName(goal.goal)),
              goalBar(goal, pickName(goal.goal)),
            );
          }),
        )
      : null,
    chain.identified ? h('button.link', { type: 'button', onclick: go.gaps }, t('resp.openGaps')) : null,
  );
}
