// Worker thread: reads a document and extracts its facts (pure CPU, no database), so a large PDF never
// blocks the server's event loop. Receives the request in workerData, posts one result message.
import { parentPort, workerData } from 'node:worker_threads';
import type { FileLimits } from '../../seed/file-limits.js';
import { loadExtractor, type DocumentFile, type GraphDictionary } from '../../seed/ingest/engine.js';

export interface ReadRequest {
  file?: DocumentFile;
  text?: string;
  title?: string;
  publishedOn?: string;
  programId?: string;
  dictionary: GraphDictionary;
  /** The server's file limits (KG_MAX_*); the defaults when absent. */
  limits?: FileLimits;
}

async function main(request: ReadRequest) {
  const engine = await loadExtractor();
  const document = await engine.readDocument({ file: request.file, text: request.text }, request.limits);
  const extraction = engine.extractFacts(document.text, {
    dictionary: request.dictionary,
    publishedOn: request.publishedOn,
    title: request.title ?? document.title,
    programId: request.programId,
  });
  return { document, extraction };
}

main(workerData as ReadRequest).then(
  (result) => parentPort?.postMessage({ ok: true, ...result }),
  (error: { code?: string; message?: string }) =>
    parentPort?.postMessage({
      ok: false,
      code: error?.code ?? 'READ_FAILED',
      message: String(error?.message ?? error),
    }),
);
