// Chain view: the segments of one chain laid out upstream → downstream (ELK layered, in a worker), gap
// status as colour and badge; a click on a segment expands its firms (capped, with "show more") and a
// second click collapses them. The side panel holds the same tree as a keyboard-reachable list.
import { fetchChain, fetchChainList, fetchSegmentFirms } from '../../api/chain.js';
import { fetchChainSummary } from '../../api/analysis.js';
import type { ChainListQuery, SegmentFirmsQuery } from '../../api/generated.js';
import { pickName, t } from '../../i18n/index.js';
import { prewarmElk, type LayoutName } from '../../canvas/layouts.js';
import { GAP_STATUSES } from '../../canvas/palette.js';
import { briefingControl } from '../briefing-export.js';
import { h } from '../dom.js';
import { gapChip } from '../legend.js';
import type { ViewState } from '../url-state.js';
import type { View, ViewContext } from '../view-context.js';
import { layoutSelect, chainSelect } from './controls.js';
import {
  CHILD_TO_PARENT,
  chainElements,
  firmElements,
  moreElement,
  segmentSubtitle,
  type ChainData,
  type SegmentData,
} from './chain-elements.js';

type FirmRole = Extract<NonNullable<SegmentFirmsQuery['node']>, { enterprises: unknown }>['enterprises'][number];

const FIRST_FIRMS = 12;
const MORE_FIRMS = 20;

type ChainViewState = ViewState<'chain'>;

