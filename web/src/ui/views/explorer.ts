// Explorer: start from a search hit, double-click to expand neighbours, filter by type, status and
// confidence, switch layouts, read every property and citation in the side panel, and find the
// paths between two entities. Everything that shapes the graph is in the URL.
import { fetchNeighborhood, fetchPath } from '../../api/explore.js';
import { pickName, t } from '../../i18n/index.js';
import { type ElementDefinition, sliceElements, type Slice } from '../../canvas/elements.js';
import type { LayoutName } from '../../canvas/layouts.js';
import { h } from '../dom.js';
import { PathFinder, type PathEnds } from '../path-finder.js';
import type { ViewState } from '../url-state.js';
import type { View, ViewContext } from '../view-context.js';
import { layoutSelect } from './controls.js';
import { filterPanel } from './filters.js';

const NEIGHBOURS = 150;

type ExplorerViewState = ViewState<'explorer'>;

export function explorerView(): View<ExplorerViewState> {
  let ctx: ViewContext;
  let layoutName: LayoutName = 'cose';
  let pathFinder: PathFinder | null = null;
  let pathIds: string[] = [];
  let pathMessage = '';
  let truncated = false;
  const names = new Map<string, string>();

  const remember = (els: ElementDefinition[]) => {
    for (const el of els) if (el.group === 'nodes') names.set(el.data.id!, String(el.data.name ?? el.data.id));
  };

  async function neighbourhood(id: string): Promise<ElementDefinition[]> {
    const { neighborhood } = await fetchNeighborhood(id, 1, NEIGHBOURS);
    truncated ||= neighborhood.truncated;
    return sliceElements(neighborhood as Slice);
  }

  async function findPath(ends: PathEnds): Promise<void> {
    pathIds = [];
    pathMessage = '';
    if (!ends.from || !ends.to) {
      pathMessage = t('path.pickBoth');
      renderSummary();
      return;
    }
    const { path } = await fetchPath(ends.from, ends.to);
    if (ctx.signal.aborted) return;
    if (!path?.nodes.length) {
      pathMessage = t('path.none');
      renderSummary();
      return;
    }
    const els = sliceElements(path as Slice);
    remember(els);
    const added = ctx.graph.addElements(els);
    pathIds = els.map((el) => el.data.id!);
    if (added.nodes.length || added.edges.length) await ctx.graph.runLayout(layoutName, { animate: false });
    ctx.graph.highlight(pathIds, { fade: true, center: true });
    ctx.legend.update(ctx.graph);
    pathMessage = t('path.found', { nodes: path.nodes.length, edges: path.edges.length });
    renderSummary();
  }

  async function expandNode(id: string): Promise<void> {
    const els = await neighbourhood(id);
    if (ctx.signal.aborted) return;
    remember(els);
    const added = ctx.graph.addElements(els);
    // The new neighbours ring the expanded node; the ring grows with their number.
    ctx.graph.placeAround(id, added.nodes, 110 + added.nodes.length * 4);
    ctx.graph.applyFilters(ctx.store.state);
    ctx.legend.update(ctx.graph);
    renderSummary();
  }

  function renderControls(state: ExplorerViewState): void {
    const hiddenCount = state.hideTypes.length + state.hideStatus.length + state.hideConf.length;
    const filters = h(
      'details.dropdown',
      null,
      h('summary.btn', null, hiddenCount ? t('filter.buttonActive', { n: hiddenCount }) : t('filter.button')),
      filterPanel(state, (next) => ctx.store.update(next)),
    );
    pathFinder = new PathFinder(
      { from: state.from, to: state.to },
      (id) => names.get(id) ?? id,
      (ends) => {
        ctx.store.update({ from: ends.from, to: ends.to });
        void findPath(ends);
      },
    );
    ctx.controls.replaceChildren(
      filters,
      layoutSelect(['cose', 'concentric', 'breadthfirst', 'elk', 'grid', 'circle'], layoutName, (name) =>
        ctx.store.update({ layout: name }),
      ),
      h(
        'button.btn',
        { type: 'button', onclick: () => void ctx.graph.runLayout(layoutName, { animate: true }) },
        t('action.relayout'),
      ),
      pathFinder.el,
    );
  }

  function renderSummary(): void {
    ctx.details.setSummary(() => {
      const counts = ctx.graph.counts();
      return h(
        'section.explorer-summary',
        null,
        h('h2.side-title', null, t('explorer.title')),
        h(
          'p.muted',
          null,
          t('explorer.counts', {
            nodes: counts.visibleNodes,
            edges: counts.visibleEdges,
            hidden: counts.hiddenNodes,
          }),
        ),
        truncated ? h('p.notice', { role: 'note' }, t('explorer.truncated')) : null,
        pathMessage ? h('p.notice.path-result', { role: 'status' }, pathMessage) : null,
        pathIds.length
          ? h(
              'ol.path-list',
              null,
              ctx.graph
                .nodesData(pathIds)
                .map((n) =>
                  h(
                    'li',
                    null,
                    h(
                      'button.link',
                      { type: 'button', onclick: () => ctx.store.update({ sel: String(n.id) }) },
                      pickName({ name: n.name as string | undefined, nameEn: n.nameEn as string | undefined }),
                    ),
                  ),
                ),
            )
          : null,
        h('p.hint', null, t('explorer.hint')),
      );
    });
  }

  async function load(state: ExplorerViewState): Promise<void> {
    layoutName = state.layout ?? 'cose';
    renderControls(state);
    const seeds = [...new Set([...state.focus, ...state.expand])];
    if (!seeds.length && !(state.from && state.to)) {
      ctx.graph.setElements([]);
      ctx.status.empty(t('explorer.emptyTitle'), t('explorer.emptyHint'));
      renderSummary();
      ctx.ready();
      return;
    }
    ctx.status.loading(t('explorer.loading'));
    truncated = false;
    const slices = await Promise.all(seeds.map(neighbourhood));
    if (ctx.signal.aborted) return;
    const els = slices.flat();
    remember(els);
    ctx.graph.setElements(dedupe(els));
    ctx.graph.applyFilters(state);
    await ctx.graph.runLayout(layoutName);
    if (ctx.signal.aborted) return;
    ctx.status.clear();
    if (state.from && state.to) await findPath({ from: state.from, to: state.to });
    renderSummary();
    ctx.ready();
  }

  return {
    async mount(c) {
      ctx = c;
      ctx.setMode('graph');
      ctx.setTitle(t('explorer.title'), t('explorer.subtitle'));
      ctx.graph.setHandlers({
        tapNode: (node) => ctx.store.update({ sel: node.id }),
        dblTapNode: (node) => {
          const { expand } = ctx.store.state;
          if (!expand.includes(node.id)) ctx.store.update({ expand: [...expand, node.id] }, { silent: true });
          void expandNode(node.id);
        },
        tapEdge: (edge) => ctx.store.update({ sel: edge.id }),
        tapBackground: () => {
          ctx.graph.clearHighlight();
          ctx.store.update({ sel: null });
        },
      });
      await load(ctx.store.state);
    },
    async update(state, previous) {
      // Double-click expansions update the URL silently; a change seen here comes from history or a link.
      const seedsChanged =
        state.focus.join() !== previous.focus.join() || state.expand.join() !== previous.expand.join();
      if (seedsChanged) return load(state);
      if (
        state.hideTypes !== previous.hideTypes ||
        state.hideStatus !== previous.hideStatus ||
        state.hideConf !== previous.hideConf
      ) {
        ctx.graph.applyFilters(state);
        renderControls(state);
        (ctx.controls.querySelector('details.dropdown') as HTMLDetailsElement | null)?.setAttribute('open', '');
        renderSummary();
      }
      if (state.layout !== previous.layout) {
        layoutName = state.layout ?? 'cose';
        await ctx.graph.runLayout(layoutName, { animate: true });
      }
    },
    relabel() {
      ctx.setTitle(t('explorer.title'), t('explorer.subtitle'));
      renderControls(ctx.store.state);
      renderSummary();
    },
  };
}

function dedupe(els: ElementDefinition[]): ElementDefinition[] {
  const seen = new Set<string>();
  return els.filter((el) => {
    const id = el.data.id!;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
