// Per-request context: the caller's role (from the bearer token) and an executor with its own
// transaction counter, so the number of transactions of each operation can be asserted.
import type { YogaInitialContext } from 'graphql-yoga';
import type { Executor } from '../graph/executor.js';
import type { Role, ServerConfig } from './config.js';

export type CallerRole = 'public' | Role;

/** What the server adds to yoga's initial context. */
export interface AppContextExtra {
  executor: Executor;
  config: ServerConfig;
  role: CallerRole;
  /** true when the bearer token was present but unknown */
  badToken: boolean;
}

export type AppContext = YogaInitialContext & AppContextExtra;

export function roleOf(request: Request, config: ServerConfig): { role: CallerRole; badToken: boolean } {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) return { role: 'public', badToken: header.trim().length > 0 };
  const role = config.tokens.get(match[1].trim());
  return role ? { role, badToken: false } : { role: 'public', badToken: true };
}

export function createContextFactory(executor: Executor, config: ServerConfig) {
  return ({ request }: YogaInitialContext): AppContextExtra => ({ executor: executor.scoped(), config, ...roleOf(request, config) });
}
