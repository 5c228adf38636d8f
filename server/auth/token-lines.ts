// Parses tokens lists (KG_TOKENS, KG_TOKENS_FILE): `role:name:token`, `role:name:sha256:HEX` (only the
// hash is kept) and the older `role:token` (named by its fingerprint). Every bad line is named at once.
import { createHash } from 'node:crypto';
import { CONTROL_CHARACTERS } from '../../graph/model-rules.js';
import { ROLES, type Role } from './roles.js';

export interface TokenEntry {
  role: Role;
  /** Who holds the token: shown in the audit trail, the review queue and `viewer`. */
  name: string;
  /** SHA-256 of the token (32 bytes): the only form kept in memory, so all forms compare alike. */
  hash: Buffer;
  /** First 12 hex digits of the hash: tells tokens apart in the audit trail, useless to sign in. */
  fingerprint: string;
}

export class TokenListError extends Error {}

export const MIN_TOKEN_LENGTH = 12;
export const MAX_NAME_LENGTH = 100;
// Bidirectional overrides would let a name display as someone else's in the trail.
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const HASH_FORM = /^sha256:([0-9a-fA-F]{64})$/;

export const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest();
export const fingerprintOf = (hash: Buffer) => hash.toString('hex').slice(0, 12);

/** Why a name is refused, or null: the model's rule for names (no control characters) plus a length. */
export function nameProblem(name: string): string | null {
  if (!name) return 'the name is empty';
  if (CONTROL_CHARACTERS.test(name) || BIDI_CONTROLS.test(name))
    return 'the name holds control or bidirectional-override characters';
  if (name.length > MAX_NAME_LENGTH) return `the name is longer than ${MAX_NAME_LENGTH} characters`;
  return null;
}

function parseEntry(entry: string): TokenEntry | string {
  const first = entry.indexOf(':');
  const role = entry.slice(0, first) as Role;
  if (first < 1 || !ROLES.includes(role))
    return `must start with a role (${ROLES.join(', ')}) and a colon, as role:name:token`;
  const rest = entry.slice(first + 1);
  const second = rest.indexOf(':');
  if (second < 0) {
    // The older form: no name; the fingerprint stands for one.
    if (rest.length < MIN_TOKEN_LENGTH)
      return `the ${role} token is shorter than ${MIN_TOKEN_LENGTH} characters; use a long random token`;
    const hash = sha256(rest);
    return { role, name: fingerprintOf(hash), hash, fingerprint: fingerprintOf(hash) };
  }
  const name = rest.slice(0, second).trim();
  const problem = nameProblem(name);
  if (problem) return `${problem}; write role:name:token with a name of 1-${MAX_NAME_LENGTH} printable characters`;
  const secret = rest.slice(second + 1);
  const hashed = HASH_FORM.exec(secret);
  if (hashed) {
    const hash = Buffer.from(hashed[1], 'hex');
    return { role, name, hash, fingerprint: fingerprintOf(hash) };
  }
  if (secret.startsWith('sha256:'))
    return "sha256: must be followed by the 64 hex digits of the token's SHA-256 (e.g. from `printf %s TOKEN | sha256sum`)";
  if (secret.length < MIN_TOKEN_LENGTH)
    return `the token of ${name} is shorter than ${MIN_TOKEN_LENGTH} characters; use a long random token`;
  const hash = sha256(secret);
  return { role, name, hash, fingerprint: fingerprintOf(hash) };
}

/**
 * Entries are separated by line breaks and commas (so names hold no comma); `#` starts a comment line.
 * Throws one TokenListError naming each bad entry by line number and what to fix; a token given twice
 * with different roles or names is an error too. Never echoes a token.
 */
export function parseTokenLines(text: string, origin: string): TokenEntry[] {
  const entries: TokenEntry[] = [];
  const problems: string[] = [];
  const seen = new Map<string, { line: number; entry: TokenEntry }>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const number = index + 1;
    if (line.trim().startsWith('#')) return;
    for (const raw of line.split(',')) {
      const entry = raw.trim();
      if (!entry) continue;
      const parsed = parseEntry(entry);
      if (typeof parsed === 'string') {
        problems.push(`${origin} line ${number}: ${parsed}`);
        continue;
      }
      const key = parsed.hash.toString('hex');
      const earlier = seen.get(key);
      if (earlier && (earlier.entry.role !== parsed.role || earlier.entry.name !== parsed.name)) {
        problems.push(
          `${origin} line ${number}: the same token as line ${earlier.line} with another role or name; give each person their own token`,
        );
        continue;
      }
      if (earlier) continue;
      seen.set(key, { line: number, entry: parsed });
      entries.push(parsed);
    }
  });
  if (problems.length) throw new TokenListError(problems.join('\n'));
  return entries;
}
