// A graph written by an earlier version (AuditEntry and ImportRun nodes, proposals holding the token
// fingerprint of who proposed and reviewed): the start-up migration moves it all into the audit store,
// leaves no trace in the graph, keeps who proposed, and does nothing more when run again.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/audit-log.js';
import { moveAuditOutOfGraph } from '../../graph/audit-migration.js';
import { findActors, readAuditTrail } from '../../graph/audit-trail.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();
const log = new AuditLog(join(mkdtempSync(join(tmpdir(), 'audit-migration-')), 'audit.jsonl'));

beforeAll(async () => {
  await emptyDatabase(db.executor);
  // As graph/queries/audit.ts, graph/import-run.ts and graph/queries/proposals.ts wrote them before.
  await db.executor.mutate(`
    CREATE (:Proposal {id: 'proposal:old', status: 'confirmed', kind: 'NODE', target: 'ent:x', fact: '{}', sources: ['source:s1'],
                       quote: 'q', confidence: 'medium', proposedAt: datetime('2026-01-01T08:00:00Z'), proposedBy: 'editor:0123456789ab',
                       reviewedAt: datetime('2026-01-02T08:00:00Z'), reviewedBy: 'admin:ba9876543210'})
    CREATE (:AuditEntry {id: 'audit:old-1', at: datetime('2026-01-01T08:00:00Z'), actorRole: 'editor', actorFingerprint: '0123456789ab',
                         action: 'proposeFact', target: 'proposal:old', before: 'null', after: '{"status":"proposed"}'})
    CREATE (:AuditEntry {id: 'audit:old-2', at: datetime('2026-01-02T08:00:00Z'), actorRole: 'admin', actorFingerprint: 'ba9876543210',
                         action: 'reviewProposal', target: 'proposal:old', before: '{"status":"proposed"}', after: '{"status":"confirmed"}'})
    CREATE (:ImportRun {id: 'import:old', at: datetime('2026-01-03T08:00:00Z'), actor: 'editor:0123456789ab', kind: 'enterprises',
                        fileName: 'firms.csv', encoding: 'UTF-8', rows: 3, nodesWritten: 4, relationshipsWritten: 2})`);
});

describe('moving the audit trail out of the graph', () => {
  it('stores every old record as committed and removes every trace from the graph', async () => {
    expect(await moveAuditOutOfGraph(db.executor, log)).toEqual({ entries: 3, proposals: 1 });
    const [left] = await db.executor.query(`
      MATCH (n) WHERE n:AuditEntry OR n:ImportRun OR n.proposedBy IS NOT NULL OR n.reviewedBy IS NOT NULL
      RETURN count(n) AS n`);
    expect(left.n).toBe(0);
    const [proposal] = await db.executor.query(
      "MATCH (p:Proposal {id: 'proposal:old'}) RETURN p.status AS status, p.reviewedAt IS NOT NULL AS reviewed",
    );
    expect(proposal).toEqual({ status: 'confirmed', reviewed: true });

    const { entries } = await readAuditTrail(log, 10);
    expect(entries.map((e) => [e.id, e.action, e.outcome])).toEqual([
      ['import:old', 'importCsv', 'committed'],
      ['audit:old-2', 'reviewProposal', 'committed'],
      ['audit:old-1', 'proposeFact', 'committed'],
    ]);
    expect(entries[0]).toMatchObject({
      at: '2026-01-03T08:00:00.000Z',
      actorRole: 'editor',
      actorFingerprint: '0123456789ab',
      target: 'firms.csv',
      after: { importRunId: 'import:old', rows: 3 },
    });
    expect(entries[1]).toMatchObject({ before: { status: 'proposed' }, after: { status: 'confirmed' } });
    expect(await findActors(log, 'proposeFact', ['proposal:old'])).toEqual(
      new Map([['proposal:old', 'editor:0123456789ab']]),
    );
  });

  it('does nothing more when run again', async () => {
    expect(await moveAuditOutOfGraph(db.executor, log)).toEqual({ entries: 0, proposals: 0 });
    expect((await readAuditTrail(log, 10)).entries).toHaveLength(3);
  });
});
