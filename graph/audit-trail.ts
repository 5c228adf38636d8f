// Reading the audit store (graph/audit-log.ts): the trail newest first with cursor pages, each entry
// joined with its outcome, and who proposed or reviewed a proposal (kept in the store, not the graph).
import type { AuditLog, AuditOutcome } from './audit-log.js';
import { badInput } from './errors.js';

export interface AuditEntryRow {
  id: string;
  at: string;
  actorRole: string;
  actorFingerprint: string;
  /** The token holder's name; null for entries without one (older entries, the CLI). */
  actorName: string | null;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  /** pending: no outcome recorded (the server stopped between append and commit, or could not record it). */
  outcome: AuditOutcome;
}

export interface AuditTrailPage {
  entries: AuditEntryRow[];
  hasMore: boolean;
  endCursor: string | null;
  unreadableLines: number;
}

const encodeCursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return value as [string, string];
  } catch {
    /* reported below */
  }
  throw badInput('`after` is not a cursor of this audit trail. Pass the endCursor of the previous page.');
}

/** Newest first (by time, then id); `after` is the endCursor of the previous page. */
export async function readAuditTrail(log: AuditLog, first: number, after?: string | null): Promise<AuditTrailPage> {
  const cursor = after ? decodeCursor(after) : null;
  const { entries, outcomes, unreadableLines } = await log.read();
  const newestFirst = entries
    .map(
      (e): AuditEntryRow => ({
        id: e.id,
        at: e.at,
        actorRole: e.actorRole,
        actorFingerprint: e.actorFingerprint,
        actorName: e.actorName ?? null,
        action: e.action,
        target: e.target,
        before: e.before ?? null,
        after: e.after ?? null,
        outcome: outcomes.get(e.id)?.outcome ?? 'pending',
      }),
    )
    .sort((a, b) => compare(b, a));
  const rest = cursor ? newestFirst.filter((e) => compare(e, { at: cursor[0], id: cursor[1] }) < 0) : newestFirst;
  const page = rest.slice(0, first);
  const hasMore = rest.length > first;
  const last = page.at(-1);
  return {
    entries: page,
    hasMore,
    endCursor: hasMore && last ? encodeCursor(last.at, last.id) : null,
    unreadableLines,
  };
}

// ISO strings in UTC order as their times do.
const compare = (a: { at: string; id: string }, b: { at: string; id: string }) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** How an actor is shown (proposals, changes): `role:name`, or `role:fingerprint` without a name. */
export const actorLabel = (a: { role: string; name?: string | null; fingerprint: string }) =>
  `${a.role}:${a.name ?? a.fingerprint}`;

/**
 * `role:name` (else `role:fingerprint`) of the (not failed) entry of `action` on each target: who proposed or reviewed a
 * proposal. One read of the store for all targets; a committed entry wins over a pending one.
 */
export async function findActors(log: AuditLog, action: string, targets: string[]): Promise<Map<string, string>> {
  const wanted = new Set(targets);
  const found = new Map<string, { actor: string; outcome: AuditOutcome }>();
  if (!wanted.size) return new Map();
  const { entries, outcomes } = await log.read();
  for (const e of entries) {
    if (e.action !== action || !wanted.has(e.target)) continue;
    const outcome = outcomes.get(e.id)?.outcome ?? 'pending';
    if (outcome === 'failed' || found.get(e.target)?.outcome === 'committed') continue;
    found.set(e.target, {
      actor: actorLabel({ role: e.actorRole, name: e.actorName, fingerprint: e.actorFingerprint }),
      outcome,
    });
  }
  return new Map([...found].map(([target, { actor }]) => [target, actor]));
}
