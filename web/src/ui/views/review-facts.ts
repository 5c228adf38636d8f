// The right pane of the review screen: proposed facts grouped by kind (nodes by label, relationships by
// type), each with confirm / reject / edit, a group action, the nodes a relationship needs and any
// earlier rejection of the same fact.
import type { QueueItem } from '../../api/ingestion.js';
import { formatNumber, t, tOr } from '../../i18n/index.js';
import { h } from '../dom.js';

/** An ISO time as "YYYY-MM-DD HH:MM" (UTC, as stored). */
const shortTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

const PREFIX_LABEL: Record<string, string> = { ent: 'Enterprise', obs: 'Observation' };

/** The label of a node id (its prefix, graph/model.ts ID_PREFIX), or the type of a relationship. */
export function groupOf(item: QueueItem): string {
  const fact = item.fact as { id?: string; type?: string };
  if (item.kind === 'RELATIONSHIP') return String(fact.type ?? '?');
  const prefix = String(fact.id ?? item.target).split(':', 1)[0];
  return PREFIX_LABEL[prefix] ?? prefix.charAt(0).toUpperCase() + prefix.slice(1);
}

function groupName(kind: string, group: string): string {
  return kind === 'RELATIONSHIP' ? tOr(`rel.${group}`, group) : tOr(`type.${group.toUpperCase()}`, group);
}

interface FactActions {
  review(ids: string[], decision: 'CONFIRM' | 'REJECT', edits?: Record<string, unknown>): void;
  select(id: string): void;
  canReview: boolean;
}

function props(item: QueueItem): Record<string, unknown> {
  return ((item.fact as { properties?: Record<string, unknown> }).properties ?? {}) as Record<string, unknown>;
}

/** What the fact says in one line: a node's name, a relationship's ends by name where the page knows them. */
function factTitle(item: QueueItem, names: Map<string, string>): string {
  const fact = item.fact as { id?: string; from?: string; to?: string };
  if (item.kind === 'NODE') return String(props(item).name ?? fact.id ?? item.target);
  const name = (id?: string) => (id ? (names.get(id) ?? id) : '?');
  return `${name(fact.from)} → ${name(fact.to)}`;
}

