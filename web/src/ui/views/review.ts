// 审核队列: the review screen of ingested facts. Left, the source's text with every proposed fact
// highlighted at its quote; right, the facts by kind with confirm / reject / edit; above, the filter bar
// (status, job, source, label/type, score range) with the total count and cursor paging.
import { fetchViewer } from '../../api/curation.js';
import type { ProposalFilter } from '../../api/generated.js';
import { fetchQueue, fetchSourceText, type QueueItem, reviewMany } from '../../api/ingestion.js';
import { getToken } from '../../api/session.js';
import { t } from '../../i18n/index.js';
import { h, mount } from '../dom.js';
import { describeError } from '../errors.js';
import type { View, ViewContext } from '../view-context.js';
import { factGroups } from './review-facts.js';
import { highlightedText, selectMark } from './review-text.js';

const PAGE = 200;
const STATUSES = ['proposed', 'confirmed', 'rejected', ''] as const;

export function reviewView(): View {
  let ctx: ViewContext;
  let canReview = false;
  let items: QueueItem[] = [];
  let total = 0;
  let endCursor: string | null = null;
  let selected: string | null = null;
  let sourceShown: string | null = null;
  const local = { labelOrType: '', minScore: '', maxScore: '' };
  const textPane = h('div.review-left');
  const factPane = h('div.review-right');
  const summary = h('p.review-summary', { 'aria-live': 'polite' });
  const results = h('div.review-results', { 'aria-live': 'polite' });
  const more = h('button.btn', { type: 'button', 'data-action': 'more' });

  function filter(): ProposalFilter {
    const s = ctx.store.state;
    const f: ProposalFilter = {};
    const status = s.status ?? 'proposed';
    if (status !== 'all') f.status = status;
    if (s.job) f.jobId = s.job;
    if (s.source) f.sourceId = s.source;
    if (s.program) f.programId = s.program;
    if (local.labelOrType.trim()) f.labelOrType = local.labelOrType.trim();
    if (local.minScore !== '') f.minScore = Number(local.minScore);
    if (local.maxScore !== '') f.maxScore = Number(local.maxScore);
    return f;
  }

  function filterBar(): HTMLElement {
    const s = ctx.store.state;
    const status = h(
      'select.select',
      { name: 'status' },
      STATUSES.map((v) => h('option', { value: v || 'all' }, t(`reviewq.status.${v || 'all'}` as never))),
    );
    status.value = s.status ?? 'proposed';
    const job = h('input.input', { name: 'job', value: s.job ?? '', placeholder: 'job:…' });
    const source = h('input.input', { name: 'source', value: s.source ?? '', placeholder: 'source:…' });
    const label = h('input.input', {
      name: 'labelOrType',
      value: local.labelOrType,
      placeholder: 'Enterprise / OWNER_OF',
    });
    const min = h('input.input', {
      name: 'minScore',
      type: 'number',
      step: '0.05',
      min: 0,
      max: 1,
      value: local.minScore,
    });
    const max = h('input.input', {
      name: 'maxScore',
      type: 'number',
      step: '0.05',
      min: 0,
      max: 1,
      value: local.maxScore,
    });
    const item = (text: string, control: HTMLElement) => h('label.filter-item', null, h('span', null, text), control);
    const filterAction = (decision: 'CONFIRM' | 'REJECT') => {
      const b = h('button.btn.btn-small', {
        type: 'button',
        'data-action': `filter-${decision.toLowerCase()}`,
        hidden: !canReview,
      });
      b.textContent = t(decision === 'CONFIRM' ? 'reviewq.confirmFilter' : 'reviewq.rejectFilter');
      b.addEventListener('click', () => {
        if (confirm(t('reviewq.filterAsk', { n: Math.min(total, 500) })))
          void review({ filter: { ...filter(), status: 'proposed' } }, decision);
      });
      return b;
    };
    return h(
      'form.review-filters',
      {
        'data-form': 'review-filter',
        onsubmit: (e: Event) => {
          e.preventDefault();
          local.labelOrType = label.value;
          local.minScore = min.value;
          local.maxScore = max.value;
          ctx.store.update({
            status: status.value,
            job: job.value.trim() || null,
            source: source.value.trim() || null,
          });
          void load(true);
        },
      },
      item(t('reviewq.filter.status'), status),
      item(t('reviewq.filter.job'), job),
      item(t('reviewq.filter.source'), source),
      item(t('reviewq.filter.label'), label),
      item(t('reviewq.filter.minScore'), min),
      item(t('reviewq.filter.maxScore'), max),
      h('button.btn.btn-primary.btn-small', { type: 'submit' }, t('reviewq.apply')),
      filterAction('CONFIRM'),
      filterAction('REJECT'),
    );
  }

  function select(id: string | null): void {
    selected = id;
    for (const card of factPane.querySelectorAll<HTMLElement>('.fact-card'))
      card.classList.toggle('selected', card.dataset.proposal === id);
    factPane
      .querySelector<HTMLElement>(`.fact-card[data-proposal="${CSS.escape(id ?? '')}"]`)
      ?.scrollIntoView({ block: 'nearest' });
    const item = items.find((i) => i.id === id);
    if (item?.sourceId && item.sourceId !== sourceShown)
      void showText(item.sourceId).then(() => selectMark(textPane, id));
    else selectMark(textPane, id);
  }

  async function showText(sourceId: string | null): Promise<void> {
    sourceShown = sourceId;
    if (!sourceId) return mount(textPane, h('p.muted', null, t('reviewq.noSource')));
    const { node } = await fetchSourceText(sourceId, ctx.signal);
    const text = node && 'text' in node ? node.text : null;
    if (sourceShown !== sourceId) return;
    if (!text) return mount(textPane, h('p.muted', null, t('reviewq.noText')));
    const spans = items
      .filter((i) => i.sourceId === sourceId && i.start != null && i.end != null)
      .map((i) => ({ id: i.id, start: i.start as number, end: i.end as number, status: i.status }));
    mount(
      textPane,
      h('h3.review-source', null, node?.name ?? sourceId),
      highlightedText(text, spans, (id) => select(id)),
    );
  }

  function renderFacts(): void {
    summary.textContent = t('reviewq.total', { shown: items.length, total });
    more.hidden = !endCursor;
    more.textContent = t('reviewq.more');
    mount(
      factPane,
      items.length
        ? factGroups(items, { review: (ids, d, edits) => void review({ ids }, d, edits), select, canReview })
        : h('p.muted', null, t('review.empty')),
    );
  }

  async function load(reset: boolean): Promise<void> {
    const page = await fetchQueue(filter(), PAGE, reset ? null : endCursor, ctx.signal);
    if (ctx.signal.aborted) return;
    const q = page.proposalQueue;
    items = reset ? q.nodes : [...items, ...q.nodes];
    total = q.totalCount;
    endCursor = q.hasMore ? q.endCursor : null;
    renderFacts();
    const sourceId =
      ctx.store.state.source ?? items.find((i) => i.id === selected)?.sourceId ?? items[0]?.sourceId ?? null;
    await showText(sourceId);
    if (selected) select(selected);
    document.body.dataset.reviewLoaded = String(items.length);
  }

  async function review(
    target: { ids: string[] } | { filter: ProposalFilter },
    decision: 'CONFIRM' | 'REJECT',
    edits?: Record<string, unknown>,
  ) {
    mount(results, h('p.muted', null, t('reviewq.working')));
    try {
      const out = (await reviewMany(target, decision, edits)).reviewProposals;
      const failed = out.filter((r) => r.error);
      // A confirmed program appears in the header's switcher.
      if (decision === 'CONFIRM' && failed.length < out.length) window.dispatchEvent(new Event('kg:programs-changed'));
      mount(
        results,
        h(
          'p.notice.notice-ok',
          { role: 'status' },
          t('reviewq.done', { ok: out.length - failed.length, failed: failed.length }),
        ),
        failed.length
          ? h(
              'ul.review-errors',
              null,
              failed.map((r) => h('li.notice.notice-error', null, `${r.id}: ${r.error}`)),
            )
          : null,
      );
      await load(true);
    } catch (error) {
      const message = describeError(error);
      mount(results, h('p.notice.notice-error', { role: 'alert' }, `${message.title} ${message.hint}`));
    }
  }

  async function render(): Promise<void> {
    if (!getToken()) {
      mount(ctx.page, h('div.page-inner', null, h('p.notice', { 'data-locked': 'review' }, t('ingest.needToken'))));
      return;
    }
    canReview = (await fetchViewer()).viewer.canReview;
    more.onclick = () => void load(false);
    mount(
      ctx.page,
      h(
        'div.review',
        null,
        filterBar(),
        h('div.review-status', null, summary, canReview ? null : h('span.muted', null, t('reviewq.readOnly')), results),
        h('div.review-panes', null, textPane, h('div.review-right-wrap', null, factPane, more)),
      ),
    );
    await load(true);
  }

  return {
    async mount(c) {
      ctx = c;
      ctx.setMode('page');
      ctx.setTitle(t('nav.review'), t('reviewq.subtitle'));
      await render();
      ctx.ready();
    },
    relabel() {
      ctx.setTitle(t('nav.review'), t('reviewq.subtitle'));
      void render();
    },
  };
}
