// Test access to the API through `app.fetch` (no port): an app on the test database with one token
// per role and its own audit file in a temp folder, and a small GraphQL client that returns status,
// body and the transaction count.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Executor } from '../../graph/executor.js';
import { createApp } from '../../server/app.js';
import { loadConfig, type ServerConfig } from '../../server/config.js';

export const TOKENS = {
  analyst: 'analyst-token-0123456789',
  editor: 'editor-token-0123456789',
  admin: 'admin-token-0123456789',
} as const;
export type TestRole = keyof typeof TOKENS | 'public';

/** A fresh audit file path in a temp folder removed when the test process exits. */
export function tempAuditFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kg-audit-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'audit.jsonl');
}

export function testConfig(env: Record<string, string> = {}): ServerConfig {
  return loadConfig({
    KG_TOKENS: Object.entries(TOKENS)
      .map(([role, token]) => `${role}:${token}`)
      .join(','),
    KG_AUDIT_FILE: tempAuditFile(),
    // The suites' own traffic is not throttled; tests/server/identity-throttle.test.ts turns it on.
    KG_AUTH_THROTTLE: 'off',
    ...env,
  });
}

export function testApp(executor: Executor, env: Record<string, string> = {}) {
  return createApp({ executor, config: testConfig(env), webRoot: '/nonexistent-web-root' });
}

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
  extensions?: { transactions?: number } & Record<string, unknown>;
}

export async function gql<T = Record<string, any>>(
  app: ReturnType<typeof createApp>,
  query: string,
  variables: Record<string, unknown> = {},
  role: TestRole | { token: string } = 'public',
): Promise<GqlResponse<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json',
  };
  const token = typeof role === 'object' ? role.token : role === 'public' ? null : TOKENS[role];
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GqlResponse<T>;
  return { ...body, status: response.status, data: body.data ?? null };
}

/** The codes of the errors of a response. */
export const codes = (r: GqlResponse) => (r.errors ?? []).map((e) => e.extensions?.code);