export function chainView(): View<ChainViewState> {
  let ctx: ViewContext;
  let chains: ChainListQuery['chains'] = [];
  let chain: ChainData | null = null;
  let gaps = new Map<string, string>();
  /** segment id → firms shown, and whether more exist */
  const expanded = new Map<string, { firms: FirmRole[]; more: boolean }>();
  let layoutName: LayoutName = 'elk';
  let gapsUnavailable = false;

  const relayout = (animate: boolean) =>
    ctx.graph.runLayout(layoutName, {
      animate,
      reverseTypes: CHILD_TO_PARENT,
      roots: chain ? `[id = "${chain.id}"]` : undefined,
    });

  async function expand(segmentId: string, count: number): Promise<void> {
    const { node } = await fetchSegmentFirms(segmentId, count);
    if (ctx.signal.aborted || !node || !('enterprises' in node)) return;
    ctx.graph.removeElements([`more:${segmentId}`]);
    const firms = node.enterprises;
    const more = firms.length >= count;
    expanded.set(segmentId, { firms, more });
    ctx.graph.addElements([...firmElements(segmentId, firms), ...(more ? moreElement(segmentId) : [])]);
    ctx.graph.setClass(segmentId, 'expanded', true);
  }

  function collapse(segmentId: string): void {
    expanded.delete(segmentId);
    ctx.graph.batch(() => {
      ctx.graph.removeElements([`more:${segmentId}`]);
      ctx.graph.removeEdgesInto(segmentId, 'IN_SEGMENT');
      // A firm also shown under another expanded segment stays.
      ctx.graph.removeOrphans('ENTERPRISE');
      ctx.graph.setClass(segmentId, 'expanded', false);
    });
  }

  async function toggle(segmentId: string): Promise<void> {
    if (expanded.has(segmentId)) collapse(segmentId);
    else await expand(segmentId, FIRST_FIRMS);
    ctx.store.update({ expand: [...expanded.keys()], sel: segmentId });
    renderSummary();
    await relayout(true);
  }

  async function showMore(segmentId: string): Promise<void> {
    const shown = expanded.get(segmentId)?.firms.length ?? 0;
    await expand(segmentId, shown + MORE_FIRMS);
    renderSummary();
    await relayout(true);
  }

  function segmentTree(segments: SegmentData[], parentId: string | null): HTMLElement | null {
    const children = segments.filter((s) => (s.parent?.id ?? null) === parentId);
    if (!children.length) return null;
    return h(
      'ul.tree',
      { role: parentId ? 'group' : 'tree', 'aria-label': parentId ? null : t('chain.treeLabel') },
      children.map((segment) => {
        const open = expanded.get(segment.id);
        const gap = gaps.get(segment.id);
        return h(
          'li.tree-item',
          {
            role: 'treeitem',
            'data-id': segment.id,
            'data-level': segment.level,
            'aria-expanded': String(Boolean(open)),
          },
          h(
            'button.tree-button',
            { type: 'button', onclick: () => void toggle(segment.id) },
            h('span.tree-name', null, pickName(segment)),
            gap ? gapChip(gap) : null,
            h('span.tree-count', null, t('chain.firmsShort', { n: segment.enterpriseCount })),
          ),
          open
            ? h(
                'ul.tree-firms',
                { role: 'group' },
                open.firms.length
                  ? open.firms.map((role) =>
                      h(
                        'li',
                        null,
                        h(
                          'button.link',
                          {
                            type: 'button',
                            'data-id': role.entity.id,
                            onclick: () => ctx.store.update({ sel: role.entity.id }),
                          },
                          pickName(role.entity),
                        ),
                      ),
                    )
                  : h('li.muted', null, t('chain.noDirectFirms')),
                open.more
                  ? h(
                      'li',
                      null,
                      h(
                        'button.link.more-link',
                        { type: 'button', onclick: () => void showMore(segment.id) },
                        t('chain.showMore'),
                      ),
                    )
                  : null,
              )
            : null,
          segmentTree(segments, segment.id),
        );
      }),
    );
  }

  function renderSummary(): void {
    ctx.details.setSummary(() => {
      if (!chain) return null;
      const counts = new Map<string, number>();
      for (const status of gaps.values()) counts.set(status, (counts.get(status) ?? 0) + 1);
      const leaders = [...chain.patrons, ...chain.owners];
      return h(
        'section.chain-summary',
        null,
        h('h2.side-title', null, pickName(chain)),
        h('p.muted', null, t('chain.chainFigures', { n: chain.enterpriseCount, local: chain.localEnterpriseCount })),
        gapsUnavailable ? h('p.notice', { role: 'note' }, t('chain.gapsUnavailable')) : null,
        leaders.length
          ? h(
              'dl.props',
              null,
              leaders.map((role) => [
                h('dt', null, t(`rel.${role.relation}` as never)),
                h(
                  'dd',
                  null,
                  h(
                    'button.link',
                    { type: 'button', onclick: () => ctx.store.update({ sel: role.leader.id }) },
                    pickName(role.leader),
                  ),
                ),
              ]),
            )
          : null,
        counts.size
          ? h(
              'div.gap-counts',
              null,
              [...counts]
                .sort(([a], [b]) => GAP_STATUSES.indexOf(a as never) - GAP_STATUSES.indexOf(b as never))
                .map(([status, n]) => gapChip(status, `${t(`gap.${status}` as never)} ${n}`)),
            )
          : null,
        h('h3.details-section', null, t('chain.segmentsTitle')),
        segmentTree(chain.allSegments, null) ?? h('p.muted', null, t('chain.noSegments')),
      );
    });
  }

  function renderControls(): void {
    ctx.controls.replaceChildren(
      chainSelect(chains, chain?.id ?? null, (id) => ctx.store.update({ chain: id, expand: [], sel: null })),
      layoutSelect(['elk', 'breadthfirst', 'concentric', 'grid'], layoutName, (name) =>
        ctx.store.update({ layout: name }),
      ),
      h('button.btn', { type: 'button', onclick: () => ctx.graph.fit() }, t('action.fit')),
      briefingControl({ scope: () => (chain ? { kind: 'CHAIN', id: chain.id } : null) }),
    );
  }

  async function load(state: ChainViewState): Promise<void> {
    ctx.status.loading(t('chain.loading'));
    if ((state.layout ?? 'elk') === 'elk') prewarmElk();
    // With a chain in the URL, its data and the chain list load side by side.
    const list = chains.length ? Promise.resolve(chains) : fetchChainList().then((r) => r.chains);
    if (!state.chain) chains = await list;
    const chainId = state.chain ?? chains.find((c) => c.identified)?.id ?? chains[0]?.id;
    if (!chainId) {
      ctx.status.empty(t('overview.emptyTitle'), t('overview.emptyHint'));
      ctx.ready();
      return;
    }
    if (!state.chain) ctx.store.update({ chain: chainId }, { silent: true });
    layoutName = state.layout ?? 'elk';
    const [{ chain: data }, summary, allChains] = await Promise.all([
      fetchChain(chainId),
      fetchChainSummary(chainId).catch(() => null),
      list,
    ]);
    chains = allChains;
    if (ctx.signal.aborted) return;
    // Marks for the benchmark (tests/bench/web-perf.ts): data arrived, then laid out and drawn.
    performance.mark('kg:chain-data');
    if (!data) {
      ctx.status.empty(t('chain.notFound'), t('chain.notFoundHint'));
      ctx.ready();
      return;
    }
    chain = data;
    gaps = new Map((summary?.gaps ?? []).map((g) => [g.segment.id, g.status]));
    expanded.clear();
    ctx.setTitle(pickName(chain), chain.identified ? t('chain.subtitle') : t('chain.unnamedSubtitle'));
    renderControls();
    ctx.graph.setElements(chainElements(chain, gaps));
    for (const id of state.expand) if (chain.allSegments.some((s) => s.id === id)) await expand(id, FIRST_FIRMS);
    await relayout(false);
    if (ctx.signal.aborted) return;
    ctx.status.clear();
    if (!chain.allSegments.length)
      ctx.status.empty(t('chain.noSegmentsTitle'), chain.identified ? t('chain.noSegments') : t('chain.unnamedHint'));
    gapsUnavailable = !summary && chain.allSegments.length > 0;
    renderSummary();
    performance.mark('kg:chain-drawn');
    ctx.ready();
  }

  return {
    async mount(c) {
      ctx = c;
      ctx.setMode('graph');
      ctx.setTitle(t('nav.chain'));
      ctx.graph.setHandlers({
        tapNode: (node) => {
          if (node.classes.includes('more')) return void showMore(String(node.data.segment));
          if (node.data.type === 'SEGMENT') return void toggle(node.id);
          ctx.store.update({ sel: node.id });
        },
        tapEdge: (edge) => ctx.store.update({ sel: edge.id }),
        tapBackground: () => ctx.store.update({ sel: null }),
      });
      await load(ctx.store.state);
    },
    async update(state, previous) {
      if (state.chain !== previous.chain) return load(state);
      if (state.layout !== previous.layout) {
        layoutName = state.layout ?? 'elk';
        renderControls();
        await relayout(true);
      }
    },
    relabel() {
      if (chain) {
        ctx.setTitle(pickName(chain), chain.identified ? t('chain.subtitle') : t('chain.unnamedSubtitle'));
        ctx.graph.setSubtitle(
          chain.id,
          t('chain.chainFigures', { n: chain.enterpriseCount, local: chain.localEnterpriseCount }),
        );
        for (const segment of chain.allSegments)
          ctx.graph.setSubtitle(segment.id, segmentSubtitle(segment, gaps.get(segment.id)));
        ctx.graph.relabelClass('more', t('chain.showMore'));
      }
      renderControls();
      renderSummary();
    },
  };
}
