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

export function userError(
  code: ErrorCode,
  message: string,
  options: { path?: readonly (string | number)[]; nodes?: GraphQLError['nodes'] } = {},
): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    path: options.path,
    nodes: options.nodes,
    extensions: { code, ...(status ? { http: { status } } : {}) },
  });
}

export const forbidden = (message: string) => userError('FORBIDDEN', message);
export const unauthenticated = (message: string) => userError('UNAUTHENTICATED', message);
export const badUserInput = (message: string) => userError('BAD_USER_INPUT', message);

const USER_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'QUERY_TOO_COMPLEX',
  'TIMEOUT',
  'DATABASE_UNAVAILABLE',
]);

/**
 * yoga's maskError: named errors keep their code and message, GraphQL errors meant for users pass,
 * everything else becomes "Unexpected error" (yoga logs the original with its stack; it is never sent).
 * Known errors are returned as the same object (only their code is added), so yoga does not log them.
 */
export function maskError(error: unknown, _message: string, isDev?: boolean): Error {
  const graphQLError = error instanceof GraphQLError ? error : null;
  const original = graphQLError?.originalError ?? error;
  if (graphQLError && original instanceof GraphError && USER_CODES.has(original.code)) {
    return withCode(graphQLError, original.code as ErrorCode);
  }
  if (graphQLError && USER_CODES.has(String(graphQLError.extensions?.code))) return graphQLError;
  // yoga reads the GET parameters `variables` and `extensions` with JSON.parse: its SyntaxError is the caller's.
  if (!graphQLError && original instanceof SyntaxError && /JSON/.test(original.message)) {
    return new GraphQLError(
      `The request is not valid JSON (${original.message}). Send variables and extensions as JSON objects.`,
      {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      },
    );
  }
  // Errors about the request itself (a variable of the wrong type, an unknown input field) carry a
  // 4xx status from graphql-js or yoga, and an original error of their own: still the caller's mistake.
  const httpStatus = Number((graphQLError?.extensions?.http as { status?: number } | undefined)?.status);
  if (graphQLError && httpStatus >= 400 && httpStatus < 500 && !(original instanceof GraphError)) {
    (graphQLError.extensions as Record<string, unknown>).code = 'BAD_USER_INPUT';
    return graphQLError;
  }
  // Parse and validation errors (no original error) are mistakes in the caller's query.
  if (graphQLError && !graphQLError.originalError) {
    // yoga's own codes for these (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED…) become the contract's code.
    if (/^GRAPHQL_|^BAD_REQUEST$|^OPERATION_RESOLUTION_FAILURE$/.test(String(graphQLError.extensions?.code ?? '')))
      (graphQLError.extensions as Record<string, unknown>).code = 'BAD_USER_INPUT';
    return withCode(graphQLError, 'BAD_USER_INPUT');
  }
  return new GraphQLError('Unexpected error. It was logged on the server; try again, and report it if it persists.', {
    path: graphQLError?.path,
    nodes: graphQLError?.nodes,
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      ...(isDev ? { detail: String((original as Error)?.message ?? original) } : {}),
    },
  });
}

function withCode(error: GraphQLError, code: ErrorCode): GraphQLError {
  const extensions = error.extensions as Record<string, unknown>;
  if (!extensions.code) extensions.code = code;
  const status = HTTP_STATUS[code];
  if (status && !extensions.http) extensions.http = { status };
  return error;
}
