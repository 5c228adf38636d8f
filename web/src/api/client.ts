// GraphQL over plain fetch (no client library: the first view stays small). Every failure becomes an
// ApiError with the server's `extensions.code` (or NETWORK / HTTP_<status>) so the page can say what
// happened and what to do.
import { getToken } from './session.js';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly path?: readonly (string | number)[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

const ENDPOINT = '/graphql';

export async function gql<TData, TVars extends Record<string, unknown> = Record<string, never>>(
  query: string,
  variables?: TVars,
  options: { signal?: AbortSignal; token?: string | null } = {},
): Promise<TData> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  const token = options.token === undefined ? getToken() : options.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables: variables ?? {} }),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError((error as Error).message, 'NETWORK');
  }
  let body: { data?: TData | null; errors?: GraphQLErrorBody[] } | undefined;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`HTTP ${response.status}`, response.status >= 500 ? 'SERVER' : `HTTP_${response.status}`);
  }
  const first = body?.errors?.[0];
  if (first)
    throw new ApiError(
      first.message,
      first.extensions?.code ?? (response.ok ? 'INTERNAL_SERVER_ERROR' : `HTTP_${response.status}`),
      first.path,
    );
  if (!body?.data)
    throw new ApiError(`HTTP ${response.status}`, response.ok ? 'INTERNAL_SERVER_ERROR' : `HTTP_${response.status}`);
  return body.data;
}

/** Sends a multipart GraphQL request (GraphQL multipart request spec) carrying one file as `$file`. */
export async function gqlUpload<TData>(query: string, variables: Record<string, unknown>, file: File): Promise<TData> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', file, file.name);
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(ENDPOINT, { method: 'POST', headers, body: form });
  } catch (error) {
    throw new ApiError((error as Error).message, 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as { data?: TData; errors?: GraphQLErrorBody[] } | null;
  const first = body?.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? `HTTP_${response.status}`, first.path);
  if (!body?.data) throw new ApiError(`HTTP ${response.status}`, `HTTP_${response.status}`);
  return body.data;
}
