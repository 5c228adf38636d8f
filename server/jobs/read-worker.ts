// Reader process: reads a document and extracts its facts (pure CPU, no database), so a large PDF never
// blocks the server's event loop nor takes its memory. One request in, one answer out (reader-channel.ts).
import type { FileLimits } from '../../seed/file-limits.js';
import { serveOnce } from './reader-channel.js';
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

serveOnce(main);
