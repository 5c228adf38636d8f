// Counts of nodes per label and relationships per type (from Neo4j's count store, so they are cheap):
// the table the loaders end with, and what tests compare before and after.
import type { Executor } from './executor.js';
import { LABELS, REL_TYPES } from './model.js';

export interface GraphCounts {
  labels: Record<string, number>;
  types: Record<string, number>;
  nodes: number;
  relationships: number;
}

export async function countGraph(executor: Executor): Promise<GraphCounts> {
  return executor.read(async (tx) => {
    const labels: Record<string, number> = {};
    const types: Record<string, number> = {};
    for (const label of LABELS) {
      const result = await tx.run(`MATCH (n:${label}) RETURN count(n) AS c`);
      labels[label] = Number(result.records[0].get('c'));
    }
    for (const type of REL_TYPES) {
      const result = await tx.run(`MATCH ()-[r:${type}]->() RETURN count(r) AS c`);
      types[type] = Number(result.records[0].get('c'));
    }
    const all = await tx.run(
      'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
    );
    return {
      labels,
      types,
      nodes: Number(all.records[0].get('nodes')),
      relationships: Number(all.records[0].get('rels')),
    };
  });
}

/** A two-column text table of the non-zero counts, for the CLI. */
export function formatCounts(counts: GraphCounts): string {
  const rows = (record: Record<string, number>) =>
    Object.entries(record)
      .filter(([, n]) => n > 0)
      .map(([name, n]) => `  ${name.padEnd(16)} ${String(n).padStart(9)}`);
  return [
    'Nodes per label:',
    ...rows(counts.labels),
    `  ${'total'.padEnd(16)} ${String(counts.nodes).padStart(9)}`,
    'Relationships per type:',
    ...rows(counts.types),
    `  ${'total'.padEnd(16)} ${String(counts.relationships).padStart(9)}`,
  ].join('\n');
}

/** Whether the real data is loaded: a Program that is not synthetic exists. The one answer the first
 *  start (load when not) and /readyz (ready when so) share; synthetic programs never count. */
export async function realDataLoaded(executor: Executor, timeoutMs?: number): Promise<boolean> {
  const rows = await executor.query(
    'MATCH (p:Program) WHERE coalesce(p.synthetic, false) = false RETURN count(p) > 0 AS loaded',
    {},
    timeoutMs === undefined ? undefined : { timeoutMs },
  );
  return rows[0]?.loaded === true;
}
