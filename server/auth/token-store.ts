// The accepted tokens of one server: KG_TOKENS (fixed) plus KG_TOKENS_FILE, reloaded without a restart
// when the file changes (fs.watch, and a stat check on requests at most every few seconds because
// watchers miss edits on some file systems). A file that becomes unreadable or invalid keeps the last
// good set. Presented tokens are hashed and compared with every entry in constant time.
import { type FSWatcher, readFileSync, statSync, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { emitTokensChanged, type TokenIdentity } from './tokens-changed.js';
import { parseTokenLines, sha256, type TokenEntry } from './token-lines.js';

export interface TokenSettings {
  /** From KG_TOKENS, parsed at start; never reloaded. */
  fixed: TokenEntry[];
  /** KG_TOKENS_FILE, or null. */
  file: string | null;
  /** The file's entries as parsed at start (so a bad file stops the start). */
  fileEntries: TokenEntry[];
  /** Least time between two stat checks of the file on requests (KG_TOKENS_CHECK_SECONDS). */
  checkIntervalMs: number;
}

export type Holder = Pick<TokenEntry, 'role' | 'name' | 'fingerprint'>;

const identity = ({ role, name, fingerprint }: TokenEntry): TokenIdentity => ({ role, name, fingerprint });
const keyOf = (e: TokenEntry) => `${e.hash.toString('hex')}\n${e.role}\n${e.name}`;

/** Reads a tokens file by the same parser as the start; throws with the line numbers of bad lines. */
export function readTokensFile(file: string): { entries: TokenEntry[]; text: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`KG_TOKENS_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  return { entries: parseTokenLines(text, `KG_TOKENS_FILE ${file}`), text };
}

const signature = (file: string) => {
  try {
    const s = statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  } catch {
    return 'missing';
  }
};

export class TokenStore {
  private entries: TokenEntry[];
  private fileEntries: TokenEntry[];
  private checkedAt = Date.now();
  private seen: string;
  private watcher: FSWatcher | null = null;
  /** The last reload's error, null after a good one (shown in logs, kept for tests and status pages). */
  lastError: string | null = null;

  constructor(
    private readonly settings: TokenSettings,
    private readonly log: (message: string) => void = console.error,
  ) {
    this.fileEntries = settings.fileEntries;
    this.entries = [...settings.fixed, ...settings.fileEntries];
    this.seen = settings.file ? signature(settings.file) : '';
    if (settings.file) this.watch(settings.file);
  }

  /** The holder of a presented token, or null. Checks the file first when its check is due. */
  lookup(token: string): Holder | null {
    this.checkIfDue();
    const presented = sha256(token);
    let found: TokenEntry | null = null;
    // No early exit: the time does not tell how many entries share a prefix with the guess.
    for (const entry of this.entries) if (timingSafeEqual(entry.hash, presented) && !found) found = entry;
    return found && { role: found.role, name: found.name, fingerprint: found.fingerprint };
  }

  /** Re-reads the file now; keeps the last good set when it is missing or invalid. Returns whether the set changed. */
  reload(): boolean {
    const file = this.settings.file;
    if (!file) return false;
    this.seen = signature(file);
    let next: TokenEntry[];
    try {
      next = readTokensFile(file).entries;
    } catch (error) {
      const message = `Tokens file not reloaded, the last good set of ${this.fileEntries.length} tokens stays in use:\n${(error as Error).message}`;
      if (message !== this.lastError) this.log(message);
      this.lastError = message;
      return false;
    }
    this.lastError = null;
    const before = new Map(this.fileEntries.map((e) => [keyOf(e), e]));
    const after = new Map(next.map((e) => [keyOf(e), e]));
    const revoked = [...before].filter(([k]) => !after.has(k)).map(([, e]) => identity(e));
    const added = [...after].filter(([k]) => !before.has(k)).map(([, e]) => identity(e));
    this.fileEntries = next;
    this.entries = [...this.settings.fixed, ...next];
    if (!revoked.length && !added.length) return false;
    this.log(`Tokens file ${file} reloaded: ${added.length} added, ${revoked.length} revoked.`);
    emitTokensChanged({ file, revoked, added });
    return true;
  }

  /** The fallback for missed watcher events: a stat at most every checkIntervalMs, a reload when it differs. */
  private checkIfDue(): void {
    const file = this.settings.file;
    if (!file || Date.now() - this.checkedAt < this.settings.checkIntervalMs) return;
    this.checkedAt = Date.now();
    if (signature(file) !== this.seen) this.reload();
  }

  /** Watches the folder, not the file: editors replace a file by renaming a new one over it. */
  private watch(file: string): void {
    const name = basename(file);
    let timer: NodeJS.Timeout | null = null;
    try {
      this.watcher = watch(dirname(file), { persistent: false }, (_event, changed) => {
        if (changed && changed.toString() !== name) return;
        // Editors write in several steps: reload once they are done.
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          if (signature(file) !== this.seen) this.reload();
        }, 50);
        timer.unref();
      });
      this.watcher.on('error', () => this.close());
    } catch (error) {
      this.log(`Not watching ${file} (${(error as Error).message}); changes are seen by the check on requests.`);
    }
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }
}
