// Responsibility view: pick a leadership post (and optionally a date) to see its chains, goals and
// gaps; or ask "who is accountable" for any entity and see the paths to the leaders drawn.
import { fetchNeighborhood } from '../../api/explore.js';
import type { LeadersQuery, ResponsibilityQuery } from '../../api/generated.js';
import { fetchLeaders, fetchResponsibility } from '../../api/responsibility.js';
import { briefingControl } from '../briefing-export.js';
import { pickName, t, tOr } from '../../i18n/index.js';
import { sliceElements, type Slice } from '../../canvas/elements.js';
import { citationList } from '../citations.js';
import { h } from '../dom.js';
import { SearchBox } from '../search-box.js';
import type { ViewState } from '../url-state.js';
import type { View, ViewContext } from '../view-context.js';
import { leaderChainRow, loadChainFacts, type ChainFacts } from './leader-chains.js';
import { labelled } from './controls.js';

type Leader = LeadersQuery['leaders'][number];
type Path = ResponsibilityQuery['responsibility'][number];

const BODY_ORDER = ['市委', '市政府', '市人大', '市政协'];

function holderText(holder: {
  person: { name: string; nameEn: string | null };
  validFrom: string | null;
  validTo: string | null;
  observedOn: readonly string[];
}): string {
  const period =
    holder.validFrom || holder.validTo
      ? `${holder.validFrom ?? '…'} – ${holder.validTo ?? t('resp.now')}`
      : holder.observedOn.length
        ? t('resp.observed', { dates: holder.observedOn.join('、') })
        : '';
  return period ? `${pickName(holder.person)}（${period}）` : pickName(holder.person);
}

type ResponsibilityViewState = ViewState<'responsibility'>;

