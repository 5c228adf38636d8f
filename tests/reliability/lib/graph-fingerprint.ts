// A fingerprint of the whole database that does not depend on internal element ids: counts plus a
// SHA-256 over the sorted nodes (labels, properties) and relationship triples (start id, type, end id,
// properties). Two databases with the same fingerprint hold the same graph.
import { createHash } from 'node:crypto';
import type { Executor } from '../../../graph/executor.js';
import { STAMP_PROPERTIES } from '../../../graph/model-rules.js';

export interface GraphFingerprint {
  nodes: number;
  relationships: number;
  checksum: string;
}

/** JSON with sorted keys, so that property order never changes the hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface FingerprintOptions {
  /** Leave out properties holding an empty list (the CSV format of neo4j-admin import cannot carry them). */
  dropEmptyLists?: boolean;
  /** Leave out the write stamps (when and by which run a fact was written), to compare two separate loads. */
  ignoreWriteStamps?: boolean;
}

export async function fingerprint(executor: Executor, options: FingerprintOptions = {}): Promise<GraphFingerprint> {
  const props = (value: unknown) =>
    Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter(
        ([k, v]) =>
          !(options.dropEmptyLists && Array.isArray(v) && v.length === 0) &&
          !(options.ignoreWriteStamps && STAMP_PROPERTIES.has(k)),
      ),
    );
  const nodeRows = await executor.query('MATCH (n) RETURN apoc.coll.sort(labels(n)) AS labels, properties(n) AS props');
  const nodeLines = nodeRows.map((r) => canonicalJson([r.labels, props(r.props)])).sort();
  const relRows = await executor.query(
    `MATCH (a)-[r]->(b)
     RETURN coalesce(a.id, '') AS a, type(r) AS type, coalesce(b.id, '') AS b, properties(r) AS props`,
  );
  const relLines = relRows.map((r) => canonicalJson([r.a, r.type, r.b, props(r.props)])).sort();
  const hash = createHash('sha256');
  for (const line of nodeLines) hash.update(line).update('\n');
  hash.update('--\n');
  for (const line of relLines) hash.update(line).update('\n');
  return { nodes: nodeLines.length, relationships: relLines.length, checksum: hash.digest('hex') };
}

/** Node count per label and relationship count per type: what a person compares first. */
export async function countsByKind(executor: Executor): Promise<Record<string, number>> {
  const rows = await executor.query(
    `CALL () { MATCH (n) UNWIND labels(n) AS kind RETURN kind, count(*) AS n
               UNION ALL
               MATCH ()-[r]->() RETURN type(r) AS kind, count(*) AS n }
     RETURN kind, n ORDER BY kind`,
  );
  return Object.fromEntries(rows.map((r) => [r.kind as string, Number(r.n)]));
}
