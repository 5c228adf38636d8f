// Overview: the mechanism as a picture. The coordinating leader above the program, the headline chains
// with their sponsors (包保) and owners (链长), and the unnamed chains framed as visibly unknown; each
// chain with its firm count, gap count and goal progress.
import { fetchOverview } from '../../api/overview.js';
import { currentProgram } from '../../api/program-scope.js';
import type { OverviewQuery } from '../../api/generated.js';
import { formatPercent, lang, pickName, t } from '../../i18n/index.js';
import { type ElementDefinition, edgeElement, nodeElement } from '../../canvas/elements.js';
import { wrapFriendly } from '../../canvas/labels.js';
import { prewarmElk } from '../../canvas/layouts.js';
import { h } from '../dom.js';
import type { View, ViewContext } from '../view-context.js';
import { loadAllChainStats, statsLine, type ChainStats } from './chain-stats.js';

type Program = OverviewQuery['programs'][number];
type Chain = Program['chains'][number];

// Columns of the picture (x) and row heights (y): program | sponsors | chains | owners.
const X = { program: 0, patron: 300, chain: 600, owner: 930 };
const HEADLINE_ROW = 112;
const ROW = 48;

function leaderNode(
  leader: { id: string; name: string; nameEn: string | null; title: string },
  classes: string[] = [],
  subtitle?: string,
  short = false,
): ElementDefinition {
  const el = nodeElement({
    id: leader.id,
    type: 'LEADER',
    name: leader.name,
    nameEn: leader.nameEn,
    subtitle,
    props: { title: leader.title },
    classes,
  });
  // An owner post's name repeats its chain's name; beside the chain, its title says enough.
  if (short) el.data.label = wrapFriendly(lang() === 'en' ? (leader.nameEn ?? leader.title) : leader.title);
  return el;
}

function overviewElements(program: Program, stats: Map<string, ChainStats>): ElementDefinition[] {
  const els: ElementDefinition[] = [];
  const positions = new Map<string, { x: number; y: number }>();
  const add = (el: ElementDefinition, pos?: { x: number; y: number }) => {
    if (el.group === 'nodes' && (positions.has(el.data.id!) || els.some((e) => e.data.id === el.data.id))) return;
    els.push(el);
    if (pos) positions.set(el.data.id!, pos);
  };
  const headline = program.chains.filter((c) => c.identified);
  const unnamedKey = program.chains.filter((c) => !c.identified && c.kind === 'KEY');
  const unnamedGuarantee = program.chains.filter((c) => !c.identified && c.kind === 'GUARANTEE');
  const chainNode = (chain: Chain, classes: string[], subtitle?: string) =>
    nodeElement({
      id: chain.id,
      type: 'CHAIN',
      name: chain.name,
      nameEn: chain.nameEn,
      subtitle,
      props: {
        kind: chain.kind.toLowerCase(),
        identified: chain.identified,
        status: chain.status,
        confidence: chain.confidence,
        priority: chain.priority,
      },
      classes,
    });
  const holders = (owner: Chain['owners'][number]) =>
    owner.leader.holders.map((hd) => pickName(hd.person)).join('、') || undefined;
  /** Sponsors shared by several rows sit at the middle of their rows. */
  const patronRows = new Map<string, number[]>();

  let y = 0;
  const row = (chain: Chain, height: number, classes: string[], subtitle: string | undefined, parent?: string) => {
    const node = chainNode(chain, classes, subtitle);
    if (parent) node.data.parent = parent;
    add(node, { x: X.chain, y });
    chain.owners.forEach((role, j) => {
      const owner = leaderNode(role.leader, ['compact'], holders(role), true);
      if (parent) owner.data.parent = parent;
      add(owner, { x: X.owner, y: y + j * 40 });
    });
    for (const role of chain.patrons) patronRows.set(role.leader.id, [...(patronRows.get(role.leader.id) ?? []), y]);
    for (const role of [...chain.patrons, ...chain.owners])
      add(
        edgeElement({
          id: `${role.relation}:${role.leader.id}->${chain.id}`,
          source: role.leader.id,
          target: chain.id,
          type: role.relation,
          props: { status: role.status },
        }),
      );
    add(
      edgeElement({
        id: `PART_OF:${chain.id}->${program.id}`,
        source: chain.id,
        target: program.id,
        type: 'PART_OF',
        classes: ['faint'],
      }),
    );
    y += height;
  };
  for (const chain of headline) {
    const s = stats.get(chain.id);
    row(chain, HEADLINE_ROW, ['headline'], s ? statsLine(s) : t('status.loadingShort'));
  }
  const group = (id: string, label: string, chains: Chain[]) => {
    if (!chains.length) return;
    y += 70;
    els.push({ group: 'nodes', data: { id, type: 'GROUP', label: wrapFriendly(label) }, classes: 'group helper' });
    for (const chain of chains) row(chain, ROW, ['compact'], undefined, id);
  };
  group('group:unnamed-key', t('overview.groupKey', { n: unnamedKey.length }), unnamedKey);
  group('group:unnamed-guarantee', t('overview.groupGuarantee', { n: unnamedGuarantee.length }), unnamedGuarantee);

  for (const chain of program.chains) {
    for (const role of chain.patrons) {
      const rows = patronRows.get(role.leader.id) ?? [0];
      add(leaderNode(role.leader, rows.length > 1 ? [] : ['compact']), {
        x: X.patron,
        y: (Math.min(...rows) + Math.max(...rows)) / 2,
      });
    }
  }
  const middle = y / 2;
  add(
    nodeElement({
      id: program.id,
      type: 'PROGRAM',
      name: program.name,
      nameEn: program.nameEn,
      subtitle: t('overview.programLine', {
        key: program.declaredKeyChains ?? '?',
        guarantee: program.declaredGuaranteeChains ?? '?',
      }),
    }),
    { x: X.program, y: middle },
  );
  program.coordinators.forEach((role, i) => {
    add(leaderNode(role.leader), { x: X.program + i * 180, y: middle - 190 });
    add(
      edgeElement({
        id: `COORDINATES:${role.leader.id}->${program.id}`,
        source: role.leader.id,
        target: program.id,
        type: 'COORDINATES',
        props: { status: role.status },
      }),
    );
  });

  for (const el of els)
    if (el.group === 'nodes' && positions.has(el.data.id!)) el.position = positions.get(el.data.id!);
  return els;
}