export function responsibilityView(): View<ResponsibilityViewState> {
  let ctx: ViewContext;
  let leaders: Leader[] = [];
  let paths: Path[] = [];
  let leader: Leader | null = null;
  let holdersOnDate: Path['holders'] | null = null;
  const facts = new Map<string, ChainFacts>();
  let askedName = '';

  function renderControls(state: ResponsibilityViewState): void {
    const rank = (l: Leader) =>
      BODY_ORDER.includes(l.body ?? '') ? BODY_ORDER.indexOf(l.body ?? '') : BODY_ORDER.length;
    const sorted = [...leaders].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh'));
    const bodies = [...new Set(sorted.map((l) => l.body ?? '—'))];
    const select = h(
      'select.select.leader-select',
      {
        name: 'leader',
        onchange: (e: Event) =>
          ctx.store.update({ leader: (e.target as HTMLSelectElement).value || null, node: null, sel: null }),
      },
      h('option', { value: '', selected: !state.leader }, t('resp.pickLeader')),
      bodies.map((body) =>
        h(
          'optgroup',
          { label: body },
          sorted
            .filter((l) => (l.body ?? '—') === body)
            .map((l) => h('option', { value: l.id, selected: l.id === state.leader }, pickName(l))),
        ),
      ),
    );
    const date = h('input.input', {
      type: 'date',
      name: 'at',
      value: state.at ?? state.asOf ?? '',
      onchange: (e: Event) => ctx.store.update({ at: (e.target as HTMLInputElement).value || null }),
    });
    const ask = new SearchBox({
      name: 'accountable',
      placeholder: () => t('resp.askPlaceholder'),
      label: () => t('resp.ask'),
      onPick: (pick) => ctx.store.update({ node: pick.id, leader: null, sel: null }),
    });
    if (askedName) ask.setValue(askedName);
    ctx.controls.replaceChildren(
      labelled(t('resp.leader'), select),
      labelled(t('resp.date'), date),
      h('div.field-inline', null, h('span.field-label', null, t('resp.ask')), ask.el),
      // A post's briefing covers the chains it owns or sponsors, as of the view's date.
      briefingControl({
        scope: () => (state.leader ? { kind: 'LEADER', id: state.leader } : null),
        asOf: () => state.at ?? null,
      }),
    );
  }

  function pathCard(path: Path): HTMLElement {
    return h(
      'li.resp-card',
      { 'data-leader': path.leader.id },
      h(
        'div.resp-card-head',
        null,
        h(
          'button.link.resp-leader',
          { type: 'button', onclick: () => ctx.store.update({ sel: path.leader.id }) },
          pickName(path.leader),
        ),
        h('span.chip', null, tOr(`rel.${path.relation}`, path.relation)),
      ),
      h('p.muted', null, t('resp.via', { via: pickName(path.via), hops: path.hops })),
      h(
        'p',
        null,
        path.holders.length
          ? t('resp.holders', { names: path.holders.map(holderText).join('；') })
          : t('resp.noHolder'),
      ),
      h(
        'details.resp-sources',
        null,
        h('summary', null, t('details.citations', { n: path.role.citations.length })),
        citationList(path.role.citations),
      ),
    );
  }

  function renderSummary(state: ResponsibilityViewState): void {
    ctx.details.setSummary(() => {
      if (state.node) {
        return h(
          'section.resp-summary',
          null,
          h('h2.side-title', null, t('resp.accountableFor', { name: askedName || state.node })),
          (state.at ?? state.asOf)
            ? h('p.muted', null, t('resp.onDate', { date: (state.at ?? state.asOf) as string }))
            : null,
          paths.length ? h('ul.resp-cards', null, paths.map(pathCard)) : h('p.notice', null, t('resp.nobody')),
        );
      }
      if (!leader) return h('p.muted', null, t('resp.pickLeader'));
      const chains = [
        ...leader.patronOf.map((c) => ({ chain: c, relation: 'PATRON_OF' })),
        ...leader.ownerOf.map((c) => ({ chain: c, relation: 'OWNER_OF' })),
      ];
      const holders = holdersOnDate ?? leader.holders;
      return h(
        'section.resp-summary',
        null,
        h('h2.side-title', null, pickName(leader)),
        h('p.muted', null, [leader.title, leader.body].filter(Boolean).join(' · ')),
        h(
          'h3.details-section',
          null,
          (state.at ?? state.asOf)
            ? t('resp.holdersOn', { date: (state.at ?? state.asOf) as string })
            : t('resp.holdersTitle'),
        ),
        holders.length
          ? h(
              'ul.plain',
              null,
              holders.map((hd) => h('li', null, holderText(hd))),
            )
          : h('p.notice', null, (state.at ?? state.asOf) ? t('resp.noHolderOnDate') : t('resp.noHolder')),
        leader.coordinates.length
          ? [
              h('h3.details-section', null, t('rel.COORDINATES')),
              h(
                'ul.plain',
                null,
                leader.coordinates.map((p) => h('li', null, pickName(p))),
              ),
            ]
          : null,
        h('h3.details-section', null, t('resp.chainsTitle', { n: chains.length })),
        chains.length
          ? h(
              'ul.chain-rows',
              null,
              chains.map(({ chain, relation }) =>
                leaderChainRow(chain, relation, facts.get(chain.id), {
                  chain: () =>
                    ctx.store.update({ view: 'chain', chain: chain.id, sel: null, expand: [] }, { push: true }),
                  gaps: () => ctx.store.update({ view: 'gaps', chain: chain.id, sel: null }, { push: true }),
                }),
              ),
            )
          : h('p.muted', null, t('resp.noChains')),
      );
    });
  }

  async function showNode(state: ResponsibilityViewState): Promise<void> {
    const id = state.node!;
    ctx.status.loading(t('resp.loading'));
    const { responsibility } = await fetchResponsibility(id, state.at ?? state.asOf);
    if (ctx.signal.aborted) return;
    paths = responsibility;
    const els = paths.flatMap((p) => sliceElements(p.path as Slice));
    const seen = new Set<string>();
    ctx.graph.setElements(els.filter((el) => !seen.has(el.data.id!) && seen.add(el.data.id!)));
    const asked = ctx.graph.elementData(id);
    askedName = asked
      ? pickName({ name: asked.name as string | undefined, nameEn: asked.nameEn as string | undefined })
      : id;
    // Left to right: the asked entity, its chain, then the leaders (their relations read backwards).
    await ctx.graph.runLayout('elk', { reverseTypes: ['PATRON_OF', 'OWNER_OF', 'COORDINATES'] });
    ctx.graph.highlight([id, ...paths.map((p) => p.leader.id)]);
    ctx.status.clear();
    if (!paths.length) ctx.status.empty(t('resp.nobody'), t('resp.nobodyHint'));
  }

  async function showLeader(state: ResponsibilityViewState): Promise<void> {
    leader = leaders.find((l) => l.id === state.leader) ?? null;
    if (!leader) {
      ctx.status.empty(t('resp.pickLeader'), t('resp.pickLeaderHint'));
      return;
    }
    ctx.status.loading(t('resp.loading'));
    const chains = [...leader.patronOf, ...leader.ownerOf];
    const [{ neighborhood }] = await Promise.all([
      fetchNeighborhood(leader.id, 2, 300, ['PROGRAM', 'LEADER', 'PERSON', 'CHAIN', 'GOAL']),
      ...chains
        .filter((c) => c.identified && !facts.has(c.id))
        .map(async (c) => facts.set(c.id, await loadChainFacts(c))),
    ]);
    holdersOnDate = null;
    if ((state.at ?? state.asOf) && chains.length) {
      // The server decides who held the post on that day (only dated holdings count).
      const answers = await Promise.all(
        chains.slice(0, 5).map((c) => fetchResponsibility(c.id, state.at ?? state.asOf)),
      );
      holdersOnDate = answers.flatMap((a) =>
        a.responsibility.filter((p) => p.leader.id === leader!.id).flatMap((p) => p.holders),
      );
      const unique = new Map(holdersOnDate.map((hd) => [hd.person.id, hd]));
      holdersOnDate = [...unique.values()];
    }
    if (ctx.signal.aborted) return;
    ctx.graph.setElements(sliceElements(neighborhood as Slice));
    await ctx.graph.runLayout('elk', { reverseTypes: ['GOAL_OF'] });
    ctx.graph.highlight([leader.id]);
    ctx.status.clear();
  }

  async function load(state: ResponsibilityViewState): Promise<void> {
    if (!leaders.length) leaders = (await fetchLeaders()).leaders;
    if (ctx.signal.aborted) return;
    if (!state.leader && !state.node) {
      const first = leaders.find((l) => l.patronOf.length) ?? leaders.find((l) => l.coordinates.length) ?? leaders[0];
      if (first) {
        ctx.store.update({ leader: first.id }, { silent: true });
        state = ctx.store.state;
      }
    }
    renderControls(state);
    if (state.node) await showNode(state);
    else await showLeader(state);
    if (ctx.signal.aborted) return;
    // The asked entity's name is known once its paths arrived: show it in the question field.
    if (state.node) renderControls(state);
    // Chain figures for the leader mode arrive with the chains; fill them in for the stats map.
    renderSummary(state);
    ctx.ready();
  }

  return {
    async mount(c) {
      ctx = c;
      ctx.setMode('graph');
      ctx.setTitle(t('resp.title'), t('resp.subtitle'));
      await load(ctx.store.state);
    },
    async update(state, previous) {
      if (state.leader !== previous.leader || state.node !== previous.node || state.at !== previous.at)
        await load(state);
    },
    relabel() {
      ctx.setTitle(t('resp.title'), t('resp.subtitle'));
      renderControls(ctx.store.state);
      renderSummary(ctx.store.state);
    },
  };
}
