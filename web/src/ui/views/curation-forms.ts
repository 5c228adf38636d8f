// Curation forms: CSV upload with per-row validation messages, proposing a fact with its source,
// and the admin review queue. Every form says what went wrong and what to fix.
import { fetchProposals, importCsv, proposeFact, reviewProposal } from '../../api/curation.js';
import type { Confidence, ImportCsvMutation, ImportKind, ProposalFieldsFragment } from '../../api/generated.js';
import { t } from '../../i18n/index.js';
import { citationList } from '../citations.js';
import { h, mount } from '../dom.js';
import { describeError } from '../errors.js';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function errorBox(error: unknown): HTMLElement {
  const message = describeError(error);
  return h('div.inline-error', { role: 'alert' }, h('strong', null, message.title), h('p', null, message.hint));
}

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 8)}`;
  control.id = id;
  return h('div.field', null, h('label', { for: id }, label), control, hint ? h('p.field-hint', null, hint) : null);
}

export function csvImportForm(): HTMLElement {
  const kind = h(
    'select.select',
    { name: 'csv-kind' },
    h('option', { value: '' }, t('csv.kind.auto')),
    h('option', { value: 'ENTERPRISES' }, t('csv.kind.enterprises')),
    h('option', { value: 'RELATIONSHIPS' }, t('csv.kind.relationships')),
  );
  // The browser's own file button speaks the browser's language; this one speaks the page's.
  const file = h('input.file-input', { type: 'file', name: 'csv-file', id: 'csv-file', accept: '.csv,text/csv' });
  const chosenName = h('span.file-name.muted', null, t('csv.noFile'));
  file.addEventListener('change', () => (chosenName.textContent = file.files?.[0]?.name ?? t('csv.noFile')));
  const filePicker = h('div.file-picker', null, file, h('label.btn', { for: 'csv-file' }, t('csv.choose')), chosenName);
  const result = h('div.form-result', { 'aria-live': 'polite' });
  const showResult = (answer: ImportCsvMutation['importCsv']) => {
    if (answer.errors.length) {
      mount(
        result,
        h('p.notice.notice-error', { role: 'alert' }, t('csv.problems', { n: answer.errors.length })),
        h(
          'table.data-table.csv-problems',
          null,
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, t('csv.row')),
              h('th', { scope: 'col' }, t('csv.field')),
              h('th', { scope: 'col' }, t('csv.message')),
            ),
          ),
          h(
            'tbody',
            null,
            answer.errors.map((p) =>
              h('tr', null, h('td.num', null, p.row ?? '—'), h('td', null, p.column ?? '—'), h('td', null, p.message)),
            ),
          ),
        ),
      );
    } else {
      mount(
        result,
        h(
          'p.notice.notice-ok',
          { role: 'status' },
          t('csv.written', {
            rows: answer.rows,
            nodes: answer.nodesWritten,
            rels: answer.relationshipsWritten,
            encoding: answer.encoding ?? '—',
          }),
        ),
      );
    }
  };
  const submit = async () => {
    const chosen = file.files?.[0];
    if (!chosen) return mount(result, h('p.notice.notice-error', { role: 'alert' }, t('csv.pickFile')));
    mount(result, h('p.muted', null, t('status.loading')));
    try {
      const { importCsv: answer } = await importCsv(
        await toBase64(chosen),
        (kind.value || null) as ImportKind | null,
        chosen.name,
      );
      showResult(answer);
    } catch (error) {
      mount(result, errorBox(error));
    }
  };
  return h(
    'form.card.form',
    {
      'data-form': 'csv',
      onsubmit: (e: Event) => {
        e.preventDefault();
        void submit();
      },
    },
    h('h2.card-title', null, t('csv.title')),
    h('p.muted', null, t('csv.about')),
    field(t('csv.kind'), kind),
    h(
      'div.field',
      null,
      h('span.field-title', null, t('csv.file')),
      filePicker,
      h('p.field-hint', null, t('csv.fileHint')),
    ),
    h(
      'div.form-actions',
      null,
      h('button.btn.btn-primary', { type: 'submit', 'data-action': 'csv-import' }, t('csv.import')),
      h('span.muted', null, t('csv.templates')),
    ),
    result,
  );
}

export function proposalForm(): HTMLElement {
  const kind = h(
    'select.select',
    { name: 'fact-kind' },
    h('option', { value: 'node' }, t('propose.kind.node')),
    h('option', { value: 'relationship' }, t('propose.kind.relationship')),
  );
  const nodeId = h('input.input', { name: 'node-id', placeholder: 'ent:example-firm' });
  const props = h('textarea.code', { name: 'properties', rows: 3, placeholder: '{"name": "示例企业", "local": true}' });
  const relType = h('input.input', { name: 'rel-type', placeholder: 'IN_SEGMENT' });
  const relFrom = h('input.input', { name: 'rel-from', placeholder: 'ent:…' });
  const relTo = h('input.input', { name: 'rel-to', placeholder: 'segment:…' });
  const sources = h('input.input', { name: 'sources', placeholder: 'source:s1', required: true });
  const quote = h('textarea.input', { name: 'quote', rows: 2, required: true });
  const confidence = h(
    'select.select',
    { name: 'confidence' },
    ['MEDIUM', 'HIGH', 'LOW'].map((c) => h('option', { value: c }, t(`conf.${c.toLowerCase()}` as never))),
  );
  const comment = h('input.input', { name: 'comment' });
  const result = h('div.form-result', { 'aria-live': 'polite' });
  const nodeFields = h(
    'div.field-row',
    null,
    field(t('propose.nodeId'), nodeId),
    field(t('propose.properties'), props, t('propose.propertiesHint')),
  );
  const relFields = h(
    'div.field-row',
    { hidden: true },
    field(t('propose.relType'), relType),
    field(t('propose.from'), relFrom),
    field(t('propose.to'), relTo),
  );
  kind.addEventListener('change', () => {
    nodeFields.hidden = kind.value !== 'node';
    relFields.hidden = kind.value === 'node';
  });
  const submit = async () => {
    let properties: unknown = {};
    if (kind.value === 'node') {
      try {
        properties = JSON.parse(props.value || '{}');
      } catch {
        return mount(result, h('p.notice.notice-error', { role: 'alert' }, t('propose.badJson')));
      }
    }
    try {
      const { proposeFact: proposal } = await proposeFact({
        node: kind.value === 'node' ? { id: nodeId.value.trim(), properties } : undefined,
        relationship:
          kind.value === 'node'
            ? undefined
            : { type: relType.value.trim(), from: relFrom.value.trim(), to: relTo.value.trim() },
        sources: sources.value.split(/[,，\s]+/).filter(Boolean),
        quote: quote.value.trim(),
        confidence: confidence.value as Confidence,
        comment: comment.value.trim() || undefined,
      });
      mount(result, h('p.notice.notice-ok', { role: 'status' }, t('propose.done', { id: proposal.id })));
    } catch (error) {
      mount(result, errorBox(error));
    }
  };
  return h(
    'form.card.form',
    {
      'data-form': 'propose',
      onsubmit: (e: Event) => {
        e.preventDefault();
        void submit();
      },
    },
    h('h2.card-title', null, t('propose.title')),
    h('p.muted', null, t('propose.about')),
    field(t('propose.kind'), kind),
    nodeFields,
    relFields,
    h(
      'div.field-row',
      null,
      field(t('propose.sources'), sources, t('propose.sourcesHint')),
      field(t('propose.confidence'), confidence),
    ),
    field(t('propose.quote'), quote, t('propose.quoteHint')),
    field(t('propose.comment'), comment),
    h('div.form-actions', null, h('button.btn.btn-primary', { type: 'submit' }, t('propose.submit'))),
    result,
  );
}

export function reviewQueue(): HTMLElement {
  const list = h('div.review-list', { 'aria-live': 'polite' });
  const load = async () => {
    mount(list, h('p.muted', null, t('status.loading')));
    try {
      const { proposals } = await fetchProposals('proposed', 50);
      mount(
        list,
        proposals.length ? h('ul.review-items', null, proposals.map(item)) : h('p.muted', null, t('review.empty')),
      );
    } catch (error) {
      mount(list, errorBox(error));
    }
  };
  const item = (p: ProposalFieldsFragment) => {
    const note = h('input.input', {
      name: `review-${p.id}`,
      placeholder: t('review.comment'),
      'aria-label': t('review.comment'),
    });
    const decide = async (decision: 'CONFIRM' | 'REJECT') => {
      try {
        await reviewProposal(p.id, decision, note.value.trim());
        await load();
      } catch (error) {
        li.append(errorBox(error));
      }
    };
    const li = h(
      'li.review-item',
      { 'data-id': p.id },
      h(
        'div.review-head',
        null,
        h('strong', null, p.target),
        h('span.chip', null, p.kind),
        h('span.muted', null, `${p.proposedBy} · ${p.proposedAt.slice(0, 16).replace('T', ' ')}`),
      ),
      h('pre.code', null, JSON.stringify(p.fact, null, 2)),
      p.comment ? h('p', null, p.comment) : null,
      citationList(p.citations),
      h(
        'div.form-actions',
        null,
        note,
        h('button.btn.btn-primary', { type: 'button', onclick: () => void decide('CONFIRM') }, t('review.confirm')),
        h('button.btn.btn-danger', { type: 'button', onclick: () => void decide('REJECT') }, t('review.reject')),
      ),
    );
    return li;
  };
  void load();
  return h(
    'section.card',
    { 'data-form': 'review' },
    h('h2.card-title', null, t('review.title')),
    h('p.muted', null, t('review.about')),
    list,
  );
}
