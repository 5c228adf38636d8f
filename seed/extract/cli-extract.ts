// `npm run seed -- extract FILE [--json] [--program ID] [--no-graph]`: reads a document and prints what it
// states; writes nothing. With --json standard output is exactly one JSON object (the Extraction) and
// every progress line goes to standard error.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { EMPTY_DICTIONARY, type GraphDictionary } from '../../graph/queries/dictionary.js';
import { extractFacts } from './extract.js';
import { readDocument } from './read/read-document.js';
import type { ExtractedFact } from './types.js';

export interface ExtractFileOptions {
  json: boolean;
  programId?: string;
  publishedOn?: string;
  title?: string;
  /** The graph's names, or null when the graph could not be reached (then nothing is matched). */
  dictionary: GraphDictionary | null;
  err: (line: string) => void;
  out: (line: string) => void;
}

function describe(f: ExtractedFact): string {
  const props = Object.entries(f.properties)
    .filter(([k]) => k !== 'name')
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join(' ');
  const what =
    f.kind === 'NODE'
      ? `${f.label} ${f.node?.name} (${f.node?.existing ? 'in the graph' : 'new'}: ${f.node?.id})`
      : `${f.from?.name} -[${f.type}]-> ${f.to?.name}`;
  return `${f.score.toFixed(2)}  ${what}${props ? `  ${props}` : ''}\n      «${f.quote}»  (${f.rule})`;
}

export async function extractFile(file: string, options: ExtractFileOptions): Promise<void> {
  const bytes = new Uint8Array(readFileSync(resolve(file)));
  const document = await readDocument({ file: { bytes, filename: basename(file) } });
  options.err(`Read ${document.format}: ${document.text.length} characters.`);
  if (!options.dictionary)
    options.err('warning: no graph was read (--no-graph, or it is not reachable): no name is matched against it.');
  const extraction = extractFacts(document.text, {
    dictionary: options.dictionary ?? EMPTY_DICTIONARY,
    programId: options.programId,
    publishedOn: options.publishedOn,
    title: options.title ?? document.title,
  });
  extraction.warnings.unshift(...document.warnings);
  if (options.json) {
    options.out(JSON.stringify(extraction));
    return;
  }
  options.out(`${extraction.facts.length} facts; program ${extraction.programId ?? '(none)'}`);
  for (const w of extraction.warnings) options.out(`warning: ${w}`);
  for (const f of extraction.facts) options.out(describe(f));
}
