// Runs a reader (read-worker.ts, registry-worker.ts, through their .mjs entries that register tsx) in a
// child process and resolves with its one answer; the reader's own errors come back as ReadError with
// their code. A child, not a worker thread: V8 may abort the WHOLE process when a worker thread reaches
// its heap limit (nodejs/node#47224), so only a separate process can cap a hostile file's memory
// (KG_READ_MAX_HEAP_MB) without risking the server; past KG_READ_TIMEOUT_MS it is killed.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FILE_LIMITS } from '../../seed/file-limits.js';
import type { Extraction, ReadDocument } from '../../seed/ingest/engine.js';
import type { ReadRequest } from './read-worker.js';

export class ReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Answer = { ok: boolean; code?: string; message?: string } & Record<string, unknown>;

type Limits = { readTimeoutMs: number; readHeapMb: number; readers: number };

// At most KG_MAX_READERS reader processes at once (per server process): N hostile uploads at the same
// time then cost N × one reader's memory only up to that bound; the others wait their turn here.
let running = 0;
const waiting: (() => void)[] = [];

async function takeTurn(max: number): Promise<() => void> {
  // A finished reader hands its turn straight to the next in line, so `running` never passes max.
  if (running >= max) await new Promise<void>((ok) => waiting.push(ok));
  else running++;
  return () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
}

/** Runs the reader when a turn is free; settles once with its answer, a timeout or its death. */
export async function runReader<T>(entry: URL, request: unknown, limits: Limits, what: string): Promise<T> {
  const done = await takeTurn(limits.readers);
  let released = false;
  // The turn is held until the process is gone (not just until it answered), so its memory is counted.
  const release = () => {
    if (!released) done();
    released = true;
  };
  return runReaderNow<T>(entry, request, limits, what, release);
}

function runReaderNow<T>(entry: URL, request: unknown, limits: Limits, what: string, gone: () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(entry), [], {
      execArgv: [`--max-old-space-size=${limits.readHeapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-4000);
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      if (child.exitCode === null) child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new ReadError(
              'READ_TIMEOUT',
              `Reading ${what} took longer than ${limits.readTimeoutMs} ms and was stopped (KG_READ_TIMEOUT_MS raises the limit).`,
            ),
          ),
        ),
      limits.readTimeoutMs,
    );
    child.once('message', (message: Answer) =>
      settle(() => {
        if (message.ok) resolve(message as unknown as T);
        else reject(new ReadError(message.code ?? 'READ_FAILED', message.message ?? `${what} could not be read.`));
      }),
    );
    child.once('error', (error) => {
      gone();
      settle(() => reject(new ReadError('READ_FAILED', `The reader stopped: ${error.message}`)));
    });
    child.once('exit', (code, signal) => {
      gone();
      settle(() =>
        reject(
          /heap out of memory|Reached heap limit/i.test(stderr)
            ? new ReadError(
                'READ_OUT_OF_MEMORY',
                `Reading ${what} needed more than ${limits.readHeapMb} MB and was stopped (KG_READ_MAX_HEAP_MB raises the limit).`,
              )
            : new ReadError('READ_FAILED', `The reader exited (${signal ?? `code ${code}`}) without an answer.`),
        ),
      );
    });
    child.send(request as Parameters<typeof child.send>[0]);
  });
}

export function readInWorker(request: ReadRequest): Promise<{ document: ReadDocument; extraction: Extraction }> {
  const entry = new URL('./read-worker-entry.mjs', import.meta.url);
  return runReader(entry, request, request.limits ?? DEFAULT_FILE_LIMITS, 'the document');
}
