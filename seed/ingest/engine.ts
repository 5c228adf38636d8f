// The reading/extraction engine ingestion calls (server jobs and the CLI) (seed/extract, graph/queries/dictionary.ts: built by the
// `extract` branch). Its interface is declared here and the modules are loaded at run time, so this
// branch builds before the engine is merged; without it, a job fails saying so (it never pretends).
import { setupProblem } from '../../graph/errors.js';
import type { Executor } from '../../graph/executor.js';

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

export interface GraphDictionary {
  entries: { id: string; label: string; name: string; aliases: string[]; programId: string | null }[];
  programs: { id: string; name: string; aliases: string[]; regionId: string | null; regionName: string | null }[];
}

interface ExtractModule {
  readDocument(input: { file?: DocumentFile; text?: string }): Promise<ReadDocument>;
  extractFacts(
    text: string,
    options: { dictionary: GraphDictionary; publishedOn?: string; title?: string; programId?: string },
  ): Extraction;
}

interface DictionaryModule {
  loadDictionary(executor: Executor): Promise<GraphDictionary>;
}

// Specifiers in variables: TypeScript does not resolve them, so a missing engine is a run-time error.
const EXTRACT_MODULE = '../extract/index.js';
const DICTIONARY_MODULE = '../../graph/queries/dictionary.js';

async function load<T>(specifier: string): Promise<T> {
  try {
    return (await import(specifier)) as T;
  } catch (error) {
    throw setupProblem(
      `The document reader could not be loaded (${specifier.replace(/^(\.\.\/)+/, '')}: ${(error as Error).message}).`,
    );
  }
}

export const loadExtractor = () => load<ExtractModule>(EXTRACT_MODULE);

export async function loadDictionary(executor: Executor): Promise<GraphDictionary> {
  return (await load<DictionaryModule>(DICTIONARY_MODULE)).loadDictionary(executor);
}
