// Several processes appending to one audit file at once (server processes, the seed CLI): each entry is
// one write under the O_EXCL lock file (graph/audit-lock.ts), so none is lost or interleaved; a lock
// left by a killed process is taken over; a pending entry's fate across retries is read from the
// before-images of later attempts (graph/audit-log.ts auditedWrite).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, auditedWrite } from '../../graph/audit-log.js';
import { withFileLock } from '../../graph/audit-lock.js';
import { projectRoot } from '../../graph/runtime/instance-config.js';

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'audit-lock-test-')), 'audit.jsonl');
const editor = { role: 'editor', fingerprint: 'abc' };

function writer(file: string, name: string, count: number): Promise<number | null> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/graph/lib/audit-append-child.ts', file, name, String(count)],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  return new Promise((resolve) => child.on('close', resolve));
}

describe('the audit file under several writers', () => {
  it('6 processes × 40 entries at once: every entry and outcome there once, no line broken', async () => {
    const file = freshFile();
    const started = performance.now();
    const codes = await Promise.all(Array.from({ length: 6 }, (_, p) => writer(file, `p${p}`, 40)));
    const ms = performance.now() - started;
    expect(codes).toEqual([0, 0, 0, 0, 0, 0]);
    const { entries, outcomes, unreadableLines } = await new AuditLog(file).read();
    console.log(`audit lock: 6 processes × 40 entries in ${Math.round(ms)} ms, ${unreadableLines} unreadable lines`);
    expect(unreadableLines).toBe(0);
    expect(entries).toHaveLength(240);
    expect(new Set(entries.map((e) => e.target)).size).toBe(240);
    expect([...outcomes.values()].every((o) => o.outcome === 'committed')).toBe(true);
    expect(outcomes.size).toBe(240);
    // each process's own entries stay in its order
    for (let p = 0; p < 6; p++) {
      const mine = entries.filter((e) => e.actorFingerprint === `p${p}`).map((e) => Number(e.target.split(':')[1]));
      expect(mine).toEqual([...mine].sort((a, b) => a - b));
    }
  }, 240_000);

  it('takes over a lock whose process is gone', async () => {
    const file = freshFile();
    writeFileSync(`${file}.lock`, `999999999 ${(await import('node:os')).hostname()} 2020-01-01T00:00:00Z`);
    const started = Date.now();
    await new AuditLog(file).appendPending(editor, [{ action: 'a', target: 'ent:a', before: null, after: {} }]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await new AuditLog(file).read()).entries).toHaveLength(1);
  });

  it('a writer killed at any moment never leaves a lock the next writer must wait out', async () => {
    const file = freshFile();
    for (let round = 0; round < 12; round++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'tests/graph/lib/audit-append-child.ts', file, `k${round}`, '100000'],
        { cwd: projectRoot, stdio: 'ignore' },
      );
      const closed = new Promise((resolve) => child.on('close', resolve));
      // tsx needs about a second to start; kill somewhere in the appends that follow
      await new Promise((r) => setTimeout(r, 1_200 + Math.random() * 400));
      child.kill('SIGKILL');
      await closed;
      await expect(withFileLock(`${file}.lock`, async () => round, { timeoutMs: 3_000 })).resolves.toBe(round);
    }
    const { entries, unreadableLines } = await new AuditLog(file).read();
    expect(unreadableLines).toBe(0);
    // the kills fell among appends, not before the first one
    expect(new Set(entries.map((e) => e.actorFingerprint)).size).toBeGreaterThanOrEqual(10);
  }, 120_000);

  it('waits for a live holder and gives up with a clear message after the timeout', async () => {
    const file = freshFile();
    let release!: () => void;
    const held = withFileLock(`${file}.lock`, () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 50));
    await expect(withFileLock(`${file}.lock`, async () => 1, { timeoutMs: 300 })).rejects.toThrow(
      /held by another process/,
    );
    release();
    await held;
    expect(await withFileLock(`${file}.lock`, async () => 2)).toBe(2);
  });
});

describe('outcomes of retried and interrupted attempts', () => {
  it('a retried attempt whose write a later attempt read is committed, not failed', async () => {
    const log = new AuditLog(freshFile());
    let first = '';
    await auditedWrite(log, editor, async (appendPending) => {
      await appendPending([{ action: 'a', target: 'ent:r', before: null, after: { name: 'x' } }]);
      first = (await log.read()).entries[0].id;
      // the commit went through but its answer was lost; the retry reads what the first attempt wrote
      await appendPending([
        { action: 'a', target: 'ent:r', before: { name: 'x', writtenBy: first }, after: { name: 'x' } },
      ]);
    });
    const { outcomes } = await log.read();
    expect(outcomes.get(first)?.outcome).toBe('committed');
  });

  it('leaves the entries pending when the database went away (outcome unknown)', async () => {
    const log = new AuditLog(freshFile());
    const lost = Object.assign(new Error('gone'), { code: 'DATABASE_UNAVAILABLE' });
    await expect(
      auditedWrite(log, editor, async (appendPending) => {
        await appendPending([{ action: 'a', target: 'ent:u', before: null, after: {} }]);
        throw lost;
      }),
    ).rejects.toBe(lost);
    const { entries, outcomes } = await log.read();
    expect(entries).toHaveLength(1);
    expect(outcomes.size).toBe(0);
  });
});
