// The hostile-file tests' instruments: the app on a real port (uploads go over HTTP, so Content-Length,
// chunked bodies and lies about them are real), a measure() that times a refusal, samples the process's
// peak memory (server and reader processes) and keeps a cheap query going meanwhile, and upload helpers.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import type { App } from '../../../server/app.js';
import { explainClientErrors } from '../../../server/http/client-error.js';
import { TOKENS } from '../../server/helpers.js';

export interface Refusal {
  status: number;
  code?: string;
  message: string;
  /** Bytes the client got to send before the answer (raw requests only). */
  sent?: number;
}

export interface Measured extends Refusal {
  name: string;
  ms: number;
  /** Highest RSS sampled during the case minus RSS at its start (the server and its reader processes). */
  peakRssDeltaMb: number;
  /** Growth of the server process's lifetime peak RSS (resourceUsage().maxRSS) during the case. */
  maxRssGrowthMb: number;
  cheapQueries: number;
  cheapFailures: number;
  cheapMaxMs: number;
  /** Longest wait between two answers to the cheap query (the client shares the event loop, so a blocked
   * loop shows here rather than in one query's latency). */
  cheapMaxGapMs: number;
  /** The most reader processes seen at once. */
  readersAtOnce: number;
}

export async function listen(app: App): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(app);
  explainClientErrors(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** The most child processes seen at one sample since the last measure() began. */
let mostChildren = 0;

/** RSS of this process plus its child processes (the reader processes), from /proc (Linux). */
function treeRss(): number {
  let total = process.memoryUsage().rss;
  let children = 0;
  try {
    for (const task of readdirSync('/proc/self/task')) {
      const pids = readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim();
      for (const pid of pids ? pids.split(/\s+/) : []) {
        const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (rss) total += Number(rss[1]) * 1024;
        children++;
      }
    }
  } catch {
    // A child that just exited: counted at the next sample.
  }
  mostChildren = Math.max(mostChildren, children);
  return total;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

export async function measure(name: string, base: string, run: () => Promise<Refusal>): Promise<Measured> {
  mostChildren = 0;
  const rss0 = treeRss();
  const maxRss0 = process.resourceUsage().maxRSS;
  let peak = rss0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss());
  }, 5);
  let done = false;
  const cheap = { n: 0, failed: 0, maxMs: 0, maxGap: 0, last: performance.now() };
  const cheapLoop = (async () => {
    while (!done || cheap.n === 0) {
      const t = performance.now();
      const r = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }).catch(() => null);
      const body = r ? ((await r.json().catch(() => null)) as { data?: { __typename?: string } } | null) : null;
      cheap.n++;
      if (body?.data?.__typename !== 'Query') cheap.failed++;
      const now = performance.now();
      cheap.maxMs = Math.max(cheap.maxMs, now - t);
      cheap.maxGap = Math.max(cheap.maxGap, now - cheap.last);
      cheap.last = now;
      await sleep(20);
    }
  })();
  const t0 = performance.now();
  let refusal: Refusal;
  try {
    refusal = await run();
  } finally {
    done = true;
  }
  const ms = Math.round(performance.now() - t0);
  await cheapLoop;
  clearInterval(sampler);
  peak = Math.max(peak, treeRss());
  return {
    name,
    ...refusal,
    ms,
    peakRssDeltaMb: mb(peak - rss0),
    maxRssGrowthMb: mb((process.resourceUsage().maxRSS - maxRss0) * 1024),
    cheapQueries: cheap.n,
    cheapFailures: cheap.failed,
    cheapMaxMs: Math.round(cheap.maxMs),
    cheapMaxGapMs: Math.round(cheap.maxGap),
    readersAtOnce: mostChildren,
  };
}

type GqlBody = { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };

