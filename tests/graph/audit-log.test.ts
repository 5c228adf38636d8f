// The audit store on its own (no database): entries and their outcomes, attempts the driver retried,
// failed transactions, a pending entry without outcome, a line cut short by a crash, pages newest
// first, and who proposed or reviewed. The API's use of it is in tests/server/audit-store.test.ts.
import { appendFileSync, chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditedWrite, AuditLog, type AuditDraft } from '../../graph/audit-log.js';
import { findActors, readAuditTrail } from '../../graph/audit-trail.js';

const editor = { role: 'editor', fingerprint: '0123456789ab' };
const admin = { role: 'admin', fingerprint: 'ba9876543210' };
const freshLog = () => new AuditLog(join(mkdtempSync(join(tmpdir(), 'audit-log-test-')), 'nested', 'audit.jsonl'));
const draft = (target: string, action = 'upsertEnterprise'): AuditDraft => ({
  action,
  target,
  before: null,
  after: { name: target },
});
const outcomes = async (log: AuditLog) => (await readAuditTrail(log, 200)).entries.map((e) => [e.target, e.outcome]);

describe('auditedWrite', () => {
  it('records the entry before the work returns and committed after it', async () => {
    const log = freshLog();
    const seenInside: string[][] = [];
    const value = await auditedWrite(log, editor, async (appendPending) => {
      await appendPending([draft('ent:a')]);
      seenInside.push(await outcomes(log).then((rows) => rows.map((r) => r.join(' '))));
      return 42;
    });
    expect(value).toBe(42);
    expect(seenInside).toEqual([['ent:a pending']]);
    expect(await outcomes(log)).toEqual([['ent:a', 'committed']]);
    expect(statSync(log.path).mode & 0o777).toBe(0o600);
  });

  it('marks attempts the driver retried as failed and only the last one committed', async () => {
    const log = freshLog();
    let attempt = 0;
    await auditedWrite(log, editor, async (appendPending) => {
      // What executeWrite does on a transient error at commit: run the work again.
      for (;;) {
        await appendPending([draft(`ent:attempt-${++attempt}`)]);
        if (attempt === 2) return;
      }
    });
    expect((await outcomes(log)).sort()).toEqual([
      ['ent:attempt-1', 'failed'],
      ['ent:attempt-2', 'committed'],
    ]);
  });

  it('marks the entries failed and passes the error on when the transaction fails', async () => {
    const log = freshLog();
    const failure = auditedWrite(log, editor, async (appendPending) => {
      await appendPending([draft('ent:x'), draft('ent:y')]);
      throw new Error('commit refused');
    });
    await expect(failure).rejects.toThrow('commit refused');
    expect((await outcomes(log)).sort()).toEqual([
      ['ent:x', 'failed'],
      ['ent:y', 'failed'],
    ]);
  });

  it('refuses to go on when the entry cannot be appended, so the caller rolls back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-log-test-'));
    writeFileSync(join(dir, 'file'), '');
    const log = new AuditLog(join(dir, 'file', 'audit.jsonl'));
    let committed = false;
    await expect(
      auditedWrite(log, editor, async (appendPending) => {
        await appendPending([draft('ent:z')]);
        committed = true;
      }),
    ).rejects.toThrow();
    expect(committed).toBe(false);
  });
});

describe('reading the store', () => {
  it('shows an entry without outcome as pending and counts a line cut short by a crash', async () => {
    const log = freshLog();
    await log.appendPending(editor, [draft('ent:stopped')]);
    appendFileSync(log.path, '{"id":"audit:torn","at":"2026-'); // the server died mid-line
    await auditedWrite(log, editor, (appendPending) => appendPending([draft('ent:after-crash')]));
    const page = await readAuditTrail(log, 10);
    expect(page.unreadableLines).toBe(1);
    expect(page.entries.map((e) => [e.target, e.outcome]).sort()).toEqual([
      ['ent:after-crash', 'committed'],
      ['ent:stopped', 'pending'],
    ]);
    expect(readFileSync(log.path, 'utf8')).toMatch(/"2026-\n\{/); // the next record started on its own line
  });

  it('pages newest first with a cursor and refuses a cursor it did not make', async () => {
    const log = freshLog();
    for (let i = 1; i <= 5; i++) {
      await auditedWrite(log, editor, (appendPending) => appendPending([draft(`ent:n${i}`)]));
      await new Promise((resolve) => setTimeout(resolve, 2)); // distinct times
    }
    const first = await readAuditTrail(log, 2);
    expect(first.entries.map((e) => e.target)).toEqual(['ent:n5', 'ent:n4']);
    expect(first.hasMore).toBe(true);
    const second = await readAuditTrail(log, 2, first.endCursor);
    expect(second.entries.map((e) => e.target)).toEqual(['ent:n3', 'ent:n2']);
    const last = await readAuditTrail(log, 2, second.endCursor);
    expect(last).toMatchObject({ hasMore: false, endCursor: null });
    expect(last.entries.map((e) => e.target)).toEqual(['ent:n1']);
    await expect(readAuditTrail(log, 2, 'garbage')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('reads an absent file as an empty trail and tightens a file others could read', async () => {
    const log = freshLog();
    expect(await readAuditTrail(log, 10)).toEqual({ entries: [], hasMore: false, endCursor: null, unreadableLines: 0 });
    await log.ensureWritable();
    chmodSync(log.path, 0o644);
    await log.appendPending(editor, [draft('ent:p')]);
    expect(statSync(log.path).mode & 0o777).toBe(0o600);
  });

  it('finds who proposed and who reviewed, ignoring a review that failed', async () => {
    const log = freshLog();
    await auditedWrite(log, editor, (appendPending) => appendPending([draft('proposal:1', 'proposeFact')]));
    await expect(
      auditedWrite(log, { role: 'admin', fingerprint: 'ffffffffffff' }, async (appendPending) => {
        await appendPending([draft('proposal:1', 'reviewProposal')]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow();
    await auditedWrite(log, admin, (appendPending) => appendPending([draft('proposal:1', 'reviewProposal')]));
    expect(await findActors(log, 'proposeFact', ['proposal:1', 'proposal:2'])).toEqual(
      new Map([['proposal:1', 'editor:0123456789ab']]),
    );
    expect(await findActors(log, 'reviewProposal', ['proposal:1'])).toEqual(
      new Map([['proposal:1', 'admin:ba9876543210']]),
    );
  });
});
