// Reads the seed YAML files into raw records with their line numbers, so that every later problem
// can point at the file and line to fix. Syntax errors and a wrong file shape are problems too.
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Problem } from './problems.js';

export interface RawRecord {
  file: string;
  kind: 'nodes' | 'relationships';
  index: number;
  line?: number;
  value: unknown;
  /** Line of each top-level field of the record. */
  fieldLines: Record<string, number>;
  /** For records made from a spreadsheet row: the row and the column header of each field. */
  origin?: { row: number; columns: Record<string, string> };
}

export interface YamlText {
  file: string;
  text: string;
}

/** The *.yaml / *.yml files of a folder (not recursive), sorted, as display path + text. */
export function readYamlDir(dir: string, displayRoot = process.cwd()): YamlText[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => ({ file: displayPath(join(dir, name), displayRoot), text: readFileSync(join(dir, name), 'utf8') }));
}

/** Relative to the project when the file is inside it, absolute otherwise. */
function displayPath(path: string, root: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(path);
}

export function parseYamlFiles(files: YamlText[]): { records: RawRecord[]; problems: Problem[] } {
  const records: RawRecord[] = [];
  const problems: Problem[] = [];
  for (const { file, text } of files) {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
    const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : undefined);
    if (doc.errors.length) {
      for (const error of doc.errors) {
        problems.push({
          file,
          line: error.linePos?.[0]?.line,
          message: `YAML syntax: ${error.message.split('\n')[0]}`,
        });
      }
      continue;
    }
    if (doc.contents === null) continue; // an empty file holds no facts
    if (!isMap(doc.contents)) {
      problems.push({ file, message: 'must be a map with the lists `nodes` and/or `relationships`' });
      continue;
    }
    for (const pair of doc.contents.items) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      if (key !== 'nodes' && key !== 'relationships') {
        problems.push({
          file,
          line: lineOf(pair.key as YamlNode),
          field: key,
          message: 'unknown top-level key; a file has only `nodes` and `relationships`',
        });
        continue;
      }
      const seq = pair.value as YamlNode | null;
      if (seq === null || (seq as { value?: unknown }).value === null) continue;
      if (!isSeq(seq)) {
        problems.push({
          file,
          line: lineOf(seq),
          field: key,
          message: 'must be a list of records (each starting with "- ")',
        });
        continue;
      }
      seq.items.forEach((item, index) => {
        const fieldLines: Record<string, number> = {};
        if (isMap(item)) {
          for (const p of item.items) {
            const line = lineOf(p.key as YamlNode);
            if (line) fieldLines[String((p.key as { value?: unknown })?.value ?? p.key)] = line;
          }
        }
        records.push({
          file,
          kind: key,
          index,
          line: lineOf(item as YamlNode),
          value: (item as YamlNode).toJSON(),
          fieldLines,
        });
      });
    }
  }
  return { records, problems };
}
