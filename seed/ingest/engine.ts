// The reading/extraction engine that ingestion calls (server jobs and the CLI): seed/extract and the
// graph's dictionary, behind one small seam so a job can load it in a worker thread.
import { loadDictionary } from '../../graph/queries/dictionary.js';
import { extractFacts, readDocument } from '../extract/index.js';

export type {
  DocumentFile,
  ExtractedFact,
  ExtractedRef,
  Extraction,
  GraphDictionary,
  ReadDocument,
} from '../extract/index.js';
export { loadDictionary };

export const loadExtractor = async () => ({ readDocument, extractFacts });
