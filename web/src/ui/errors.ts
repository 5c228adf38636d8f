// What to tell the user about a failure: a title saying what happened and a hint saying what to do,
// by the API's error code.
import { ApiError } from '../api/client.js';
import { t, type MessageKey } from '../i18n/index.js';

interface UserMessage {
  title: string;
  hint: string;
  code: string;
}

const BY_CODE: Record<string, [MessageKey, MessageKey]> = {
  DATABASE_UNAVAILABLE: ['error.database.title', 'error.database.hint'],
  NETWORK: ['error.network.title', 'error.network.hint'],
  FORBIDDEN: ['error.forbidden.title', 'error.forbidden.hint'],
  UNAUTHENTICATED: ['error.unauthenticated.title', 'error.unauthenticated.hint'],
  TIMEOUT: ['error.timeout.title', 'error.timeout.hint'],
  QUERY_TOO_COMPLEX: ['error.complex.title', 'error.complex.hint'],
  NOT_FOUND: ['error.notFound.title', 'error.notFound.hint'],
  BAD_USER_INPUT: ['error.badInput.title', 'error.badInput.hint'],
};

export function describeError(error: unknown): UserMessage {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  const keys = BY_CODE[code];
  if (keys) {
    // For input errors the server's message says what to fix: show it.
    const hint = code === 'BAD_USER_INPUT' || code === 'NOT_FOUND' ? `${(error as Error).message}` : t(keys[1]);
    return { title: t(keys[0]), hint, code };
  }
  return {
    title: t('error.unknown.title'),
    hint: t('error.unknown.hint', { detail: error instanceof Error ? error.message : String(error) }),
    code,
  };
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED');
}
