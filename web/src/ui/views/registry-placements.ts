// The confident placements of a registry job (written as IN_SEGMENT by the classifier): firm, segment,
// score, because and the words of the registry, each with 拒绝, which records a person's rejection on
// the relationship (reviewPlacement) so that gaps stop counting it and later imports learn from it.
import { reviewPlacement, type SegmentInfo } from '../../api/registry.js';
import { formatNumber, pickName, t } from '../../i18n/index.js';
import { h, mount } from '../dom.js';
import { describeError } from '../errors.js';
import type { Confident } from './registry-report-data.js';

const STEP = 100;

function row(p: Confident, segments: Map<string, SegmentInfo>): HTMLElement {
  const seg = segments.get(p.segmentId);
  const state = h('td.placement-state');
  const reject = h('button.btn.btn-small', { type: 'button', 'data-action': 'reject-placement' }, t('regimp.reject'));
  const tr = h(
    'tr',
    { 'data-enterprise': p.enterpriseId, 'data-segment': p.segmentId, 'data-status': 'unverified' },
    h('td', null, p.firm),
    h(
      'td',
      null,
      seg ? pickName(seg) : p.segmentId,
      seg?.chain ? h('span.muted', null, ` · ${pickName(seg.chain)}`) : null,
    ),
    h('td.num', null, formatNumber(p.score, 2)),
    h('td.because', null, p.because),
    h('td.quote', null, p.quote || '—'),
    state,
  );
  mount(state, reject);
  reject.addEventListener('click', async () => {
    reject.disabled = true;
    try {
      const r = (await reviewPlacement(p.enterpriseId, p.segmentId, 'rejected')).reviewPlacement;
      tr.dataset.status = r.status;
      mount(state, h('span.chip.chip-status-rejected', null, t('regimp.rejected')));
    } catch (error) {
      reject.disabled = false;
      mount(state, reject, h('p.notice.notice-error', { role: 'alert' }, describeError(error).hint));
    }
  });
  return tr;
}

export function confidentList(placements: readonly Confident[], segments: Map<string, SegmentInfo>): HTMLElement {
  const sorted = [...placements].sort((a, b) => a.score - b.score || a.row - b.row);
  const body = h('tbody');
  const more = h('button.btn', { type: 'button', 'data-action': 'more-placements' });
  let shown = 0;
  const showMore = () => {
    const next = sorted.slice(shown, shown + STEP);
    for (const p of next) body.append(row(p, segments));
    shown += next.length;
    more.hidden = shown >= sorted.length;
    more.textContent = t('regimp.showMore', { n: Math.min(STEP, sorted.length - shown) });
  };
  more.addEventListener('click', showMore);
  showMore();
  return h(
    'section.card.registry-confident',
    { 'data-report': 'confident' },
    h('h2.card-title', null, t('regimp.confident', { n: sorted.length })),
    h('p.muted', null, t('regimp.confidentHint')),
    h(
      'table.data-table.placement-table',
      null,
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['firm', 'segment', 'score', 'because', 'quote'].map((k) =>
            h('th', { scope: 'col' }, t(`regimp.col.${k}` as never)),
          ),
          h('th', { scope: 'col' }),
        ),
      ),
      body,
    ),
    more,
  );
}
