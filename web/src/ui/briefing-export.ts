// The 导出简报 control of the chain and responsibility views and of a district's details: format (PDF only where the server has
// Chromium; otherwise the option says why), the change period's start, then the server builds the
// briefing and the browser follows its single-use download link (no bearer header needed there).
import { currentAsOf } from '../api/as-of.js';
import { exportBriefing, fetchBriefingFormats } from '../api/briefing.js';
import type { BriefingScopeInput } from '../api/generated.js';
import { lang, t } from '../i18n/index.js';
import { h } from './dom.js';

export interface BriefingTarget {
  scope: () => BriefingScopeInput | null;
  /** The date the view answers for (the responsibility view's date); default the page's date (?asOf=). */
  asOf?: () => string | null;
}

export function briefingControl(target: BriefingTarget): HTMLElement {
  const format = h(
    'select.input',
    { name: 'briefing-format', 'aria-label': t('briefing.format') },
    h('option', { value: 'DOCX' }, 'DOCX'),
    h('option', { value: 'PDF' }, 'PDF'),
  );
  const since = h('input.input', { type: 'date', name: 'briefing-since', 'aria-label': t('briefing.since') });
  const status = h('p.muted.briefing-status', { role: 'status' });
  const note = h('p.muted.briefing-note');
  const go = h('button.btn.btn-primary', { type: 'submit', 'data-action': 'briefing-go' }, t('briefing.go'));
  const form = h(
    'form.briefing-form',
    {
      onsubmit: (e: Event) => {
        e.preventDefault();
        void run();
      },
    },
    h('label.field-inline', null, h('span.field-label', null, t('briefing.format')), format),
    h('label.field-inline', null, h('span.field-label', null, t('briefing.since')), since),
    go,
    note,
    status,
  );
  const box = h(
    'details.briefing-export',
    {
      ontoggle: () => {
        if (box.open) void checkFormats();
      },
    },
    h('summary.btn', { 'data-action': 'briefing' }, t('briefing.export')),
    form,
  );
  let checked = false;

  async function checkFormats(): Promise<void> {
    if (checked) return;
    checked = true;
    const { briefingFormats } = await fetchBriefingFormats().catch(() => ({ briefingFormats: null }));
    if (briefingFormats && !briefingFormats.pdf) {
      const pdf = format.querySelector<HTMLOptionElement>('option[value="PDF"]')!;
      pdf.disabled = true;
      pdf.textContent = `PDF (${t('briefing.pdfUnavailable', { message: '' }).replace(/[:：]\s*$/, '')})`;
      note.textContent = t('briefing.pdfUnavailable', { message: briefingFormats.pdfMessage ?? '' });
    }
  }

  async function run(): Promise<void> {
    const scope = target.scope();
    if (!scope) {
      status.textContent = t('briefing.noScope');
      return;
    }
    go.disabled = true;
    status.textContent = t('briefing.working');
    try {
      const { briefing } = await exportBriefing({
        scope,
        asOf: (target.asOf ? target.asOf() : null) ?? currentAsOf(),
        since: since.value || null,
        lang: lang() === 'en' ? 'EN' : 'ZH',
        format: format.value === 'PDF' ? 'PDF' : 'DOCX',
      });
      const link = h('a', { href: briefing.url, download: briefing.fileName }, briefing.fileName);
      document.body.append(link);
      link.click();
      link.remove();
      status.textContent = t('briefing.done', { file: briefing.fileName });
    } catch (error) {
      status.textContent = t('briefing.failed', { message: (error as Error).message });
    } finally {
      go.disabled = false;
    }
  }

  return box;
}