function summary(program: Program, stats: Map<string, ChainStats>, open: (id: string) => void): HTMLElement {
  const row = (chain: Chain) => {
    const s = stats.get(chain.id);
    const ratio = s?.progress ?? null;
    return h(
      'li.chain-row',
      { 'data-id': chain.id, class: chain.identified ? null : 'unknown' },
      h('button.chain-row-name', { type: 'button', onclick: () => open(chain.id) }, pickName(chain)),
      chain.identified
        ? s &&
            h(
              'div.chain-row-figures',
              null,
              h('span', null, t('overview.firms', { n: s.firms })),
              h('span', null, s.gaps == null ? t('overview.gapsUnknown') : t('overview.gaps', { n: s.gaps })),
              h(
                'span.progress',
                {
                  role: 'img',
                  'aria-label':
                    ratio == null ? t('overview.noProgress') : t('overview.progress', { p: formatPercent(ratio) }),
                },
                h('span.progress-bar', { style: `width:${Math.round((ratio ?? 0) * 100)}%` }),
                h('span.progress-text', null, ratio == null ? '—' : formatPercent(ratio)),
              ),
            )
        : h('span.chip.chip-unknown', null, t('overview.unnamedLine')),
    );
  };
  return h(
    'section.overview-summary',
    null,
    h('h2.side-title', null, pickName(program)),
    h(
      'p.muted',
      null,
      t('overview.issued', {
        date: program.issuedOn ?? '—',
        key: program.declaredKeyChains ?? '?',
        guarantee: program.declaredGuaranteeChains ?? '?',
      }),
    ),
    h('h3.details-section', null, t('overview.chainsTitle', { n: program.chains.length })),
    h('ul.chain-rows', null, program.chains.map(row)),
    h('p.note', null, t('overview.unknownNote')),
  );
}

export function overviewView(): View {
  let ctx: ViewContext;
  let program: Program | null = null;
  const stats = new Map<string, ChainStats>();

  const draw = () => {
    if (!program) return;
    const els = overviewElements(program, stats);
    ctx.graph.setElements(els);
    ctx.graph.presetLayout(30);
    ctx.details.setSummary(() =>
      summary(program!, stats, (id) =>
        ctx.store.update({ view: 'chain', chain: id, sel: null, expand: [] }, { push: true }),
      ),
    );
  };

  return {
    async mount(c) {
      ctx = c;
      ctx.setMode('graph');
      ctx.setTitle(t('overview.title'), t('overview.subtitle'));
      ctx.status.loading(t('overview.loading'));
      const data = await fetchOverview();
      if (ctx.signal.aborted) return;
      const chosen = currentProgram();
      program = (chosen && data.programs.find((p) => p.id === chosen)) || data.programs[0] || null;
      if (!program) {
        ctx.status.empty(t('overview.emptyTitle'), t('overview.emptyHint'));
        ctx.ready();
        return;
      }
      ctx.status.clear();
      draw();
      ctx.graph.setHandlers({
        tapNode: (node) => ctx.store.update({ sel: node.classes.includes('helper') ? null : node.id }),
        dblTapNode: (node) => {
          if (node.data.type === 'CHAIN')
            ctx.store.update({ view: 'chain', chain: node.id, sel: null, expand: [] }, { push: true });
        },
        tapEdge: (edge) => ctx.store.update({ sel: edge.id }),
        tapBackground: () => ctx.store.update({ sel: null }),
      });
      ctx.ready();
      // Figures arrive after the picture: the mechanism is readable at once.
      const identified = program.chains.filter((chain) => chain.identified);
      try {
        for (const [id, s] of await loadAllChainStats()) stats.set(id, s);
      } catch {
        // Without the analysis the figures stay unknown ("—"), never zero.
        for (const chain of identified)
          stats.set(chain.id, {
            firms: chain.enterpriseCount,
            localFirms: chain.localEnterpriseCount,
            gaps: null,
            progress: null,
            goals: null,
          });
      }
      if (ctx.signal.aborted) return;
      for (const chain of identified) {
        const s = stats.get(chain.id);
        if (s)
          ctx.graph.updateNode(chain.id, {
            subtitle: statsLine(s),
            label: wrapFriendly(`${pickName(chain)}\n${statsLine(s)}`),
          });
      }
      ctx.details.renderSummary();
      document.body.dataset.statsReady = 'true';
      // The chain view is the usual next step: have its layout engine ready by then.
      setTimeout(prewarmElk, 1500);
    },
    relabel() {
      ctx.setTitle(t('overview.title'), t('overview.subtitle'));
      draw();
    },
    unmount() {
      delete document.body.dataset.statsReady;
    },
  };
}
