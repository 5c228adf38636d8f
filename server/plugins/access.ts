// Access by role (api-contract.md): public < analyst < editor < admin. Unknown tokens and closed
// public reading are refused before execution (UNAUTHENTICATED); fields above the caller's role are
// refused by their resolvers (FORBIDDEN) through requireRole.
import type { Plugin } from 'graphql-yoga';
import type { AppContext, CallerRole } from '../context.js';
import { forbidden, unauthenticated } from '../errors.js';

const RANK: Record<CallerRole, number> = { public: 0, analyst: 1, editor: 2, admin: 3 };

export const hasRole = (role: CallerRole, min: CallerRole) => RANK[role] >= RANK[min];
/** TARGET_FOR stages, recommendations and cypher. */
export const canSeeTargets = (role: CallerRole) => hasRole(role, 'analyst');

export function requireRole(context: Pick<AppContext, 'role'>, min: Exclude<CallerRole, 'public'>, what: string): void {
  if (!hasRole(context.role, min)) {
    throw forbidden(
      `${what} needs the ${min} role${min === 'admin' ? '' : ' or above'}; you are ${context.role === 'public' ? 'not signed in' : `an ${context.role}`}. Send Authorization: Bearer <token> with a token of that role.`,
    );
  }
}

export function useAccess(): Plugin<AppContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as AppContext;
      if (context.badToken) {
        setResultAndStopExecution({
          errors: [
            unauthenticated(
              'The bearer token is not known. Check the token (KG_TOKENS / KG_TOKENS_FILE of the server), or send no Authorization header to read publicly.',
            ),
          ],
        });
      } else if (context.role === 'public' && !context.config.publicRead) {
        setResultAndStopExecution({
          errors: [
            unauthenticated(
              'Reading without a token is closed on this server (KG_PUBLIC_READ=false). Send Authorization: Bearer <token>.',
            ),
          ],
        });
      }
    },
  };
}
