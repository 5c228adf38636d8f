// The drawer panels of the gaps view: the gap table, recommendations with their reasons, goal
// progress with the observations it rests on, and the pipeline board by stage.
import type { GapsQuery, GoalsQuery, PipelineQuery, RecommendQuery } from '../../api/generated.js';
import { formatNumber, formatPercent, lang, pickName, t, tOr } from '../../i18n/index.js';
import { PIPELINE_STAGES } from '../../canvas/palette.js';
import { citationList } from '../citations.js';
import { h } from '../dom.js';
import { gapChip } from '../legend.js';

export type Gap = GapsQuery['gaps'][number];
type Recommendation = RecommendQuery['recommendTargets'][number];
export type GoalProgress = GoalsQuery['goals'][number];
export type Target = NonNullable<PipelineQuery['chain']>['targets'][number];

export function gapTable(
  gaps: readonly Gap[],
  selected: string | null,
  onSelect: (segmentId: string) => void,
): HTMLElement {
  if (!gaps.length) return h('p.muted', null, t('gaps.none'));
  const order = ['ABSENT', 'SINGLE_FIRM', 'THIN', 'EXTERNALLY_DEPENDENT', 'COVERED'];
  const rows = [...gaps].sort(
    (a, b) => order.indexOf(a.status) - order.indexOf(b.status) || a.segment.level - b.segment.level,
  );
  return h(
    'table.data-table.gap-table',
    null,
    h('caption.visually-hidden', null, t('gaps.tableCaption')),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        [
          'gaps.col.segment',
          'gaps.col.status',
          'gaps.col.local',
          'gaps.col.confirmed',
          'gaps.col.machine',
          'gaps.col.external',
          'gaps.col.pipeline',
          'gaps.col.explanation',
        ].map((key) => h('th', { scope: 'col' }, t(key as never))),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((gap) => {
        const select = () => onSelect(gap.segment.id);
        return h(
          'tr',
          {
            tabindex: 0,
            'data-id': gap.segment.id,
            'aria-selected': String(gap.segment.id === selected),
            onclick: select,
            onkeydown: (e: Event) => {
              if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' ') {
                e.preventDefault();
                select();
              }
            },
          },
          h('td', null, h('span.level', null, `L${gap.segment.level}`), ' ', pickName(gap.segment)),
          h('td', null, gapChip(gap.status)),
          h('td.num', null, gap.localEnterprises),
          h('td.num', { 'data-col': 'confirmed' }, gap.localConfirmed),
          h('td.num', { 'data-col': 'machine' }, gap.localMachinePlaced),
          h('td.num', null, gap.externalSuppliers),
          h('td.num', null, gap.targetsInPipeline),
          h('td.explanation', null, lang() === 'en' ? gap.explanationEn : gap.explanation),
        );
      }),
    ),
  );
}

