// Named errors of the graph layer. Each carries a code the API maps to GraphQL `extensions.code`
// and a message that tells the user what to do next.
export type GraphErrorCode =
  | 'DATABASE_UNAVAILABLE'
  | 'TIMEOUT'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'FORBIDDEN'
  | 'SETUP';

export class GraphError extends Error {
  constructor(
    readonly code: GraphErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GraphError';
  }
}

export const databaseUnavailable = (cause?: unknown) =>
  new GraphError(
    'DATABASE_UNAVAILABLE',
    'The graph database is not answering. Try again shortly; if it persists, check `npm run db -- status` (or the server that NEO4J_URI points to).',
    { cause },
  );

export const timedOut = (cause?: unknown) =>
  new GraphError(
    'TIMEOUT',
    'The query took too long and was stopped. Narrow it (fewer hops, a smaller limit) and try again.',
    {
      cause,
    },
  );

export const notFound = (what: string) =>
  new GraphError('NOT_FOUND', `${what} was not found. Check the id (search can find it).`);

export const badInput = (message: string) => new GraphError('BAD_USER_INPUT', message);

/** A problem a newcomer can fix on their machine (missing Java, port in use…). Printed without a stack trace. */
export const setupProblem = (message: string, cause?: unknown) => new GraphError('SETUP', message, { cause });
