// The header's time controls: the day the whole page looks at (?asOf=, empty = today), which views
// pass to every "as it stood then" question, and the "changes since" panel (自…以来的变化): what the
// graph learned since a day, in the chain or program looked at, each change with its source.
import { setCurrentAsOf } from '../api/as-of.js';
import { fetchChanges } from '../api/changes.js';
import type { ChangesQuery } from '../api/generated.js';
import { lang, t, type MessageKey } from '../i18n/index.js';
import { h } from './dom.js';
import type { Store } from './url-state.js';

type Change = ChangesQuery['changes']['changes'][number];

/** A day `days` before today in Asia/Shanghai, as YYYY-MM-DD. */
function shanghaiDay(daysBack = 0): string {
  const now = new Date(Date.now() - daysBack * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

export class AsOfControl {
  readonly el: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly label: HTMLElement;
  private readonly today: HTMLButtonElement;
  private readonly toggle: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly since: HTMLInputElement;
  private readonly sinceLabel: HTMLElement;
  private readonly list: HTMLElement;
  private abort: AbortController | null = null;

  constructor(private readonly store: Store) {
    setCurrentAsOf(store.state.asOf);
    this.label = h('span.as-of-label');
    this.input = h('input.input.as-of-input', {
      type: 'date',
      name: 'asOf',
      max: shanghaiDay(),
      value: store.state.asOf ?? '',
      'data-testid': 'as-of',
    });
    this.input.addEventListener('change', () => store.update({ asOf: this.input.value || null }));
    this.today = h('button.btn.btn-ghost.as-of-today', {
      type: 'button',
      onclick: () => store.update({ asOf: null }),
    });
    this.toggle = h('button.btn.btn-ghost.changes-toggle', {
      type: 'button',
      'aria-expanded': 'false',
      'data-testid': 'changes-toggle',
      onclick: () => this.setOpen(this.panel.hidden),
    });
    this.sinceLabel = h('span');
    this.since = h('input.input', {
      type: 'date',
      name: 'since',
      value: shanghaiDay(30),
      'data-testid': 'changes-since',
    });
    this.since.addEventListener('change', () => void this.load());
    this.list = h('ol.changes-list', { 'aria-live': 'polite' });
    this.panel = h(
      'section.changes-panel',
      { hidden: true, 'data-testid': 'changes-panel' },
      h('label.changes-since', null, this.sinceLabel, this.since),
      this.list,
    );
    this.el = h(
      'div.as-of-control',
      null,
      h('label.as-of', null, this.label, this.input),
      this.today,
      this.toggle,
      this.panel,
    );
    // Scope the operations before any view reads the new state (registered before the app's listener).
    store.subscribe((state, previous) => {
      if (state.asOf !== previous.asOf) {
        setCurrentAsOf(state.asOf);
        this.input.value = state.asOf ?? '';
        this.relabel();
      }
      if (!this.panel.hidden && (state.chain !== previous.chain || state.program !== previous.program))
        void this.load();
    });
    this.relabel();
  }

  relabel(): void {
    this.label.textContent = t('asOf.label');
    this.today.textContent = t('asOf.today');
    this.today.hidden = !this.store.state.asOf;
    this.toggle.textContent = t('changes.toggle');
    this.sinceLabel.textContent = t('changes.since');
    if (!this.panel.hidden) void this.load();
  }

  private setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    if (open) void this.load();
  }

  private scope() {
    const { chain, program } = this.store.state;
    if (chain) return { chainId: chain };
    if (program) return { programId: program };
    return null;
  }

  async load(): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const since = this.since.value || shanghaiDay(30);
    this.list.replaceChildren(h('li.muted', null, t('status.loadingShort')));
    try {
      const { changes } = await fetchChanges({ since, scope: this.scope() }, abort.signal);
      if (abort.signal.aborted) return;
      const rows = changes.changes.map((c) => this.item(c));
      if (!rows.length) rows.push(h('li.muted', null, t('changes.none', { date: since })));
      if (changes.truncated) rows.push(h('li.muted', null, t('changes.truncated')));
      this.list.replaceChildren(...rows);
    } catch (error) {
      if (!abort.signal.aborted) this.list.replaceChildren(h('li.notice', null, (error as Error).message));
    }
  }

  private item(c: Change): HTMLElement {
    const when = c.at.slice(0, 16).replace('T', ' ');
    const sources = c.citations.map((cite) =>
      h('li.changes-source', null, cite.source.name, cite.quote ? h('q', null, cite.quote) : null),
    );
    return h(
      'li.changes-item',
      { 'data-kind': c.kind, 'data-target': c.target },
      h('span.changes-kind', null, t(`changes.kind.${c.kind}` as MessageKey)),
      h('span.changes-name', null, c.name),
      h('span.changes-meta', null, `${when} · ${c.labelOrType}${c.who ? ` · ${c.who}` : ''}`),
      c.retiredReason ? h('span.changes-reason', null, c.retiredReason) : null,
      sources.length
        ? h('ul.changes-sources', { lang: lang() === 'en' ? 'zh-CN' : undefined }, sources)
        : h('span.notice', null, t('changes.noSource')),
    );
  }
}
