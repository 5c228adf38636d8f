// Finding and removing generated data: everything with `synthetic: true`, label by label (through the
// `synthetic` indexes of schema.ts) in batches small enough for a modest heap.
import neo4j from 'neo4j-driver';
import type { Executor } from './executor.js';
import { LABELS, REL_TYPES } from './model.js';

type Log = (line: string) => void;

export async function countSynthetic(executor: Executor): Promise<number> {
  return executor.read(async (tx) => {
    let total = 0;
    for (const label of LABELS) {
      const result = await tx.run(`MATCH (n:${label}) WHERE n.synthetic = true RETURN count(n) AS c`);
      total += Number(result.records[0].get('c'));
    }
    return total;
  });
}

/**
 * Deletes every synthetic relationship, type by type in bounded batches (a hub firm can have thousands),
 * then every synthetic node with whatever still touches it.
 */
export async function removeSynthetic(
  executor: Executor,
  log: Log = () => {},
  batchSize = 20_000,
): Promise<{ nodes: number; relationships: number }> {
  let nodes = 0;
  let relationships = 0;
  for (const type of REL_TYPES) {
    for (;;) {
      const [row] = await executor.mutate(
        `MATCH ()-[r:${type}]->()
         WHERE r.synthetic = true
         WITH r LIMIT $batch
         DELETE r
         RETURN count(*) AS deleted`,
        { batch: neo4j.int(batchSize) },
        { timeoutMs: 120_000 },
      );
      const deleted = Number(row.deleted);
      relationships += deleted;
      if (deleted === 0) break;
    }
  }
  for (const label of LABELS) {
    for (;;) {
      const [row] = await executor.mutate(
        `MATCH (n:${label})
         WHERE n.synthetic = true
         WITH n LIMIT $batch
         WITH n, COUNT { (n)--() } AS degree
         DETACH DELETE n
         RETURN count(n) AS deleted, sum(degree) AS detached`,
        { batch: neo4j.int(Math.ceil(batchSize / 4)) },
        { timeoutMs: 120_000 },
      );
      const deleted = Number(row.deleted);
      nodes += deleted;
      relationships += Number(row.detached ?? 0);
      if (deleted === 0) break;
    }
  }
  log(`Removed ${nodes} synthetic nodes and ${relationships} relationships.`);
  return { nodes, relationships };
}
