// The audit trail's store: an append-only JSON Lines file (mode 0600) beside the database, never in it.
// Analysts read the whole graph through `cypher` and Neo4j Community has no per-label privileges, so
// who wrote what (role, token fingerprint, before/after) must not be a node. The graph layer owns
// persistence, so the store lives here and both the server and the seed CLI append to it.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { withFileLock } from './audit-lock.js';
import { projectRoot } from './runtime/instance-config.js';

/** Default file (git-ignored); KG_AUDIT_FILE points elsewhere, e.g. at storage shared by several servers. */
export const DEFAULT_AUDIT_FILE = join(projectRoot, '.data/audit.jsonl');

export interface Actor {
  role: string;
  /** First hex digits of the SHA-256 of the token (never the token); a user name for the CLI. */
  fingerprint: string;
  /** The token holder's name from the tokens list (KG_TOKENS_FILE), when the caller has one. */
  name?: string;
}

/** One change to record: the operation, what it wrote, and the state before and after. */
export interface AuditDraft {
  /** Given when the write stored it first (as `writtenBy` on what it wrote); a fresh id otherwise. */
  id?: string;
  action: string;
  /** Node id, or type:from->to for a relationship; the file name for an import. */
  target: string;
  before: unknown;
  after: unknown;
  /**
   * The target's version after this write (graph/queries/stamps.ts): versions grow by one per committed
   * change, so the committed entries of one target in version order are its commit order.
   */
  version?: number | null;
}

/** An audit entry id, made before the write when the write stores it as `writtenBy`. */
export const newAuditId = () => `audit:${randomUUID()}`;

export type AuditOutcome = 'pending' | 'committed' | 'failed';

/** A line as written before commit (outcome pending); its outcome follows on a later line. */
export interface AuditEntryLine extends AuditDraft {
  id: string;
  at: string;
  actorRole: string;
  actorFingerprint: string;
  /** Actor.name; absent in entries written before tokens had names, and for the CLI. */
  actorName?: string;
  outcome: 'pending';
  /** Shared by the entries of one transaction attempt: they committed or failed together. */
  group?: string;
}

/** A line written after the transaction ended. */
export interface AuditOutcomeLine {
  id: string;
  at: string;
  outcome: 'committed' | 'failed';
}

export interface AuditFileContent {
  /** In the order they were appended. */
  entries: AuditEntryLine[];
  /** Latest outcome line per entry id. */
  outcomes: Map<string, AuditOutcomeLine>;
  /** Lines that are not JSON records of this file (e.g. one cut short by a crash). */
  unreadableLines: number;
}

/** The tail of each file's append queue in this process (appends of one process wait in line). */
const queues = new Map<string, Promise<void>>();

export class AuditLog {
  constructor(readonly path: string) {}

  /** Creates the file (mode 0600) when missing and proves it can be appended to; throws otherwise. */
  async ensureWritable(): Promise<void> {
    await this.append([]);
  }

  /** Appends one pending entry per draft in one write; returns their ids. Throws when it cannot. */
  async appendPending(actor: Actor, drafts: AuditDraft[]): Promise<string[]> {
    const at = new Date().toISOString();
    const group = randomUUID();
    const lines: AuditEntryLine[] = drafts.map((d) => ({
      id: d.id ?? newAuditId(),
      at,
      actorRole: actor.role,
      actorFingerprint: actor.fingerprint,
      actorName: actor.name,
      action: d.action,
      target: d.target,
      before: d.before ?? null,
      after: d.after ?? null,
      ...(d.version === undefined ? {} : { version: d.version }),
      outcome: 'pending',
      group,
    }));
    await this.append(lines);
    return lines.map((l) => l.id);
  }

  async appendOutcome(ids: string[], outcome: 'committed' | 'failed'): Promise<void> {
    if (!ids.length) return;
    const at = new Date().toISOString();
    await this.append(ids.map((id): AuditOutcomeLine => ({ id, at, outcome })));
  }

  /** Appends entries that were committed elsewhere (moved from an older store), each with its outcome line. */
  async appendCommitted(entries: AuditEntryLine[]): Promise<void> {
    await this.append(
      entries.flatMap((e): object[] => [e, { id: e.id, at: e.at, outcome: 'committed' } satisfies AuditOutcomeLine]),
    );
  }

  /** Appends outcome lines decided by looking at the graph (graph/audit-resolve.ts), one per entry. */
  async appendResolved(outcomes: { id: string; outcome: 'committed' | 'failed' }[]): Promise<void> {
    if (!outcomes.length) return;
    const at = new Date().toISOString();
    await this.append(outcomes.map(({ id, outcome }): AuditOutcomeLine => ({ id, at, outcome })));
  }

