// 名录导入: an editor sends a registry export (CSV/XLSX, picked or dropped) for the current program,
// optionally as a dry run; the page follows the job to its end and then shows its report
// (registry-report.ts). The job id stays in the URL (?job=), so a report can be reopened by link.
import { fetchJob, fetchPrograms, type Job } from '../../api/ingestion.js';
import { currentProgram } from '../../api/program-scope.js';
import { importRegistry } from '../../api/registry.js';
import { getToken } from '../../api/session.js';
import { pickName, t } from '../../i18n/index.js';
import { h, mount } from '../dom.js';
import { dropZone } from '../drop-zone.js';
import { jobPanel } from '../job-status.js';
import { describeError } from '../errors.js';
import type { View, ViewContext } from '../view-context.js';
import { reportSection } from './registry-report.js';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const POLL_MS = 250;

export function registryImportView(): View {
  let ctx: ViewContext;
  const result = h('div.form-result', { 'aria-live': 'polite' });
  // Each follow() owns the result area until a newer one starts (a new upload, or a relabel).
  let following = 0;

  /** Polls the job until it ends, then shows its report under the panel. */
  async function follow(first: Job): Promise<void> {
    let job = first;
    const mine = ++following;
    const panel = h('div.job-slot');
    const report = h('div.report-slot');
    mount(result, panel, report);
    mount(panel, jobPanel(job));
    while (job.status === 'QUEUED' || job.status === 'RUNNING') {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (ctx.signal.aborted || mine !== following) return;
      const next = (await fetchJob(job.id, ctx.signal)).importJob;
      if (!next || mine !== following) break;
      job = next;
      mount(panel, jobPanel(job));
    }
    if (job.status === 'DONE' && mine === following) await reportSection(ctx, job, report);
  }

  async function form(): Promise<HTMLElement> {
    const programs = await fetchPrograms().then(
      (r) => r.programs,
      () => [],
    );
    let file: File | null = null;
    const { drop, input } = dropZone(
      'registry',
      ACCEPT,
      { title: t('regimp.drop'), hint: t('regimp.dropHint'), noFile: t('regimp.noFile') },
      (f) => {
        file = f;
      },
    );
    const program = h(
      'select.select',
      { name: 'programId', id: 'registry-program' },
      h('option', { value: '' }, t('regimp.programDefault')),
      programs.map((p) => h('option', { value: p.id }, pickName(p))),
    );
    program.value = currentProgram() ?? '';
    const dryRun = h('input', { type: 'checkbox', name: 'dryRun' });
    const error = (text: string) => mount(result, h('p.notice.notice-error', { role: 'alert' }, text));
    const submit = async () => {
      if (!file) return error(t('regimp.nothing'));
      if (!/\.(csv|xlsx)$/i.test(file.name)) return error(t('regimp.badType', { name: file.name }));
      mount(result, h('p.muted', { role: 'status' }, t('regimp.sending')));
      try {
        const job = (await importRegistry(file, program.value || null, dryRun.checked)).importRegistry;
        ctx.store.update({ job: job.id }, { silent: true });
        await follow(job);
      } catch (e) {
        const message = describeError(e);
        error(`${t('regimp.failed')}：${message.hint}`);
      }
    };
    return h(
      'form.card.form.registry-form',
      {
        'data-form': 'registry-import',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void submit();
        },
      },
      h('h2.card-title', null, t('regimp.title')),
      h('p.muted', null, t('regimp.about')),
      drop,
      input,
      h(
        'div.field-row',
        null,
        h('div.field', null, h('label', { for: 'registry-program' }, t('regimp.program')), program),
      ),
      h('label.check', null, dryRun, ` ${t('regimp.dryRun')}`),
      h(
        'div.form-actions',
        null,
        h('button.btn.btn-primary', { type: 'submit', 'data-action': 'import-registry' }, t('regimp.submit')),
      ),
    );
  }

  async function render(): Promise<void> {
    const inner = h('div.page-inner.registry-import');
    if (!getToken()) {
      mount(inner, h('p.notice', { 'data-locked': 'registry-import' }, t('ingest.needToken')));
      mount(ctx.page, inner);
      return;
    }
    mount(inner, await form(), result);
    mount(ctx.page, inner);
    const jobId = ctx.store.state.job;
    if (jobId) {
      const job = (await fetchJob(jobId, ctx.signal).catch(() => null))?.importJob;
      // Not awaited: the view is ready while a running job is still being followed.
      if (job && !ctx.signal.aborted) void follow(job);
    }
  }

  const title = () => ctx.setTitle(t('nav.registry-import'), t('regimp.subtitle'));
  return {
    async mount(c) {
      ctx = c;
      ctx.setMode('page');
      title();
      await render();
      ctx.ready();
    },
    relabel() {
      title();
      void render();
    },
  };
}
