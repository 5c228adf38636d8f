// How root fields run: one read (or write) transaction per root field, in which the field's own
// query runs and then every nested selection is prefetched (server/loading/hydrate.ts).
import type { GraphQLResolveInfo } from 'graphql';
import type { ManagedTransaction } from 'neo4j-driver';
import { type Actor, auditedWrite, newAuditId } from '../../graph/audit-log.js';
import { stampChanges } from '../../graph/queries/stamps.js';
import type { Change } from '../../graph/queries/curation.js';
import { LABELS, type Label } from '../../graph/model.js';
import type { AppContext } from '../context.js';
import { badUserInput } from '../errors.js';
import { hydrateForField } from '../loading/hydrate.js';

/** One read transaction: `work`, then the prefetch of the selection below this field. */
export function readRoot<T>(
  context: AppContext,
  info: GraphQLResolveInfo,
  work: (tx: ManagedTransaction) => Promise<T>,
  options?: { timeoutMs?: number },
): Promise<T> {
  return context.executor.read(async (tx) => {
    const result = await work(tx);
    await hydrateForField(tx, info, context.access, [result]);
    return result;
  }, options);
}

/**
 * One write transaction: `work`, the write stamps (writtenBy = each change's audit id), the prefetch of
 * the selection, then (last, before commit) a pending audit entry per change in the audit store; its
 * outcome is appended after commit (graph/audit-log.ts). An entry that cannot be appended rolls the
 * write back.
 */
export function writeRoot<T>(
  context: AppContext,
  info: GraphQLResolveInfo,
  work: (tx: ManagedTransaction, actor: Actor) => Promise<{ value: T; changes: Change[] }>,
): Promise<T> {
  const actor: Actor = context.actor;
  return auditedWrite(context.auditLog, actor, (appendPending) =>
    context.executor.write(async (tx) => {
      const { value, changes } = await work(tx, actor);
      const stamped = changes.map((change) => ({ id: newAuditId(), ...change }));
      await stampChanges(tx, stamped);
      await hydrateForField(tx, info, context.access, [value]);
      await appendPending(stamped.map((change) => ({ action: info.fieldName, ...change })));
      return value;
    }),
  );
}

/** EntityType enum values (CHAIN…) → labels (Chain…). */
export function labelsOf(types: readonly string[] | null | undefined): Label[] | undefined {
  if (!types?.length) return undefined;
  return types.map((t) => LABELS.find((l) => l.toUpperCase() === t)!).filter(Boolean);
}

/** `first`-style arguments: negative is a mistake, above the cap is capped. */
export function pageSize(value: number | null | undefined, fallback: number, cap: number, name = 'first'): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0) throw badUserInput(`${name} must be a whole number ≥ 0 (at most ${cap}).`);
  return Math.min(n, cap);
}
