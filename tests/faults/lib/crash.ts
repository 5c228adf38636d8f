// Helpers of the crash scenarios: kill -9 of the test Neo4j's JVM (its pid file), a GraphQL client for a
// server child process, and the checks shared by the scenarios (duplicates, the trail against the graph).
import { join } from 'node:path';
import { AuditLog } from '../../../graph/audit-log.js';
import { checkTrail, resolvePending } from '../../../graph/audit-resolve.js';
import type { Executor } from '../../../graph/executor.js';
import { INSTANCES } from '../../../graph/runtime/instance-config.js';
import { serverPid } from '../../../graph/runtime/instance.js';
import { sharedDir } from '../../../seed/shared-dir.js';

export const TOKENS = { editor: 'crash-editor-token-0123456789', admin: 'crash-admin-token-0123456789' };
export const TOKENS_ENV = `editor:${TOKENS.editor},admin:${TOKENS.admin}`;
export const REGISTRY_DEV_FILE = join(sharedDir(), 'corpus', 'registry', 'dev', 'registry-dev.csv');

/** SIGKILL to the test instance's JVM: no shutdown, no checkpoint (a power cut for the database). */
export async function killNeo4j(): Promise<number> {
  const pid = serverPid(INSTANCES.test);
  if (!pid) throw new Error('the test Neo4j is not running');
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100 && serverPid(INSTANCES.test); i++) await new Promise((r) => setTimeout(r, 100));
  return pid;
}

export interface Answer {
  status: number;
  data: Record<string, any> | null;
  code: string | null;
  message: string | null;
}

/** One GraphQL request to a server child; a refused connection counts as status 0. */
export async function ask(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token = TOKENS.editor,
  body?: FormData,
): Promise<Answer> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: body
        ? { authorization: `Bearer ${token}` }
        : { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ?? JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    const json = (await response.json().catch(() => ({}))) as {
      data?: Record<string, any>;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const error = json.errors?.[0];
    return {
      status: response.status,
      data: json.data ?? null,
      code: error ? String(error.extensions?.code ?? 'ERROR') : null,
      message: error?.message ?? null,
    };
  } catch (error) {
    return { status: 0, data: null, code: 'NO_ANSWER', message: (error as Error).message };
  }
}

/** Waits until `check` holds (polled every 200 ms) or throws after `ms`. */
export async function waitFor(what: string, check: () => Promise<boolean>, ms = 240_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Nodes sharing an id, firms sharing a USCC, relationships doubled between the same ends, proposals filed twice. */
export async function duplicates(executor: Executor) {
  const [row] = await executor.query(
    `CALL () { MATCH (n) WHERE n.id IS NOT NULL WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS ids }
     CALL () { MATCH (e:Enterprise) WHERE e.uscc IS NOT NULL WITH e.uscc AS u, count(*) AS c WHERE c > 1 RETURN count(*) AS usccs }
     CALL () { MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(r) AS c WHERE c > 1 RETURN count(*) AS rels }
     CALL () { MATCH (p:Proposal {status: 'proposed'}) WITH p.target AS t, coalesce(p.sourceId, '') AS s, count(*) AS c
               WHERE c > 1 RETURN count(*) AS proposals }
     RETURN ids, usccs, rels, proposals`,
  );
  return row as { ids: number; usccs: number; rels: number; proposals: number };
}

/** Resolves the pending entries by looking at the graph, then checks the trail against it. */
export async function trailAgainstGraph(auditFile: string, executor: Executor) {
  const log = new AuditLog(auditFile);
  const resolution = await resolvePending(log, executor);
  const check = await checkTrail(log, executor);
  const { unreadableLines } = await log.read();
  return { resolution, check, unreadableLines };
}