/** A GraphQL multipart upload of one file as variable `f` (editor token). */
export async function upload(
  base: string,
  query: string,
  variables: Record<string, unknown>,
  path: string,
  file: File,
) {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables }));
  form.append('map', JSON.stringify({ 0: [path] }));
  form.append('0', file);
  const r = await fetch(`${base}/graphql`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${TOKENS.editor}` },
  });
  return { status: r.status, body: (await r.json()) as GqlBody };
}

export const refusalOf = (status: number, body: GqlBody): Refusal => ({
  status,
  code: body.errors?.[0]?.extensions?.code,
  message: body.errors?.[0]?.message ?? (body.data ? JSON.stringify(body.data).slice(0, 200) : '(no message)'),
});

/** `extract` of a document file: the refusal comes back on the request itself. */
export async function extractFile(base: string, bytes: Uint8Array, name: string): Promise<Refusal> {
  const { status, body } = await upload(
    base,
    'mutation($d: DocumentInput!) { extract(document: $d) { sha256 warnings } }',
    { d: { title: 'hostile', file: null } },
    'variables.d.file',
    new File([bytes as Uint8Array<ArrayBuffer>], name),
  );
  return refusalOf(status, body);
}

/** `importRegistry` (dry run) and, when a job starts, its end: a refusal in the reader fails the job. */
export async function importFile(base: string, bytes: Uint8Array, name: string): Promise<Refusal> {
  const { status, body } = await upload(
    base,
    'mutation($f: File!) { importRegistry(file: $f, dryRun: true) { id } }',
    { f: null },
    'variables.f',
    new File([bytes as Uint8Array<ArrayBuffer>], name),
  );
  const id = body.data?.importRegistry?.id as string | undefined;
  if (!id) return refusalOf(status, body);
  for (;;) {
    const r = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.editor}` },
      body: JSON.stringify({ query: 'query($id: ID!) { importJob(id: $id) { status message } }', variables: { id } }),
    });
    const job = ((await r.json()) as GqlBody).data?.importJob as { status: string; message: string };
    if (job.status === 'FAILED' || job.status === 'DONE')
      return { status: r.status, code: job.status, message: job.message };
    await sleep(50);
  }
}

/** A raw HTTP request over a socket, so the test decides the framing (and may lie about it). */
export function rawPost(
  base: string,
  head: Record<string, string>,
  body: (write: (chunk: Buffer) => Promise<boolean>) => Promise<void>,
): Promise<Refusal & { sent: number }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let sent = 0;
    let answer = '';
    let answered = false;
    socket.on('data', (d) => {
      answer += d.toString('utf8');
      const end = answer.indexOf('\r\n\r\n');
      if (answered || end < 0) return;
      const length = /content-length:\s*(\d+)/i.exec(answer.slice(0, end));
      const chunked = /transfer-encoding:\s*chunked/i.test(answer.slice(0, end));
      if (length && answer.length - end - 4 < Number(length[1])) return;
      if (chunked && !answer.endsWith('\r\n0\r\n\r\n')) return;
      answered = true;
      socket.destroy();
      const status = Number(answer.slice(9, 12));
      let text = answer.slice(end + 4);
      if (chunked) text = text.slice(text.indexOf('\r\n') + 2, text.lastIndexOf('\r\n0\r\n'));
      let message = text.slice(0, 300);
      try {
        message = (JSON.parse(text) as GqlBody).errors?.[0]?.message ?? message;
      } catch {
        // Not JSON (Node's own 400 for a broken request): keep the text.
      }
      resolve({ status, message, sent });
    });
    socket.on('error', (error) => (answered ? undefined : reject(error)));
    socket.on('close', () => {
      if (!answered) resolve({ status: 0, message: `closed without an answer after ${sent} bytes`, sent });
    });
    const lines = Object.entries({ host: `127.0.0.1:${port}`, ...head }).map(([k, v]) => `${k}: ${v}`);
    socket.write(`POST /graphql HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
    void body(async (chunk) => {
      if (answered || socket.destroyed) return false;
      sent += chunk.length;
      if (!socket.write(chunk)) await new Promise((ok) => socket.once('drain', ok).once('close', ok));
      return !answered && !socket.destroyed;
    }).catch(() => {});
  });
}
