// The audit file's cross-process lock: a lock file beside the audit file, holding the owner's pid and
// start time. It comes into being with its content (written to a private file, then hard-linked into
// place, which fails if the lock exists), so a process killed while taking it never leaves an empty lock
// that nobody could attribute. Several server processes and the seed CLI append under it, one write per
// entry batch. Local disks only: O_EXCL and pid checks are not reliable on network file systems.
import { hostname } from 'node:os';
import { link, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface LockOptions {
  /** Give up after this long (ms); the append then fails and its transaction rolls back. */
  timeoutMs?: number;
  /** A lock older than this (ms) is taken over even if its owner seems alive (a hung or reused pid). */
  staleMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the process that wrote the lock is gone (same host only; another host's lock is left to age). */
function ownerIsGone(content: string): boolean {
  const [pid, host] = content.split(' ');
  if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes the private files a killed owner left beside the lock (they are only ever its own). */
async function removeLeftovers(lockPath: string, pid: string): Promise<void> {
  const prefix = `${basename(lockPath)}.${pid}.`;
  const names = await readdir(dirname(lockPath)).catch(() => []);
  await Promise.all(
    names.filter((n) => n.startsWith(prefix)).map((n) => rm(join(dirname(lockPath), n), { force: true })),
  );
}

/** Removes a lock left by a killed process (dead pid) or one older than `staleMs`; true when it did. */
async function breakStale(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    const [content, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    // An empty file (written by an older version between create and write) is broken only once it is old.
    const gone = content ? ownerIsGone(content) : false;
    if (!gone && Date.now() - info.mtimeMs < staleMs) return false;
    // Re-check that it is still the same lock before removing it (another process may have broken it).
    const again = await readFile(lockPath, 'utf8');
    if (again !== content) return false;
    await rm(lockPath, { force: true });
    if (gone) await removeLeftovers(lockPath, content.split(' ')[0]);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true; // released meanwhile
    throw error;
  }
}

/** Runs `work` holding the lock file `lockPath`; waits (with back-off) while another process holds it. */
export async function withFileLock<T>(lockPath: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  let delay = 2;
  const ownFile = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(ownFile, `${process.pid} ${hostname()} ${new Date().toISOString()}`, { mode: 0o600 });
  try {
    for (;;) {
      try {
        await link(ownFile, lockPath);
        // the lock's age counts from now, not from when this process began to wait (same inode)
        const now = new Date();
        await utimes(ownFile, now, now);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (await breakStale(lockPath, staleMs)) continue;
        if (Date.now() > deadline)
          throw new Error(
            `The audit file lock ${lockPath} is held by another process for more than ${timeoutMs} ms; remove it if no server or seed run is writing.`,
          );
        await sleep(delay + Math.random() * delay);
        delay = Math.min(delay * 2, 50);
      }
    }
  } finally {
    await rm(ownFile, { force: true });
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}
