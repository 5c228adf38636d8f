// Runs read-worker.ts in a worker thread (through read-worker-entry.mjs, which registers tsx there) and
// resolves with its one result; the reader's own errors come back as ReadError with their code.
import { Worker } from 'node:worker_threads';
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

export function readInWorker(request: ReadRequest): Promise<{ document: ReadDocument; extraction: Extraction }> {
  const url = new URL('./read-worker-entry.mjs', import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: request });
    let settled = false;
    worker.once('message', (message: { ok: boolean; code?: string; message?: string } & Record<string, unknown>) => {
      settled = true;
      if (message.ok) resolve(message as unknown as { document: ReadDocument; extraction: Extraction });
      else reject(new ReadError(message.code ?? 'READ_FAILED', message.message ?? 'The document could not be read.'));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled) reject(new ReadError('READ_FAILED', `The reader stopped: ${error.message}`));
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new ReadError('READ_FAILED', `The reader exited (code ${code}) without an answer.`));
    });
  });
}
