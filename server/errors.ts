// Errors users see: every one carries `extensions.code` (BAD_USER_INPUT, NOT_FOUND, FORBIDDEN,
// UNAUTHENTICATED, QUERY_TOO_COMPLEX, TIMEOUT, DATABASE_UNAVAILABLE) and a message that says what to do.
// Named errors of the graph layer are mapped here; anything unexpected is masked and logged.
import { GraphQLError } from 'graphql';
import { GraphError } from '../graph/errors.js';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'QUERY_TOO_COMPLEX'
  | 'TIMEOUT'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, DATABASE_UNAVAILABLE: 503 };

export function userError(code: ErrorCode, message: string, options: { path?: readonly (string | number)[]; nodes?: GraphQLError['nodes'] } = {}): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, { path: options.path, nodes: options.nodes, extensions: { code, ...(status ? { http: { status } } : {}) } });
}

export const forbidden = (message: string) => userError('FORBIDDEN', message);
export const unauthenticated = (message: string) => userError('UNAUTHENTICATED', message);
export const badUserInput = (message: string) => userError('BAD_USER_INPUT', message);

const USER_CODES = new Set<string>(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'QUERY_TOO_COMPLEX', 'TIMEOUT', 'DATABASE_UNAVAILABLE']);

/**
 * yoga's maskError: named errors keep their code and message, GraphQL errors meant for users pass,
 * everything else becomes "Unexpected error" (logged with its stack, never sent).
 */
export function maskError(error: unknown, _message: string, isDev?: boolean): Error {
  const graphQLError = error instanceof GraphQLError ? error : null;
  const original = graphQLError?.originalError ?? error;
  if (original instanceof GraphError && USER_CODES.has(original.code)) {
    return userError(original.code as ErrorCode, original.message, { path: graphQLError?.path, nodes: graphQLError?.nodes });
  }
  if (original instanceof GraphQLError && USER_CODES.has(String(original.extensions?.code))) {
    return graphQLError && graphQLError !== original
      ? new GraphQLError(original.message, { path: graphQLError.path, nodes: graphQLError.nodes, extensions: original.extensions })
      : original;
  }
  // Parse and validation errors (no original error) are the caller's query: they pass as they are.
  if (graphQLError && !graphQLError.originalError) {
    return graphQLError.extensions?.code ? graphQLError : new GraphQLError(graphQLError.message, { nodes: graphQLError.nodes, source: graphQLError.source, positions: graphQLError.positions, path: graphQLError.path, extensions: { ...graphQLError.extensions, code: 'BAD_USER_INPUT' } });
  }
  console.error('[graphql] unexpected error:', original);
  return new GraphQLError('Unexpected error. It was logged on the server; try again, and report it if it persists.', {
    path: graphQLError?.path,
    nodes: graphQLError?.nodes,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(isDev ? { detail: String((original as Error)?.message ?? original) } : {}) },
  });
}
