// The report screen of a finished registry job: rows by action, why rows were skipped, placements by
// chain and score band (tallied from every report page, read with the cursor), the way to the review
// queue filtered to the job, undo of the whole job, and the confident placements (registry-placements.ts).
import type { Job } from '../../api/ingestion.js';
import {
  fetchReportPage,
  fetchSegmentChains,
  type ReportPage,
  type SegmentInfo,
  undoImportJob,
} from '../../api/registry.js';
import { formatNumber, pickName, t } from '../../i18n/index.js';
import { h, mount } from '../dom.js';
import { describeError } from '../errors.js';
import type { ViewContext } from '../view-context.js';
import { BANDS, ReportTally, WRITTEN } from './registry-report-data.js';
import { confidentList } from './registry-placements.js';

const PAGE = 1000;

async function readReport(ctx: ViewContext, jobId: string, slot: HTMLElement): Promise<ReportTally | null> {
  const tally = new ReportTally();
  let after: string | null = null;
  for (;;) {
    const page: ReportPage | null | undefined = (await fetchReportPage(jobId, PAGE, after, ctx.signal)).importJob
      ?.report;
    if (!page) return null;
    tally.add(page.rows);
    mount(slot, h('p.muted', { role: 'status' }, t('regimp.reportLoading', { n: tally.rows, total: page.totalCount })));
    if (!page.hasMore || !page.endCursor) return tally;
    after = page.endCursor;
  }
}

/** The segments the report names, with their chain (nodes(ids) in slices of 500). */
async function segmentInfo(ctx: ViewContext, ids: string[]): Promise<Map<string, SegmentInfo>> {
  const out = new Map<string, SegmentInfo>();
  for (let i = 0; i < ids.length; i += 500) {
    const { nodes } = await fetchSegmentChains(ids.slice(i, i + 500), ctx.signal);
    for (const n of nodes) if (n && 'id' in n) out.set(n.id, n as SegmentInfo);
  }
  return out;
}

function countsList(tally: ReportTally): HTMLElement {
  return h(
    'dl.report-counts',
    { 'data-report': 'counts' },
    Object.entries(tally.actions).map(([action, n]) =>
      h('div', { 'data-action-count': action }, h('dt', null, t(`regimp.action.${action}` as never)), h('dd', null, n)),
    ),
  );
}

function skipList(tally: ReportTally): HTMLElement {
  if (!tally.skipReasons.size) return h('p.muted', { 'data-report': 'skips' }, t('regimp.noSkips'));
  return h(
    'ul.report-skips',
    { 'data-report': 'skips' },
    [...tally.skipReasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => h('li', null, `${n} × ${reason}`)),
  );
}

function chainTable(tally: ReportTally, segments: Map<string, SegmentInfo>): HTMLElement {
  const byChain = tally.byChain((id) => segments.get(id)?.chain?.id ?? null);
  if (!byChain.size) return h('p.muted', null, t('regimp.noPlacements'));
  const chainName = new Map<string, string>();
  for (const s of segments.values()) if (s.chain) chainName.set(s.chain.id, pickName(s.chain));
  const rows = [...byChain].sort((a, b) => b[1].total - a[1].total);
  return h(
    'table.data-table.report-chains',
    { 'data-report': 'chains' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, t('regimp.col.chain')),
        BANDS.map(([, label]) => h('th.num', { scope: 'col' }, label)),
        WRITTEN.map((w) => h('th.num', { scope: 'col' }, t(`regimp.written.${w}` as never))),
        h('th.num', { scope: 'col' }, t('regimp.col.total')),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map(([chain, sum]) =>
        h(
          'tr',
          { 'data-chain': chain ?? 'unknown' },
          h('td', null, chain ? (chainName.get(chain) ?? chain) : t('regimp.unknownChain')),
          sum.bands.map((n) => h('td.num', null, n)),
          WRITTEN.map((w) => h('td.num', null, sum.written[w] ?? 0)),
          h('td.num', null, sum.total),
        ),
      ),
    ),
  );
}

function actions(ctx: ViewContext, job: Job, dryRun: boolean): HTMLElement {
  const out = h('div.report-undo', { 'aria-live': 'polite' });
  const review = h(
    'button.btn.btn-primary',
    {
      type: 'button',
      'data-action': 'open-review',
      onclick: () =>
        ctx.store.update({ view: 'review', job: job.id, source: null, status: 'proposed' }, { push: true }),
    },
    t('regimp.openReview'),
  );
  const undo = h('button.btn', { type: 'button', 'data-action': 'undo-job' }, t('regimp.undo'));
  undo.addEventListener('click', async () => {
    if (!confirm(t('regimp.undoAsk'))) return;
    undo.disabled = true;
    try {
      const r = (await undoImportJob(job.id)).undoImportJob;
      mount(
        out,
        h(
          'p.notice.notice-ok',
          { role: 'status', 'data-undone': job.id },
          t('regimp.undone', {
            enterprises: r.enterprises,
            relationships: r.relationships,
            proposals: r.proposals,
            sources: r.sources,
          }),
        ),
      );
    } catch (error) {
      undo.disabled = false;
      mount(out, h('p.notice.notice-error', { role: 'alert' }, describeError(error).hint));
    }
  });
  if (dryRun) return h('div.form-actions', null, h('p.notice', null, t('regimp.dryRunNote')));
  return h('div', null, h('div.form-actions', null, review, undo), out);
}

/** Reads the whole report of a finished job into `slot` and draws the report screen. */
export async function reportSection(ctx: ViewContext, job: Job, slot: HTMLElement): Promise<void> {
  try {
    const tally = await readReport(ctx, job.id, slot);
    if (ctx.signal.aborted) return;
    if (!tally) return mount(slot, h('p.muted', null, t('regimp.noReport')));
    const segments = await segmentInfo(ctx, [...tally.bySegment.keys()]);
    if (ctx.signal.aborted) return;
    // A dry run stores no Source (nothing was written), so its job has no sourceId.
    const dryRun = !job.sourceId;
    mount(
      slot,
      h(
        'section.card.registry-report',
        { 'data-report-job': job.id },
        h('h2.card-title', null, t('regimp.report')),
        h('p', null, t('regimp.rows', { n: formatNumber(tally.rows) })),
        countsList(tally),
        h('h3', null, t('regimp.skipReasons')),
        skipList(tally),
        h('h3', null, t('regimp.byChain')),
        chainTable(tally, segments),
        actions(ctx, job, dryRun),
      ),
      dryRun ? null : confidentList(tally.confident, segments),
    );
  } catch (error) {
    if (!ctx.signal.aborted) mount(slot, h('p.notice.notice-error', { role: 'alert' }, describeError(error).hint));
  }
}