  async read(): Promise<AuditFileContent> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { entries: [], outcomes: new Map(), unreadableLines: 0 };
      throw error;
    }
    const content: AuditFileContent = { entries: [], outcomes: new Map(), unreadableLines: 0 };
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const record = parseLine(line);
      if (!record) content.unreadableLines++;
      else if (record.outcome === 'pending') content.entries.push(record);
      else content.outcomes.set(record.id, record);
    }
    return content;
  }

  /**
   * One write() on a file opened for appending, under the cross-process lock (graph/audit-lock.ts) and,
   * within this process, one append at a time: lines of concurrent writers (other requests, other server
   * processes, the seed CLI) never interleave. Synced to disk before returning, because the caller
   * commits right after.
   */
  private append(lines: object[]): Promise<void> {
    const run = queues.get(this.path) ?? Promise.resolve();
    const next = run.then(async () => {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      await withFileLock(`${this.path}.lock`, () => this.appendLocked(lines));
    });
    const settled = next.catch(() => {});
    queues.set(this.path, settled);
    void settled.then(() => {
      if (queues.get(this.path) === settled) queues.delete(this.path);
    });
    return next;
  }

  private async appendLocked(lines: object[]): Promise<void> {
    const file = await open(this.path, 'a+', 0o600);
    try {
      const stat = await file.stat();
      if ((stat.mode & 0o077) !== 0) await file.chmod(0o600); // made by hand or by an older version
      if (!lines.length) return;
      let text = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
      // A line cut short by a crash would swallow the next record: start on a fresh line.
      if (stat.size > 0) {
        const last = Buffer.alloc(1);
        await file.read(last, 0, 1, stat.size - 1);
        if (last[0] !== 0x0a) text = `\n${text}`;
      }
      const bytes = Buffer.from(text, 'utf8');
      const { bytesWritten } = await file.write(bytes);
      if (bytesWritten !== bytes.length)
        throw new Error(
          `Only ${bytesWritten} of ${bytes.length} bytes reached the audit file ${this.path} (disk full?).`,
        );
      await file.datasync();
    } finally {
      await file.close();
    }
  }
}

function parseLine(line: string): AuditEntryLine | AuditOutcomeLine | null {
  try {
    const value = JSON.parse(line) as Partial<AuditEntryLine> | Partial<AuditOutcomeLine>;
    if (typeof value?.id !== 'string' || typeof value.at !== 'string') return null;
    if (value.outcome === 'pending' && typeof (value as AuditEntryLine).action === 'string')
      return value as AuditEntryLine;
    if (value.outcome === 'committed' || value.outcome === 'failed') return value as AuditOutcomeLine;
    return null;
  } catch {
    return null; // counted as unreadable and shown in the trail, never silently dropped
  }
}

/** Whether an error leaves the commit's outcome unknown (the connection or the database went away). */
function outcomeUnknown(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  return code === 'DATABASE_UNAVAILABLE' || code === 'ServiceUnavailable' || code === 'SessionExpired';
}

/**
 * Runs a write transaction whose work calls `appendPending` as its last step before commit (an append
 * that fails throws, so the transaction rolls back: nothing unaudited). Afterwards the outcome is
 * appended: committed for the attempt that committed; for an attempt the driver retried, committed when
 * a later attempt read its writtenBy in a before-image (its commit went through but the answer was lost),
 * failed otherwise. When the database went away, the last attempt's outcome is unknown: its entries stay
 * pending until resolvePending (graph/audit-resolve.ts) decides by looking at the graph. An outcome that
 * cannot be appended leaves the entry pending (shown as such).
 */
export async function auditedWrite<T>(
  log: AuditLog,
  actor: Actor,
  run: (appendPending: (drafts: AuditDraft[]) => Promise<void>) => Promise<T>,
  warn: (message: string) => void = console.error,
): Promise<T> {
  const attempts: { ids: string[]; read: Set<string> }[] = [];
  const appendPending = async (drafts: AuditDraft[]) => {
    const read = new Set(drafts.map((d) => (d.before as { writtenBy?: unknown } | null)?.writtenBy).map(String));
    attempts.push({ ids: await log.appendPending(actor, drafts), read });
  };
  const settle = (ids: string[], outcome: 'committed' | 'failed') =>
    log.appendOutcome(ids, outcome).catch((error: unknown) => {
      // The transaction has ended either way; its entries stay "pending" in the trail.
      warn(
        `Audit: could not record outcome ${outcome} of ${ids.join(', ')} in ${log.path}: ${(error as Error).message}`,
      );
    });
  /** Earlier attempts: committed when a later attempt's before-image carries one of their ids. */
  const settleRetried = async (retried: typeof attempts) => {
    const laterRead = (i: number) => attempts.slice(i + 1).flatMap((a) => [...a.read]);
    const committed = retried.filter((a, i) => a.ids.some((id) => laterRead(i).includes(id)));
    await settle(
      committed.flatMap((a) => a.ids),
      'committed',
    );
    await settle(
      retried.filter((a) => !committed.includes(a)).flatMap((a) => a.ids),
      'failed',
    );
  };
  let value: T;
  try {
    value = await run(appendPending);
  } catch (error) {
    if (outcomeUnknown(error)) await settleRetried(attempts.slice(0, -1));
    else await settleRetried(attempts);
    throw error;
  }
  await settleRetried(attempts.slice(0, -1));
  await settle(attempts.at(-1)?.ids ?? [], 'committed');
  return value;
}