export function recommendationList(
  items: readonly Recommendation[],
  onShowPath: (item: Recommendation, reason: Recommendation['reasons'][number]) => void,
): HTMLElement {
  if (!items.length) return h('p.muted', null, t('gaps.noRecommendations'));
  return h(
    'ol.recs',
    null,
    items.map((item) =>
      h(
        'li.rec',
        { 'data-id': item.enterprise.id },
        h(
          'div.rec-head',
          null,
          h('strong', null, pickName(item.enterprise)),
          item.stage ? h('span.chip', null, tOr(`stage.${item.stage}`, item.stage)) : null,
          h('span.score', null, t('gaps.score', { s: formatNumber(item.score, 2) })),
        ),
        h(
          'ul.reasons',
          null,
          item.reasons.map((reason) =>
            h(
              'li.reason',
              null,
              h('span.chip', null, tOr(`reason.${reason.kind}`, reason.kind)),
              h('span.reason-text', null, lang() === 'en' ? reason.textEn : reason.text),
              h('span.muted', null, t('gaps.weight', { w: formatNumber(reason.weight, 2) })),
              h(
                'button.link',
                { type: 'button', 'data-action': 'show-path', onclick: () => onShowPath(item, reason) },
                t('gaps.showPath'),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function formatValue(value: number | null | undefined, unit: string | null | undefined): string {
  if (value == null) return '—';
  // Money is stored in 元 while the display unit may be 亿元 / 万元.
  const scale = unit === '万亿元' ? 1e12 : unit === '亿元' ? 1e8 : unit === '万元' ? 1e4 : 1;
  return `${formatNumber(value / scale, 2)}${unit ? ` ${unit}` : ''}`;
}

/**
 * A goal's bar: sourced progress in colour; where only recorded firms can be counted, a grey hatched bar
 * labelled as recorded-data coverage, so that it is never read as progress; none when nothing is known.
 */
export function goalBar(
  goal: { progress: number | null; coverage: number | null },
  label: string,
  wide = false,
): HTMLElement {
  const coverage = goal.progress == null && goal.coverage != null;
  const ratio = goal.progress ?? goal.coverage;
  const text =
    ratio == null
      ? wide
        ? t('gaps.noObservation')
        : '—'
      : coverage
        ? t('gaps.coverage', { pct: formatPercent(ratio) })
        : formatPercent(ratio);
  return h(
    `div.progress${wide ? '.progress-wide' : ''}${coverage ? '.coverage' : ''}`,
    {
      role: coverage ? 'img' : 'progressbar',
      'aria-valuemin': coverage ? null : 0,
      'aria-valuemax': coverage ? null : 100,
      'aria-valuenow': coverage || ratio == null ? null : Math.round(Math.min(ratio, 1) * 100),
      'aria-label': `${label}: ${text}`,
      title: coverage ? t('gaps.coverageHint') : null,
    },
    h('span.progress-bar', { style: `width:${Math.round(Math.min(ratio ?? 0, 1) * 100)}%` }),
    h('span.progress-text', null, text),
  );
}

export function goalList(goals: readonly GoalProgress[]): HTMLElement {
  if (!goals.length) return h('p.muted', null, t('gaps.noGoals'));
  return h(
    'ul.goals',
    null,
    goals.map((goal) => {
      return h(
        'li.goal',
        { 'data-id': goal.goal.id },
        h(
          'div.goal-head',
          null,
          h('strong', null, pickName(goal.goal)),
          h('span.chip', null, tOr(`basis.${goal.basis}`, goal.basis)),
        ),
        h(
          'div.goal-line',
          null,
          t('gaps.goalTarget', { target: formatValue(goal.targetValue, goal.unit), deadline: goal.deadline ?? '—' }),
        ),
        goalBar(goal, pickName(goal.goal), true),
        h('p.goal-explanation', null, lang() === 'en' ? goal.explanationEn : goal.explanation),
        goal.latest
          ? h(
              'details.goal-obs',
              null,
              h(
                'summary',
                null,
                t('gaps.latest', {
                  value: formatValue(goal.latest.value, goal.latest.unit ?? goal.unit),
                  date: goal.latest.asOf ?? '—',
                }),
              ),
              citationList(goal.latest.citations),
            )
          : null,
        goal.responsible.length
          ? h(
              'p.muted',
              null,
              t('gaps.responsible', { names: goal.responsible.map((r) => pickName(r.leader)).join('、') }),
            )
          : null,
      );
    }),
  );
}

export function pipelineBoard(targets: readonly Target[]): HTMLElement {
  const stages = [
    ...PIPELINE_STAGES,
    ...new Set(targets.map((x) => x.stage ?? '—').filter((s) => !(PIPELINE_STAGES as readonly string[]).includes(s))),
  ];
  return h(
    'div.board',
    { role: 'list' },
    stages.map((stage) => {
      const cards = targets.filter((x) => (x.stage ?? '—') === stage);
      return h(
        'section.board-column',
        { role: 'listitem', 'aria-label': stage },
        h('h3.board-title', null, tOr(`stage.${stage}`, stage), h('span.count', null, cards.length)),
        cards.length
          ? h(
              'ul.board-cards',
              null,
              cards.map((x) =>
                h(
                  'li.board-card',
                  null,
                  h('strong', null, pickName(x.enterprise)),
                  h('span.muted', null, pickName(x.target)),
                  x.stageSince ? h('span.muted', null, t('gaps.since', { date: x.stageSince })) : null,
                ),
              ),
            )
          : h('p.muted.board-empty', null, '—'),
      );
    }),
  );
}
