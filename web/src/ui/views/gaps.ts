// Gaps and targets: the chain's segments coloured by gap status above a drawer with the gap table
// (select a row to see the segment and its evidence in the graph), target recommendations whose
// reasons draw their paths on demand, goal progress with its observations, and the pipeline board.
import { fetchGaps, fetchGoals, fetchPipeline, fetchRecommendations } from '../../api/analysis.js';
import { fetchChain, fetchChainList } from '../../api/chain.js';
import type { ChainListQuery } from '../../api/generated.js';
import { pickName, t } from '../../i18n/index.js';
import { sliceElements, type Slice } from '../../canvas/elements.js';
import { prewarmElk } from '../../canvas/layouts.js';
import { h, mount } from '../dom.js';
import { describeError, isForbidden } from '../errors.js';
import type { AppState } from '../url-state.js';
import type { View, ViewContext } from '../view-context.js';
import { CHILD_TO_PARENT, chainElements, type ChainData } from './chain-elements.js';
import { chainSelect, labelled } from './controls.js';
import { gapTable, goalList, pipelineBoard, recommendationList, type Gap } from './gaps-panels.js';

const TABS = ['table', 'recommend', 'goals', 'pipeline'] as const;
type Tab = (typeof TABS)[number];

export function gapsView(): View {
  let ctx: ViewContext;
  let chains: ChainListQuery['chains'] = [];
  let chain: ChainData | null = null;
  let gaps: Gap[] = [];
  const panel = h('div.drawer-body', { role: 'tabpanel' });

  const tabOf = (state: AppState): Tab =>
    (TABS as readonly string[]).includes(state.tab ?? '') ? (state.tab as Tab) : 'table';

  /** Adds a slice (evidence or a reason's path) and highlights it; earlier additions are removed. */
  function drawSlice(slice: Slice, anchorId: string): void {
    // New nodes go in a column block right of the whole chain, level with the anchor: no overlap.
    const els = sliceElements(slice);
    ctx.graph.addOverlay(els, anchorId);
    ctx.graph.highlight([anchorId, ...els.map((el) => el.data.id!)], { fade: true, center: true });
    ctx.legend.update(ctx.graph);
  }

  function selectSegment(segmentId: string): void {
    ctx.store.update({ segment: segmentId, sel: segmentId });
  }

  function showSegment(segmentId: string | null): void {
    if (!segmentId) {
      ctx.graph.clearHighlight();
      return;
    }
    const gap = gaps.find((g) => g.segment.id === segmentId);
    if (gap) drawSlice(gap.evidence as Slice, segmentId);
    for (const tr of panel.querySelectorAll('tr[data-id]')) {
      tr.setAttribute('aria-selected', String(tr.getAttribute('data-id') === segmentId));
    }
  }

  function forbidden(error: unknown): HTMLElement {
    const message = describeError(error);
    return h(
      'div.inline-error',
      { role: 'alert' },
      h('strong', null, message.title),
      h('p', null, message.hint),
      isForbidden(error)
        ? h(
            'button.btn',
            { type: 'button', onclick: () => ctx.store.update({ view: 'curation' }, { push: true }) },
            t('action.login'),
          )
        : null,
    );
  }

  async function renderTab(state: AppState): Promise<void> {
    const tab = tabOf(state);
    for (const [name, button] of tabButtons) button.setAttribute('aria-selected', String(name === tab));
    if (!chain) return;
    try {
      if (tab === 'table') {
        mount(panel, gapTable(gaps, state.segment, selectSegment));
      } else if (tab === 'recommend') {
        if (!state.segment) return mount(panel, h('p.muted', null, t('gaps.pickSegment')));
        mount(panel, h('p.muted', null, t('status.loading')));
        const { recommendTargets } = await fetchRecommendations(state.segment, 10);
        const name = gaps.find((g) => g.segment.id === state.segment)?.segment;
        mount(
          panel,
          h('h3.drawer-title', null, t('gaps.recommendFor', { name: name ? pickName(name) : state.segment })),
          recommendationList(recommendTargets, (_item, reason) => drawSlice(reason.path as Slice, state.segment!)),
        );
      } else if (tab === 'goals') {
        mount(panel, h('p.muted', null, t('status.loading')));
        const { goals } = await fetchGoals(chain.id);
        mount(panel, goalList(goals));
      } else {
        mount(panel, h('p.muted', null, t('status.loading')));
        const { chain: data } = await fetchPipeline(chain.id);
        mount(panel, pipelineBoard(data?.targets ?? []));
      }
    } catch (error) {
      if (!ctx.signal.aborted) mount(panel, forbidden(error));
    }
  }

  const tabButtons = new Map<Tab, HTMLButtonElement>();
  function buildDrawer(): void {
    const bar = h('div.drawer-tabs', { role: 'tablist' });
    for (const tab of TABS) {
      const button = h(
        'button.drawer-tab',
        { type: 'button', role: 'tab', 'data-tab': tab, onclick: () => ctx.store.update({ tab }) },
        t(`gaps.tab.${tab}` as never),
      );
      tabButtons.set(tab, button);
      bar.append(button);
    }
    ctx.drawer.replaceChildren(bar, panel);
  }

  function renderSummary(): void {
    ctx.details.setSummary(() => {
      if (!chain) return null;
      const open = gaps.filter((g) => g.status !== 'COVERED');
      return h(
        'section.gaps-summary',
        null,
        h('h2.side-title', null, pickName(chain)),
        h('p', null, t('gaps.summary', { n: gaps.length, open: open.length })),
        h('p.note', null, t('gaps.rule')),
      );
    });
  }

  /** 含机器挂链 / 仅人工确认: whether the registry classifier's placements count (kept in the URL). */
  function machineSwitch(state: AppState): HTMLElement {
    const select = h(
      'select.select',
      { name: 'machinePlacements' },
      h('option', { value: 'on' }, t('gaps.machine.all')),
      h('option', { value: 'off' }, t('gaps.machine.confirmedOnly')),
    );
    select.value = state.machine === 'off' ? 'off' : 'on';
    select.addEventListener('change', () => ctx.store.update({ machine: select.value === 'off' ? 'off' : null }));
    return labelled(t('gaps.machine.label'), select);
  }

  async function load(state: AppState): Promise<void> {
    ctx.status.loading(t('gaps.loading'));
    prewarmElk();
    if (!chains.length) chains = (await fetchChainList()).chains;
    const chainId = state.chain ?? chains.find((c) => c.identified)?.id;
    if (!chainId) {
      ctx.status.empty(t('overview.emptyTitle'), t('overview.emptyHint'));
      ctx.ready();
      return;
    }
    if (!state.chain) ctx.store.update({ chain: chainId }, { silent: true });
    const [{ chain: data }, gapData] = await Promise.all([
      fetchChain(chainId),
      fetchGaps(chainId, state.machine !== 'off'),
    ]);
    if (ctx.signal.aborted) return;
    chain = data;
    gaps = gapData.gaps;
    ctx.controls.replaceChildren(
      chainSelect(chains, chainId, (id) => ctx.store.update({ chain: id, segment: null, sel: null })),
      machineSwitch(state),
    );
    if (!chain) {
      ctx.status.empty(t('chain.notFound'), t('chain.notFoundHint'));
      ctx.ready();
      return;
    }
    ctx.setTitle(t('gaps.title', { name: pickName(chain) }), t('gaps.subtitle'));
    ctx.graph.setElements(chainElements(chain, new Map(gaps.map((g) => [g.segment.id, g.status]))));
    await ctx.graph.runLayout('elk', { reverseTypes: CHILD_TO_PARENT, roots: `[id = "${chain.id}"]` });
    if (ctx.signal.aborted) return;
    ctx.status.clear();
    if (!chain.allSegments.length)
      ctx.status.empty(t('chain.noSegmentsTitle'), chain.identified ? t('chain.noSegments') : t('chain.unnamedHint'));
    renderSummary();
    await renderTab(state);
    showSegment(state.segment);
    ctx.ready();
  }

  return {
    async mount(c) {
      ctx = c;
      ctx.setMode('split');
      ctx.setTitle(t('nav.gaps'));
      buildDrawer();
      ctx.graph.setHandlers({
        tapNode: (node) => (node.data.type === 'SEGMENT' ? selectSegment(node.id) : ctx.store.update({ sel: node.id })),
        tapEdge: (edge) => ctx.store.update({ sel: edge.id }),
        tapBackground: () => ctx.store.update({ sel: null, segment: null }),
      });
      await load(ctx.store.state);
    },
    async update(state, previous) {
      if (state.chain !== previous.chain || state.machine !== previous.machine) return load(state);
      if (state.segment !== previous.segment) {
        showSegment(state.segment);
        if (tabOf(state) === 'recommend') await renderTab(state);
      }
      if (state.tab !== previous.tab) await renderTab(state);
    },
    relabel() {
      if (chain) ctx.setTitle(t('gaps.title', { name: pickName(chain) }), t('gaps.subtitle'));
      buildDrawer();
      renderSummary();
      void renderTab(ctx.store.state);
    },
  };
}
