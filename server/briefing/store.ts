// Short-lived, single-use briefing handles: a download (the rendered file, fetched by a browser link
// that carries no bearer header) and a print model (read once by the print page Chromium opens).
// Tokens are 32 random bytes; an entry is gone after its first read or after its time to live.
import { randomBytes } from 'node:crypto';

export const BRIEFING_TTL_MS = 5 * 60_000;

interface Entry<T> {
  value: T;
  expires: number;
}

export class OneTimeStore<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly ttlMs = BRIEFING_TTL_MS) {}

  put(value: T): { token: string; expiresAt: Date } {
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    const expires = Date.now() + this.ttlMs;
    this.entries.set(token, { value, expires });
    return { token, expiresAt: new Date(expires) };
  }

  /** The value once; null when unknown, already taken or expired. */
  take(token: string): T | null {
    const entry = this.entries.get(token);
    this.entries.delete(token);
    return entry && entry.expires > Date.now() ? entry.value : null;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [token, entry] of this.entries) if (entry.expires <= now) this.entries.delete(token);
  }
}

export interface BriefingFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
