// The right-hand details panel: every property of the selected node or relationship and its
// citations, with actions (who is accountable, explore, path ends). Views put a summary here when
// nothing is selected.
import { fetchNodeDetails } from '../api/explore.js';
import { lang, t, tOr } from '../i18n/index.js';
import { TYPE_LOOK, type EntityTypeName } from '../canvas/palette.js';
import { briefingControl } from './briefing-export.js';
import { citationList, type CitationLike } from './citations.js';
import { h, mount } from './dom.js';
import { describeError } from './errors.js';

interface DetailsActions {
  openChain(id: string): void;
  accountable(id: string): void;
  explore(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
}

/** Properties shown elsewhere in the panel (title, chips, citations) or internal. */
const HIDDEN_PROPS = new Set([
  'id',
  'name',
  'nameEn',
  'aliases',
  'sources',
  'quote',
  'status',
  'confidence',
  'label',
  'subtitle',
  'citations',
  'source',
  'target',
  'type',
]);

function typeName(type: string): string {
  return tOr(`type.${type}`, type);
}

export function typeBadge(type: string): HTMLElement {
  const look = TYPE_LOOK[type as EntityTypeName];
  return h('span.type-badge', { style: look ? `--badge:${look.border}` : null }, typeName(type));
}

function propName(key: string): string {
  return tOr(`prop.${key}`, key);
}

function formatValue(value: unknown): string {
  if (value == null) return '—';
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join('、') : '—';
  if (typeof value === 'boolean') return value ? t('value.yes') : t('value.no');
  if (typeof value === 'number') return new Intl.NumberFormat(lang()).format(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function propertyTable(props: Record<string, unknown>): HTMLElement {
  const rows = Object.entries(props)
    .filter(
      ([key, value]) =>
        !HIDDEN_PROPS.has(key) &&
        value !== undefined &&
        !(typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0),
    )
    .sort(([a], [b]) => a.localeCompare(b));
  if (!rows.length) return h('p.muted', null, t('details.noProps'));
  return h(
    'dl.props',
    null,
    rows.map(([key, value]) => [h('dt', { title: key }, propName(key)), h('dd', null, formatValue(value))]),
  );
}

function chips(status?: unknown, confidence?: unknown): HTMLElement {
  return h(
    'div.chips',
    null,
    typeof status === 'string' ? h(`span.chip.chip-status-${status}`, null, tOr(`status.${status}`, status)) : null,
    typeof confidence === 'string'
      ? h(
          `span.chip.chip-conf-${confidence}`,
          null,
          t('details.confidence', { level: tOr(`conf.${confidence}`, confidence) }),
        )
      : null,
  );
}

export class DetailsPanel {
  /** Two tabs: the view's summary, and the details of the selection. */
  readonly el = h('div.side');
  private readonly tabs = h('div.side-tabs', { role: 'tablist' });
  private readonly summaryTab = h('button.side-tab', {
    type: 'button',
    role: 'tab',
    id: 'tab-summary',
    'aria-controls': 'pane-summary',
  });
  private readonly detailsTab = h('button.side-tab', {
    type: 'button',
    role: 'tab',
    id: 'tab-details',
    'aria-controls': 'pane-details',
  });
  private readonly summaryPane = h('div.side-pane', {
    role: 'tabpanel',
    id: 'pane-summary',
    'aria-labelledby': 'tab-summary',
  });
  /** The details pane (kept as `details` for tests and styles). */
  readonly details = h('div.side-pane.details', {
    role: 'tabpanel',
    id: 'pane-details',
    'aria-labelledby': 'tab-details',
    'aria-live': 'polite',
  });
  private summary: () => Node | null = () => null;
  private request = 0;

  constructor(private readonly actions: DetailsActions) {
    this.summaryTab.addEventListener('click', () => this.select('summary'));
    this.detailsTab.addEventListener('click', () => this.select('details'));
    this.tabs.append(this.summaryTab, this.detailsTab);
    this.el.append(this.tabs, this.summaryPane, this.details);
    this.relabel();
    this.clearDetails();
    this.select('summary');
  }

  relabel(): void {
    this.summaryTab.textContent = t('side.summary');
    this.detailsTab.textContent = t('side.details');
  }

  select(tab: 'summary' | 'details'): void {
    const summary = tab === 'summary';
    this.summaryTab.setAttribute('aria-selected', String(summary));
    this.detailsTab.setAttribute('aria-selected', String(!summary));
    this.summaryPane.hidden = !summary;
    this.details.hidden = summary;
    this.el.dataset.tab = tab;
  }

  /** What the summary tab shows (rebuilt on demand, so it follows the language). */
  setSummary(render: () => Node | null): void {
    this.summary = render;
    this.renderSummary();
  }

  renderSummary(): void {
    // Re-rendering replaces the elements: keep the keyboard focus on the same item.
    const focused = this.summaryPane.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
    const key = focused?.closest('[data-id]')?.getAttribute('data-id');
    const scroll = this.summaryPane.scrollTop;
    mount(this.summaryPane, this.summary() ?? h('p.muted.details-empty', null, t('details.pickSomething')));
    this.summaryPane.scrollTop = scroll;
    if (focused && key)
      (
        this.summaryPane.querySelector(
          `[data-id="${CSS.escape(key)}"] button, button[data-id="${CSS.escape(key)}"]`,
        ) as HTMLElement | null
      )?.focus();
  }

  /** Working in the summary (e.g. its tree) keeps it open; a selection made elsewhere shows the details. */
  private showDetailsTab(): void {
    if (!this.summaryPane.contains(document.activeElement)) this.select('details');
  }

  /** Back to the summary, forgetting the selection. */
  showSummary(): void {
    this.request++;
    this.clearDetails();
    this.renderSummary();
    this.select('summary');
  }

  private clearDetails(): void {
    mount(this.details, h('p.muted.details-empty', null, t('details.pickSomething')));
    this.details.dataset.showing = 'none';
  }

  async showNode(id: string, fallback?: Record<string, unknown>): Promise<void> {
    const request = ++this.request;
    this.details.dataset.showing = 'loading';
    this.showDetailsTab();
    mount(this.details, h('p.muted', null, t('status.loading')));
    try {
      const { node } = await fetchNodeDetails(id);
      if (request !== this.request) return;
      if (!node) {
        mount(
          this.details,
          h('p.muted', null, t('details.notFound', { id })),
          fallback ? propertyTable(fallback) : null,
        );
        return;
      }
      const props = {
        ...(node.data as Record<string, unknown>),
        ...('url' in node ? { url: node.url, publisher: node.publisher, publishedOn: node.publishedOn } : {}),
      };
      const primary = lang() === 'en' && node.nameEn ? node.nameEn : node.name;
      const secondary = lang() === 'en' ? node.name : node.nameEn;
      mount(
        this.details,
        h(
          'section.details-node',
          { 'data-id': node.id },
          h(
            'div.details-head',
            null,
            typeBadge(node.type),
            h('h2.details-title', null, primary),
            secondary && secondary !== primary ? h('p.details-sub', null, secondary) : null,
            chips(node.status, node.confidence),
          ),
          node.aliases.length
            ? h('p.details-aliases', null, `${t('details.aliases')}：${node.aliases.join('、')}`)
            : null,
          this.actionBar(node.id, node.type),
          h('h3.details-section', null, t('details.properties')),
          propertyTable(props),
          h('h3.details-section', null, t('details.citations', { n: node.citations.length })),
          citationList(node.citations),
        ),
      );
      this.details.dataset.showing = 'node';
      this.showDetailsTab();
    } catch (error) {
      if (request !== this.request) return;
      const message = describeError(error);
      mount(
        this.details,
        h('div.inline-error', { role: 'alert' }, h('strong', null, message.title), h('p', null, message.hint)),
      );
      this.details.dataset.showing = 'error';
    }
  }

  showEdge(data: Record<string, unknown>, names: { source: string; target: string }): void {
    this.request++;
    const citations = (Array.isArray(data.citations) ? data.citations : []) as CitationLike[];
    mount(
      this.details,
      h(
        'section.details-edge',
        null,
        h(
          'div.details-head',
          null,
          h('span.type-badge', null, t('details.relationship')),
          h('h2.details-title', null, String(data.label ?? data.type)),
          h('p.details-sub', null, `${names.source} → ${names.target}`),
          chips(data.status, data.confidence),
        ),
        h('h3.details-section', null, t('details.properties')),
        propertyTable({ relationType: data.type, ...data }),
        h('h3.details-section', null, t('details.citations', { n: citations.length })),
        citationList(citations),
      ),
    );
    this.details.dataset.showing = 'edge';
    this.select('details');
  }

  private actionBar(id: string, type: string): HTMLElement {
    const button = (label: string, run: () => void, name: string) =>
      h('button.btn.btn-small', { type: 'button', 'data-action': name, onclick: run }, label);
    return h(
      'div.details-actions',
      null,
      type === 'CHAIN'
        ? h(
            'button.btn.btn-small.btn-primary',
            { type: 'button', 'data-action': 'open-chain', onclick: () => this.actions.openChain(id) },
            t('action.openChain'),
          )
        : null,
      type !== 'LEADER' && type !== 'SOURCE' && type !== 'PERSON'
        ? button(t('action.accountable'), () => this.actions.accountable(id), 'accountable')
        : null,
      button(t('action.explore'), () => this.actions.explore(id), 'explore'),
      button(t('action.pathFrom'), () => this.actions.pathFrom(id), 'path-from'),
      button(t('action.pathTo'), () => this.actions.pathTo(id), 'path-to'),
      // A district's briefing: the chains with a carrier or firm in it, as of the page's date.
      type === 'DISTRICT' ? briefingControl({ scope: () => ({ kind: 'DISTRICT', id }) }) : null,
    );
  }
}
