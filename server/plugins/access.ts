// Access by role (api-contract.md): public < analyst < editor < admin. Unknown tokens and closed
// public reading are refused before execution (UNAUTHENTICATED); fields above the caller's role are
// refused by their resolvers (FORBIDDEN) through requireRole. Unknown tokens are throttled per address.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Plugin } from 'graphql-yoga';
import { Authenticator } from '../auth/authenticator.js';
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
              'The bearer token is not known (or was revoked). Check the token (KG_TOKENS / KG_TOKENS_FILE of the server), or send no Authorization header to read publicly.',
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

function tooManyFailures(seconds: number): Response {
  const body = {
    errors: [
      {
        message: `Too many unknown tokens were sent from your address; requests with a token are refused for ${seconds} s more (Retry-After). Check the token with the server's administrator before trying again.`,
        extensions: { code: 'TOO_MANY_REQUESTS' },
      },
    ],
  };
  return new Response(JSON.stringify(body), {
    status: 429,
    headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(seconds) },
  });
}

/**
 * Every route: a request with credentials from an address over its failure budget gets 429; an unknown
 * token is counted and its answer (401 from useAccess) delayed by the throttle. Valid tokens and
 * anonymous reads never wait unless their address is over budget.
 */
export function useFailedTokenThrottle(auth: Authenticator): Plugin {
  return {
    async onRequest({ request, serverContext, endResponse }) {
      if (!auth.throttle.enabled || !Authenticator.presentsToken(request)) return;
      const address = auth.addressOf(request, serverContext);
      const wait = auth.throttle.retryAfterSeconds(address);
      if (wait > 0) return endResponse(tooManyFailures(wait));
      if (!auth.identify(request).badToken) return;
      const delay = auth.throttle.fail(address);
      if (delay > 0) await sleep(delay);
    },
  };
}
