// The audit trail: one AuditEntry node (an operational label, never a domain one, never linked to
// domain nodes) per write, created in the same transaction as the write. Who is a role and a
// fingerprint of the token, never the token itself.
import { randomUUID } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { badInput } from '../errors.js';
import { runRows } from '../executor.js';

export interface Actor {
  role: string;
  /** First hex digits of the SHA-256 of the token. */
  fingerprint: string;
}

export interface AuditWrite {
  action: string;
  /** Node id, or type:from->to for a relationship. */
  target: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntryRow {
  id: string;
  at: string;
  actorRole: string;
  actorFingerprint: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

export async function writeAuditEntry(tx: ManagedTransaction, actor: Actor, entry: AuditWrite): Promise<void> {
  await tx.run(
    `CREATE (:AuditEntry {id: $id, at: datetime(), actorRole: $role, actorFingerprint: $fingerprint,
                          action: $action, target: $target, before: $before, after: $after})`,
    {
      id: `audit:${randomUUID()}`,
      role: actor.role,
      fingerprint: actor.fingerprint,
      action: entry.action,
      target: entry.target,
      before: JSON.stringify(entry.before ?? null),
      after: JSON.stringify(entry.after ?? null),
    },
  );
}

const encodeCursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string];
  } catch {
    /* reported below */
  }
  throw badInput('`after` is not a cursor of this audit trail. Pass the endCursor of the previous page.');
}

/** Newest first; `after` is the endCursor of the previous page. */
export async function readAuditTrail(tx: ManagedTransaction, first: number, after?: string | null) {
  const [afterAt, afterId] = after ? decodeCursor(after) : [null, null];
  // Imports record themselves as ImportRun nodes in their own transaction (seed/import-csv.ts); the
  // trail shows them as action importCsv.
  const rows = await runRows(
    tx,
    `CALL () {
       MATCH (a:AuditEntry) RETURN a.at AS at, a.id AS id, a {.*} AS entry, null AS run
       UNION ALL
       MATCH (r:ImportRun) RETURN r.at AS at, r.id AS id, null AS entry, r {.*} AS run
     }
     WITH at, id, entry, run
     WHERE $afterAt IS NULL OR at < datetime($afterAt) OR (at = datetime($afterAt) AND id < $afterId)
     RETURN entry, run
     ORDER BY at DESC, id DESC
     LIMIT $take`,
    { afterAt, afterId, take: neo4j.int(first + 1) },
  );
  const hasMore = rows.length > first;
  const entries = rows.slice(0, first).map((r) => {
    if (r.run) return importRunEntry(r.run as Record<string, unknown>);
    const e = r.entry as Record<string, string>;
    return { ...e, before: parseJson(e.before), after: parseJson(e.after) } as AuditEntryRow;
  });
  const last = entries.at(-1);
  return { entries, hasMore, endCursor: hasMore && last ? encodeCursor(last.at, last.id) : null };
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function importRunEntry(run: Record<string, unknown>): AuditEntryRow {
  const actor = String(run.actor ?? 'unknown');
  const match = /^(\w+):([0-9a-f]{12})$/.exec(actor);
  return {
    id: String(run.id),
    at: String(run.at),
    actorRole: match ? match[1] : 'cli',
    actorFingerprint: match ? match[2] : actor,
    action: 'importCsv',
    target: String(run.fileName ?? run.id),
    before: null,
    after: { importRunId: run.id, kind: run.kind, encoding: run.encoding, rows: run.rows, nodesWritten: run.nodesWritten, relationshipsWritten: run.relationshipsWritten },
  };
}
