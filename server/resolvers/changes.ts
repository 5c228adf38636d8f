// `changes` (what the graph learned in a period, in a scope) and `retireFact` (a fact kept with status
// retired). Who made a change comes from the audit store, for admins only: the trail is admin-only.
import { actorLabel } from '../../graph/audit-trail.js';
import { shanghaiToday } from '../../graph/model-rules.js';
import { readChanges, type ChangeRow } from '../../graph/queries/changes.js';
import { requireSources } from '../../graph/queries/curation.js';
import { retireFact } from '../../graph/queries/retire.js';
import type { AppContext } from '../context.js';
import { badUserInput } from '../errors.js';
import type { FactChangeResolvers, MutationResolvers, QueryResolvers } from '../generated/graphql.js';
import type { Citable } from '../loading/records.js';
import { hasRole, requireRole } from '../plugins/access.js';
import { citations } from './entity-fields.js';
import { pageSize, readRoot, writeRoot } from './root.js';

export type FactChangeValue = ChangeRow & Citable & { who: string | null };

/** Role and name (else fingerprint) per audit entry id, read once per request (admins only). */
async function actorsById(context: AppContext): Promise<Map<string, string>> {
  const { entries } = await context.auditLog.read();
  return new Map(
    entries.map((e) => [e.id, actorLabel({ role: e.actorRole, name: e.actorName, fingerprint: e.actorFingerprint })]),
  );
}

export const changesQuery: Pick<QueryResolvers, 'changes'> = {
  changes: async (_, { since, until, scope, first }, context, info) => {
    const end = until ?? shanghaiToday();
    if (end < since) throw badUserInput(`until (${end}) is before since (${since}).`);
    const limit = pageSize(first, 200, 500);
    // The value has the shape of ChangesPage, so the prefetch turns the rows' sources into citations.
    const page = await readRoot(context, info, async (tx) => {
      const { rows, truncated } = await readChanges(tx, { since, until: end, scope, first: limit });
      const changes = rows.map((r): FactChangeValue => ({ ...r, who: null }));
      return { since, until: end, changes, truncated };
    });
    if (hasRole(context.role, 'admin')) {
      const actors = await actorsById(context);
      for (const row of page.changes) row.who = row.writtenBy ? (actors.get(row.writtenBy) ?? null) : null;
    }
    return page;
  },
};

export const FactChange: FactChangeResolvers = {
  status: (c) => String(c.props.status ?? 'unknown'),
  retiredReason: (c) => (c.kind === 'RETIRED' && c.props.retiredReason != null ? String(c.props.retiredReason) : null),
  citations: (c, args, context) => citations(c, args, context),
  who: (c, _args, context) => (hasRole(context.role, 'admin') ? c.who : null),
};

export const retireMutation: Pick<MutationResolvers, 'retireFact'> = {
  retireFact: (_, { target, reason, sources }, context, info) => {
    requireRole(context, 'editor', 'retireFact');
    const why = reason.trim();
    if (!why) throw badUserInput('Give the reason the fact no longer holds (reason must not be empty).');
    return writeRoot(context, info, async (tx) => {
      await requireSources(tx, sources);
      const change = await retireFact(tx, target, why, sources);
      const after = change.after ?? {};
      return {
        value: { target, status: String(after.status), retiredReason: String(after.retiredReason) },
        changes: [change],
      };
    });
  },
};
