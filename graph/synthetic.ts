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

/** Deletes every synthetic node (with its relationships) and every synthetic relationship. */
export async function removeSynthetic(executor: Executor, log: Log = () => {}, batchSize = 5000): Promise<{ nodes: number; relationships: number }> {
  let nodes = 0;
  let relationships = 0;
  // Relationships first, so that each node batch has little left to detach.
  for (const type of REL_TYPES) {
    for (;;) {
      const [row] = await executor.mutate(
        `MATCH ()-[r:${type}]->()
         WHERE r.synthetic = true
         WITH r LIMIT $batch
         DELETE r
         RETURN count(*) AS deleted`,
        { batch: neo4j.int(batchSize * 4) },
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
         DETACH DELETE n
         RETURN count(*) AS deleted`,
        { batch: neo4j.int(batchSize) },
        { timeoutMs: 120_000 },
      );
      const deleted = Number(row.deleted);
      nodes += deleted;
      if (deleted === 0) break;
    }
  }
  log(`Removed ${nodes} synthetic nodes and ${relationships} synthetic relationships.`);
  return { nodes, relationships };
}
