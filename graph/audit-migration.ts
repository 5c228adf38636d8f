// Moves the audit trail that earlier versions kept in the graph into the audit store: AuditEntry and
// ImportRun nodes become committed entries (same ids and times) and are deleted with their
// constraints, and Proposal nodes lose proposedBy/reviewedBy (their actors are in those entries).
// Idempotent and cheap when there is nothing to move; server/main.ts runs it at start-up.
import type { AuditEntryLine, AuditLog } from './audit-log.js';
import type { Executor, Row } from './executor.js';

/** Labels of the old in-graph audit trail; nothing writes them any more. */
const LEGACY_LABELS = ['AuditEntry', 'ImportRun'] as const;

export interface AuditMigration {
  entries: number;
  proposals: number;
}

export async function moveAuditOutOfGraph(executor: Executor, log: AuditLog): Promise<AuditMigration> {
  const rows = await executor.query(
    `CALL () {
       MATCH (a:AuditEntry) RETURN a.id AS id, a.at.epochMillis AS atMillis, properties(a) AS entry, null AS run
       UNION ALL
       MATCH (r:ImportRun) RETURN r.id AS id, r.at.epochMillis AS atMillis, null AS entry, properties(r) AS run
     }
     RETURN id, atMillis, entry, run
     ORDER BY atMillis, id`,
    {},
    { timeoutMs: 120_000 },
  );
  if (rows.length) {
    // Stored first, deleted after: a crash in between leaves both, and the next run skips what is stored.
    const stored = new Set((await log.read()).entries.map((e) => e.id));
    await log.appendCommitted(rows.filter((r) => !stored.has(String(r.id))).map(toLine));
    for (;;) {
      const [row] = await executor.mutate(
        `MATCH (n) WHERE n:AuditEntry OR n:ImportRun
         WITH n LIMIT 10000
         DETACH DELETE n
         RETURN count(*) AS deleted`,
      );
      if (Number(row.deleted) === 0) break;
    }
  }
  const [cleaned] = await executor.mutate(
    `MATCH (p:Proposal) WHERE p.proposedBy IS NOT NULL OR p.reviewedBy IS NOT NULL
     REMOVE p.proposedBy, p.reviewedBy
     RETURN count(p) AS proposals`,
  );
  // Constraint names as graph/schema.ts made them; schema commands need their own transactions.
  for (const label of LEGACY_LABELS) await executor.mutate(`DROP CONSTRAINT uniq_${label}_id IF EXISTS`);
  return { entries: rows.length, proposals: Number(cleaned.proposals) };
}

function toLine(row: Row): AuditEntryLine {
  const at = new Date(Number(row.atMillis ?? 0)).toISOString();
  if (row.entry) {
    const e = row.entry as Record<string, unknown>;
    return {
      id: String(row.id),
      at,
      actorRole: String(e.actorRole ?? 'unknown'),
      actorFingerprint: String(e.actorFingerprint ?? 'unknown'),
      action: String(e.action ?? 'unknown'),
      target: String(e.target ?? ''),
      before: parseJson(e.before),
      after: parseJson(e.after),
      outcome: 'pending',
    };
  }
  const run = row.run as Record<string, unknown>;
  // ImportRun.actor was role:fingerprint from the API, or a user name from the CLI.
  const actor = String(run.actor ?? 'unknown');
  const match = /^(\w+):([0-9a-f]{12})$/.exec(actor);
  return {
    id: String(row.id),
    at,
    actorRole: match ? match[1] : 'cli',
    actorFingerprint: match ? match[2] : actor,
    action: 'importCsv',
    target: String(run.fileName ?? row.id),
    before: null,
    after: {
      importRunId: row.id,
      kind: run.kind,
      fileName: run.fileName,
      encoding: run.encoding,
      rows: run.rows,
      nodesWritten: run.nodesWritten,
      relationshipsWritten: run.relationshipsWritten,
    },
    outcome: 'pending',
  };
}

function parseJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  try {
    return JSON.parse(String(value));
  } catch {
    return value;
  }
}
