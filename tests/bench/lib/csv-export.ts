// Exports the whole database to the CSV layout of `neo4j-admin database import full` (header
// `:ID,:LABEL,key:type,…` for nodes, one file per label set; `:START_ID,:END_ID,:TYPE,…` for
// relationships, one file per type), so the offline importer loads exactly the data the seed loader wrote.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { Executor } from '../../../graph/executor.js';
import type { ImportFiles } from './bench-instance.js';

/** neo4j-admin column type for Cypher's valueType() names (5.13+). */
function importType(valueTypes: string[]): string {
  // valueType() spells temporal types with a space ("ZONED DATETIME")
  const base = [...new Set(valueTypes.map((t) => t.replace(/ NOT NULL/g, '').replace(/ /g, '_')))];
  const scalar = (t: string) =>
    ({
      STRING: 'string',
      INTEGER: 'long',
      FLOAT: 'double',
      BOOLEAN: 'boolean',
      DATE: 'date',
      LOCAL_DATETIME: 'localdatetime',
      ZONED_DATETIME: 'datetime',
    })[t];
  if (base.length === 1) {
    const list = /^LIST<(.+)>$/.exec(base[0]);
    const inner = list ? scalar(list[1]) : scalar(base[0]);
    if (inner) return list ? `${inner}[]` : inner;
  }
  if (base.every((t) => t === 'INTEGER' || t === 'FLOAT')) return 'double';
  if (base.every((t) => /^LIST<(STRING|NOTHING)>$/.test(t))) return 'string[]';
  throw new Error(`Cannot export a property with mixed types ${base.join(', ')} to the import CSV format`);
}

const ARRAY_DELIMITER = ';';

function cell(value: unknown, type: string): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (Array.isArray(value)) {
    const parts = value.map((v) => plainScalar(v));
    if (parts.some((p) => p.includes(ARRAY_DELIMITER)))
      throw new Error(`An array element contains the array delimiter "${ARRAY_DELIMITER}"`);
    text = parts.join(ARRAY_DELIMITER);
  } else {
    text = plainScalar(value);
  }
  if (type === 'string' || type === 'string[]' || /[",\n\r]/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

function plainScalar(value: unknown): string {
  if (neo4j.isInt(value)) return value.toString();
  if (typeof value === 'object' && value !== null) return String(value); // temporal values print as ISO
  return String(value);
}

interface Group {
  keys: string[];
  types: string[];
}

class CsvFile {
  private fd: number;
  private buffer: string[] = [];
  constructor(
    readonly path: string,
    header: string,
  ) {
    this.fd = openSync(path, 'w');
    this.buffer.push(header);
  }
  line(text: string) {
    this.buffer.push(text);
    if (this.buffer.length >= 5000) this.flush();
  }
  flush() {
    if (this.buffer.length) writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

async function propertyTypes(executor: Executor, pattern: 'node' | 'rel'): Promise<Map<string, Map<string, string[]>>> {
  const cypher =
    pattern === 'node'
      ? 'MATCH (n) UNWIND keys(n) AS k RETURN apoc.coll.sort(labels(n)) AS group, k AS key, collect(DISTINCT valueType(n[k])) AS types'
      : 'MATCH ()-[r]->() UNWIND keys(r) AS k RETURN [type(r)] AS group, k AS key, collect(DISTINCT valueType(r[k])) AS types';
  const rows = await executor.query(cypher);
  const groups = new Map<string, Map<string, string[]>>();
  for (const row of rows) {
    const name = (row.group as string[]).join(':');
    if (!groups.has(name)) groups.set(name, new Map());
    groups.get(name)!.set(row.key as string, row.types as string[]);
  }
  return groups;
}

function groupOf(types: Map<string, string[]> | undefined): Group {
  const keys = [...(types?.keys() ?? [])].sort();
  return { keys, types: keys.map((k) => importType(types!.get(k)!)) };
}

/** Writes the CSV files into `dir`; returns them with the counts written. */
export async function exportForImport(
  executor: Executor,
  dir: string,
): Promise<ImportFiles & { nodes: string[]; relationships: string[]; nodeCount: number; relationshipCount: number }> {
  mkdirSync(dir, { recursive: true });
  const nodeTypes = await propertyTypes(executor, 'node');
  const relTypes = await propertyTypes(executor, 'rel');
  const files = new Map<string, { file: CsvFile; group: Group }>();
  const open = (kind: 'nodes' | 'rels', name: string, types: Map<string, string[]> | undefined, fixed: string) => {
    const key = `${kind}/${name}`;
    let entry = files.get(key);
    if (!entry) {
      const group = groupOf(types);
      const header = [fixed, ...group.keys.map((k, i) => `${k}:${group.types[i]}`)].join(',');
      entry = { file: new CsvFile(join(dir, `${kind}-${files.size}.csv`), header), group };
      files.set(key, entry);
    }
    return entry;
  };
  let nodeCount = 0;
  let relationshipCount = 0;
  await executor.read(async (tx) => {
    const result = tx.run(
      'MATCH (n) RETURN elementId(n) AS eid, apoc.coll.sort(labels(n)) AS labels, properties(n) AS props',
    );
    for await (const record of result) {
      const labels = record.get('labels') as string[];
      const name = labels.join(':');
      const { file, group } = open('nodes', name, nodeTypes.get(name), ':ID,:LABEL');
      const props = record.get('props') as Record<string, unknown>;
      file.line(
        [
          cell(record.get('eid'), 'string'),
          labels.join(ARRAY_DELIMITER),
          ...group.keys.map((k, i) => cell(props[k], group.types[i])),
        ].join(','),
      );
      nodeCount++;
    }
  });
  await executor.read(async (tx) => {
    const result = tx.run(
      'MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props',
    );
    for await (const record of result) {
      const type = record.get('type') as string;
      const { file, group } = open('rels', type, relTypes.get(type), ':START_ID,:END_ID,:TYPE');
      const props = record.get('props') as Record<string, unknown>;
      file.line(
        [
          cell(record.get('a'), 'string'),
          cell(record.get('b'), 'string'),
          type,
          ...group.keys.map((k, i) => cell(props[k], group.types[i])),
        ].join(','),
      );
      relationshipCount++;
    }
  });
  const nodes: string[] = [];
  const relationships: string[] = [];
  for (const [key, { file }] of files) {
    file.close();
    (key.startsWith('nodes/') ? nodes : relationships).push(file.path);
  }
  return { nodes, relationships, nodeCount, relationshipCount };
}
