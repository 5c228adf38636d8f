// The shape of one malformed or hostile request of the bad-input corpus, and how it is sent through
// the app (app.fetch, no port).
import { mulberry32 } from '../../../graph/random.js';

export interface CorpusCase {
  /** e.g. "syntax/truncated#12" */
  name: string;
  category: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Text, or raw bytes (for bodies that are not valid UTF-8). */
  body?: string | Uint8Array;
  /** 'error': must be refused with a coded error; 'any': may also answer normally (e.g. a search for odd text). */
  expect: 'error' | 'any';
}

/** The codes the API contract lists (api-contract.md, Errors). */
export const KNOWN_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'QUERY_TOO_COMPLEX',
  'TIMEOUT',
  'DATABASE_UNAVAILABLE',
] as const;

export interface CorpusTokens {
  analyst: string;
  editor: string;
  admin: string;
}

export interface CorpusIds {
  chainId: string;
  segmentId: string;
  enterpriseId: string;
  districtId: string;
  sourceId: string;
}

export const JSON_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json, application/json',
};

export function post(
  category: string,
  name: string,
  payload: unknown,
  options: { token?: string; expect?: 'error' | 'any'; headers?: Record<string, string> } = {},
): CorpusCase {
  return {
    name: `${category}/${name}`,
    category,
    method: 'POST',
    path: '/graphql',
    headers: {
      ...JSON_HEADERS,
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    expect: options.expect ?? 'error',
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so the corpus is the same on every run. */
export const random = mulberry32;
