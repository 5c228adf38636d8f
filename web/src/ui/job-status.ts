// How an import job stands, as the upload views show it: title, progress bar, status and the job's
// message (an alert when it failed). Each view adds what follows (counts, links) to the panel.
import type { Job } from '../api/ingestion.js';
import { t } from '../i18n/index.js';
import { h } from './dom.js';

export function jobPanel(job: Job, ...more: (Node | null)[]): HTMLElement {
  const pct = Math.round(job.progress * 100);
  const failed = job.status === 'FAILED';
  return h(
    'section.card.job-panel',
    { 'data-job': job.id, 'data-status': job.status },
    h('h2.card-title', null, t('ingest.job')),
    h(
      'div.job-progress',
      { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct },
      h('div.job-progress-bar', { style: `width:${pct}%` }),
    ),
    h('p', null, `${t(`ingest.status.${job.status}` as never)} · ${pct}%`),
    job.message
      ? h(failed ? 'p.notice.notice-error' : 'p.muted', { role: failed ? 'alert' : null }, job.message)
      : null,
    ...more,
  );
}
