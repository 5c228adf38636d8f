// 文档导入: an editor sends a document (dropped or picked file, or pasted text) with its title, URL,
// publisher, date and program; the page follows the import job to its end and leads to the review queue.
import { fetchJob, fetchPrograms, ingestDocument, type Job } from '../../api/ingestion.js';
import { getToken } from '../../api/session.js';
import { pickName, t } from '../../i18n/index.js';
import { h, mount } from '../dom.js';
import { dropZone } from '../drop-zone.js';
import { jobPanel } from '../job-status.js';
import { describeError } from '../errors.js';
import type { View, ViewContext } from '../view-context.js';

const ACCEPT = '.html,.htm,.docx,.pdf,.txt,text/html,text/plain,application/pdf';
const POLL_MS = 250;

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id ||= `f-${Math.random().toString(36).slice(2, 8)}`;
  return h(
    'div.field',
    null,
    h('label', { for: control.id }, label),
    control,
    hint ? h('p.field-hint', null, hint) : null,
  );
}

export function ingestView(): View {
  let ctx: ViewContext;

  function ingestPanel(job: Job, alreadyIngested: boolean): HTMLElement {
    const done = job.status === 'DONE';
    const reviewLink = h('button.btn.btn-primary', {
      type: 'button',
      'data-action': 'open-review',
      onclick: () =>
        ctx.store.update(
          {
            view: 'review',
            // A job that filed nothing new (all skipped) leads to the document's earlier proposals.
            job: alreadyIngested || job.counts.proposals === 0 ? null : job.id,
            source: job.sourceId ?? null,
            status: 'proposed',
          },
          { push: true },
        ),
    });
    reviewLink.textContent = t('ingest.openReview');
    return jobPanel(
      job,
      alreadyIngested ? h('p.notice', null, t('ingest.already')) : null,
      done
        ? h(
            'p.notice.notice-ok',
            { role: 'status' },
            t('ingest.counts', {
              facts: job.counts.facts,
              proposals: job.counts.proposals,
              skipped: job.counts.skipped,
              reproposed: job.counts.reproposed,
            }),
          )
        : null,
      done ? h('div.form-actions', null, reviewLink) : null,
    );
  }

  async function follow(first: Job, alreadyIngested: boolean, panel: HTMLElement): Promise<void> {
    let job = first;
    mount(panel, ingestPanel(job, alreadyIngested));
    panel.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    while (job.status === 'QUEUED' || job.status === 'RUNNING') {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (ctx.signal.aborted) return;
      const next = (await fetchJob(job.id, ctx.signal)).importJob;
      if (!next) break;
      job = next;
      mount(panel, ingestPanel(job, alreadyIngested));
    }
    if (job.status === 'DONE') window.dispatchEvent(new Event('kg:programs-changed'));
  }

  async function form(): Promise<HTMLElement> {
    const programs = await fetchPrograms().then(
      (r) => r.programs,
      () => [],
    );
    let file: File | null = null;
    const { drop, input: fileInput } = dropZone(
      'document',
      ACCEPT,
      { title: t('ingest.drop'), hint: t('ingest.dropHint'), noFile: t('ingest.noFile') },
      (f) => {
        file = f;
        if (f && !title.value) title.value = f.name.replace(/\.[^.]+$/, '');
      },
    );
    const text = h('textarea.input', { name: 'text', rows: 5, placeholder: t('ingest.textPlaceholder') });
    const title = h('input.input', { name: 'title', required: true });
    const url = h('input.input', { name: 'url', type: 'url', placeholder: 'https://…' });
    const publisher = h('input.input', { name: 'publisher' });
    const publishedOn = h('input.input', { name: 'publishedOn', type: 'date' });
    const program = h(
      'select.select',
      { name: 'programId' },
      h('option', { value: '' }, t('ingest.programAuto')),
      programs.map((p) => h('option', { value: p.id }, pickName(p))),
    );
    const force = h('input', { type: 'checkbox', name: 'force' });
    const result = h('div.form-result', { 'aria-live': 'polite' });
    const submit = async () => {
      const pasted = text.value.trim();
      if (!file && !pasted) return mount(result, h('p.notice.notice-error', { role: 'alert' }, t('ingest.nothing')));
      if (!title.value.trim()) return mount(result, h('p.notice.notice-error', { role: 'alert' }, t('ingest.noTitle')));
      mount(result, h('p.muted', { role: 'status' }, t('ingest.sending')));
      try {
        const { ingestDocument: ingestion } = await ingestDocument(
          {
            title: title.value.trim(),
            text: file ? null : pasted,
            url: url.value.trim() || null,
            publisher: publisher.value.trim() || null,
            publishedOn: publishedOn.value || null,
            programId: program.value || null,
            force: force.checked,
          },
          file,
        );
        await follow(ingestion.job, ingestion.alreadyIngested, result);
        result.scrollIntoView({ block: 'end' });
      } catch (error) {
        const message = describeError(error);
        mount(result, h('p.notice.notice-error', { role: 'alert' }, `${message.title} ${message.hint}`));
      }
    };
    return h(
      'form.card.form.ingest-form',
      {
        'data-form': 'ingest',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void submit();
        },
      },
      h('h2.card-title', null, t('ingest.title')),
      h('p.muted', null, t('ingest.about')),
      drop,
      fileInput,
      field(t('ingest.text'), text),
      h(
        'div.field-row',
        null,
        field(t('ingest.docTitle'), title),
        field(t('ingest.url'), url),
        field(t('ingest.publisher'), publisher),
        field(t('ingest.publishedOn'), publishedOn, t('ingest.publishedOnHint')),
        field(t('ingest.program'), program),
      ),
      h('label.check', null, force, ` ${t('ingest.force')}`),
      h(
        'div.form-actions',
        null,
        h('button.btn.btn-primary', { type: 'submit', 'data-action': 'ingest' }, t('ingest.submit')),
      ),
      result,
    );
  }

  async function render(): Promise<void> {
    const inner = h('div.page-inner.ingest');
    if (!getToken()) {
      mount(inner, h('p.notice', { 'data-locked': 'ingest' }, t('ingest.needToken')));
    } else {
      mount(inner, await form());
    }
    mount(ctx.page, inner);
  }

  return {
    async mount(c) {
      ctx = c;
      ctx.setMode('page');
      ctx.setTitle(t('nav.ingest'), t('ingest.subtitle'));
      await render();
      ctx.ready();
    },
    relabel() {
      ctx.setTitle(t('nav.ingest'), t('ingest.subtitle'));
      void render();
    },
  };
}
