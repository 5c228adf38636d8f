// Runs read-worker.ts in a worker thread (through read-worker-entry.mjs, which registers tsx there) and
// resolves with its one result; the reader's own errors come back as ReadError with their code. A reader
// past KG_READ_TIMEOUT_MS is terminated, and its heap is capped (KG_READ_MAX_HEAP_MB), so one hostile
// file can neither hold a thread forever nor take the server's memory.
import { Worker } from 'node:worker_threads';
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

/** Starts a worker with the reader limits; settles once with its message, a timeout or its death. */
export function runLimitedWorker<T>(
  url: URL,
  workerData: unknown,
  limits: { readTimeoutMs: number; readHeapMb: number },
  what: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData, resourceLimits: { maxOldGenerationSizeMb: limits.readHeapMb } });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
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
    worker.once('message', (message: { ok: boolean; code?: string; message?: string } & Record<string, unknown>) =>
      settle(() => {
        if (message.ok) resolve(message as unknown as T);
        else reject(new ReadError(message.code ?? 'READ_FAILED', message.message ?? `${what} could not be read.`));
      }),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ReadError(
                'READ_OUT_OF_MEMORY',
                `Reading ${what} needed more than ${limits.readHeapMb} MB and was stopped (KG_READ_MAX_HEAP_MB raises the limit).`,
              )
            : new ReadError('READ_FAILED', `The reader stopped: ${error.message}`),
        ),
      ),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new ReadError('READ_FAILED', `The reader exited (code ${code}) without an answer.`))),
    );
  });
}

export function readInWorker(request: ReadRequest): Promise<{ document: ReadDocument; extraction: Extraction }> {
  const url = new URL('./read-worker-entry.mjs', import.meta.url);
  return runLimitedWorker(url, request, request.limits ?? DEFAULT_FILE_LIMITS, 'the document');
}
