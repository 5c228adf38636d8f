// The extractor's public shapes (ingestion contract section 2): what a document states, each fact with
// the words that state it and where they stand in the stored text.
export type { DictionaryEntry, DictionaryProgram, GraphDictionary } from '../../graph/queries/dictionary.js';

export interface DocumentFile {
  bytes: Uint8Array;
  filename?: string;
  mimeType?: string;
}
export interface ReadDocument {
  text: string;
  sha256: string;
  format: 'text' | 'html' | 'docx' | 'pdf';
  title?: string;
  warnings: string[];
}
export interface ExtractedRef {
  id: string;
  existing: boolean;
  label: string;
  name: string;
}
export interface ExtractedFact {
  kind: 'NODE' | 'RELATIONSHIP';
  label?: string | null;
  type?: string | null;
  node?: ExtractedRef | null;
  from?: ExtractedRef | null;
  to?: ExtractedRef | null;
  properties: Record<string, unknown>;
  quote: string;
  start: number;
  end: number;
  score: number;
  rule: string;
}
export interface Extraction {
  text: string;
  sha256: string;
  programId: string | null;
  facts: ExtractedFact[];
  warnings: string[];
}
export interface ExtractOptions {
  dictionary: import('../../graph/queries/dictionary.js').GraphDictionary;
  publishedOn?: string;
  title?: string;
  programId?: string;
}

export type DocumentErrorCode = 'ENCRYPTED_PDF' | 'IMAGE_ONLY_PDF' | 'UNREADABLE' | 'UNSUPPORTED_FORMAT' | 'EMPTY';

/** A document the reader cannot read; the message says what to do. */
export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}