function editor(item: QueueItem, actions: FactActions): HTMLElement {
  // Names and numbers can be corrected before confirming; other properties are shown, not edited.
  // A reference to another node (an object with an id, as a program's region) is edited as that id.
  const entries = Object.entries(props(item)).flatMap(([key, v]): [string, string | number][] => {
    if (typeof v === 'string' || typeof v === 'number') return [[key, v]];
    const id = v && typeof v === 'object' ? (v as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? [[key, id]] : [];
  });
  const original = props(item);
  const inputs = entries.map(([key, value]) => {
    const input = h('input.input', {
      name: key,
      value: String(value),
      type: typeof value === 'number' ? 'number' : 'text',
      step: 'any',
    });
    return { key, value, input, row: h('label.edit-row', null, h('span', null, key), input) };
  });
  const save = h(
    'button.btn.btn-primary.btn-small',
    { type: 'button', 'data-action': 'confirm-edited' },
    t('reviewq.confirmEdited'),
  );
  save.addEventListener('click', () => {
    const edits: Record<string, unknown> = {};
    for (const { key, value, input } of inputs) {
      const next = typeof value === 'number' ? Number(input.value) : input.value.trim();
      if (next !== value || typeof original[key] === 'object') edits[key] = next;
    }
    actions.review([item.id], 'CONFIRM', Object.keys(edits).length ? edits : undefined);
  });
  return h(
    'div.fact-editor',
    null,
    inputs.map((i) => i.row),
    save,
  );
}

function factCard(item: QueueItem, names: Map<string, string>, byId: Map<string, QueueItem>, actions: FactActions) {
  const pending = item.status === 'proposed';
  const edit = h('button.btn.btn-small', {
    type: 'button',
    'data-action': 'edit',
    hidden: !pending || !actions.canReview,
  });
  edit.textContent = t('reviewq.edit');
  const body = h('div.fact-edit-slot');
  edit.addEventListener('click', (e) => {
    e.stopPropagation();
    body.replaceChildren(body.childElementCount ? '' : editor(item, actions));
  });
  const button = (decision: 'CONFIRM' | 'REJECT') => {
    const b = h(`button.btn.btn-small${decision === 'REJECT' ? '.btn-danger' : '.btn-primary'}`, {
      type: 'button',
      'data-action': decision.toLowerCase(),
      hidden: !pending || !actions.canReview,
    });
    b.textContent = t(decision === 'CONFIRM' ? 'review.confirm' : 'review.reject');
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      actions.review([item.id], decision);
    });
    return b;
  };
  const needs = item.dependsOn.map((id) => {
    const dep = byId.get(id);
    return dep ? `${factTitle(dep, names)} (${tOr(`reviewq.status.${dep.status}`, dep.status)})` : id;
  });
  const card = h(
    'li.fact-card',
    { 'data-proposal': item.id, 'data-status': item.status, tabindex: 0 },
    h(
      'div.fact-head',
      null,
      h('strong.fact-title', null, factTitle(item, names)),
      h('span.badge', { 'data-status': item.status }, tOr(`reviewq.status.${item.status}`, item.status)),
      item.score != null ? h('span.muted', null, t('reviewq.score', { score: formatNumber(item.score, 2) })) : null,
    ),
    item.quote ? h('blockquote.fact-quote', null, item.quote) : null,
    h('p.muted.fact-rule', null, item.rule ?? ''),
    // Who filed it and, once decided, who decided and when (names from the audit trail)
    h('p.muted.fact-people', null, t('reviewq.proposedBy', { who: item.proposedBy, when: shortTime(item.proposedAt) })),
    item.reviewedBy
      ? h(
          'p.muted.fact-reviewer',
          null,
          t('reviewq.reviewedBy', { who: item.reviewedBy, when: shortTime(item.reviewedAt ?? '') }),
        )
      : null,
    needs.length ? h('p.fact-needs', null, t('reviewq.needs', { nodes: needs.join('、') })) : null,
    item.earlierRejection
      ? h(
          'p.notice.fact-rejected-before',
          null,
          t('reviewq.rejectedBefore', {
            source: item.earlierRejection.sourceName ?? '?',
            when: (item.earlierRejection.rejectedAt ?? '').slice(0, 10),
            comment: item.earlierRejection.comment ?? '',
          }),
        )
      : null,
    item.edits ? h('p.muted', null, t('reviewq.edited', { edits: JSON.stringify(item.edits) })) : null,
    h('div.fact-actions', null, button('CONFIRM'), button('REJECT'), edit),
    body,
  );
  card.addEventListener('click', () => actions.select(item.id));
  return card;
}

/** The facts grouped by kind; each group can be confirmed or rejected as a whole. */
export function factGroups(items: readonly QueueItem[], actions: FactActions): HTMLElement {
  const names = new Map<string, string>();
  const byId = new Map<string, QueueItem>();
  for (const item of items) {
    byId.set(item.id, item);
    const fact = item.fact as { id?: string };
    if (item.kind === 'NODE' && fact.id) names.set(fact.id, String(props(item).name ?? fact.id));
  }
  const groups = new Map<string, QueueItem[]>();
  for (const item of items) {
    const key = `${item.kind}|${groupOf(item)}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  return h(
    'div.fact-groups',
    { 'data-pane': 'facts' },
    ordered.map(([key, list]) => {
      const [kind, group] = key.split('|');
      const open = list.filter((i) => i.status === 'proposed').map((i) => i.id);
      const groupButton = (decision: 'CONFIRM' | 'REJECT') => {
        const b = h('button.btn.btn-small', {
          type: 'button',
          'data-action': `group-${decision.toLowerCase()}`,
          hidden: !open.length || !actions.canReview,
        });
        b.textContent = t(decision === 'CONFIRM' ? 'reviewq.confirmGroup' : 'reviewq.rejectGroup', { n: open.length });
        b.addEventListener('click', () => actions.review(open, decision));
        return b;
      };
      return h(
        'section.fact-group',
        { 'data-group': group, 'data-kind': kind },
        h(
          'header.fact-group-head',
          null,
          h(
            'h3',
            null,
            `${kind === 'NODE' ? t('reviewq.nodes') : t('reviewq.relationships')} · ${groupName(kind, group)}`,
          ),
          h('span.muted', null, String(list.length)),
          groupButton('CONFIRM'),
          groupButton('REJECT'),
        ),
        h(
          'ul.fact-list',
          null,
          list.map((item) => factCard(item, names, byId, actions)),
        ),
      );
    }),
  );
}
