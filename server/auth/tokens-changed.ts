// The "tokens changed" hook: a reload of a tokens file tells subscribers (e.g. a response cache keyed
// by caller) which tokens were revoked, so nothing cached for them outlives the revocation.
import type { Role } from './roles.js';

/** A token as others may know it: never the token or its full hash. */
export interface TokenIdentity {
  role: Role;
  name: string;
  fingerprint: string;
}

export interface TokensChange {
  /** The tokens file that changed. */
  file: string;
  /** Tokens no longer accepted (removed, or given another role or name). */
  revoked: TokenIdentity[];
  /** Tokens accepted since this reload. */
  added: TokenIdentity[];
}

type Listener = (change: TokensChange) => void;
const listeners = new Set<Listener>();

/** Subscribes to every reload that changed the accepted tokens (any app of this process); returns the unsubscribe. */
export function onTokensChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitTokensChanged(change: TokensChange): void {
  for (const listener of listeners) {
    try {
      listener(change);
    } catch (error) {
      // A subscriber's failure must not keep the reload from the others.
      console.error(`A tokens-changed listener failed: ${(error as Error).message}`);
    }
  }
}
