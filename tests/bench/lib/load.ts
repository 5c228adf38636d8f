// HTTP load with one tool (autocannon) for every target, run in a child process (load-client.ts):
// per-second request counts, every response time, and the error, timeout, mismatch and non-2xx counts.
import { spawn } from 'node:child_process';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../../graph/runtime/instance-config.js';

export interface LoadSpec {
  url: string;
  connections: number;
  durationS: number;
  timeoutS?: number;
  /** Cycled in order by every connection. */
  requests: { method: string; path: string; headers?: Record<string, string>; body?: string }[];
  /** 'graphql': a 2xx body with `errors` or without `data` counts as a mismatch. */
  verify?: 'graphql' | 'none';
}

export interface LoadResult {
  total: number;
  /** Completed requests in each second of the run. */
  perSecond: number[];
  /** Response time of every completed request (ms). */
  latencies: number[];
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  durationS: number;
  statusCodes: Record<string, number>;
}

/** Every kind of failure a client would notice, summed. */
export const failures = (r: LoadResult) => r.errors + r.mismatches + r.non2xx;

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const script = join(projectRoot, 'tests/bench/lib/load-client.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(spec)], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{'))
        return reject(new Error(`load client failed (exit ${code}): ${stderr.slice(-2000)}`));
      resolve(JSON.parse(line) as LoadResult);
    });
  });
}

export function graphqlPost(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return {
    method: 'POST',
    path: '/graphql',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  };
}

/** Listens on a free port of 127.0.0.1; returns the server and its base URL. */
export async function listen(
  handler: RequestListener,
): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
