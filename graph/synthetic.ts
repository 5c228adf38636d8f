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
 * Deletes every synthetic node with its relationships, then any synthetic relationship left between
 * real nodes (once the synthetic nodes are gone, those scans only cross the real data).
 */
export async function removeSynthetic(executor: Executor, log: Log = () => {}, batchSize = 2000): Promise<{ nodes: number; relationships: number }> {
  let nodes = 0;
  let relationships = 0;
  for (const label of LABELS) {
    for (;;) {
      const [row] = await executor.mutate(
        `MATCH (n:${label})
         WHERE n.synthetic = true
         WITH n LIMIT $batch
         WITH collect(n) AS batch
         CALL (batch) {
           UNWIND batch AS x
           MATCH (x)-[r]-()
           RETURN count(DISTINCT r) AS detached
         }
         CALL (batch) {
           UNWIND batch AS x
           DETACH DELETE x
         }
         RETURN size(batch) AS deleted, detached`,
        { batch: neo4j.int(batchSize) },
        { timeoutMs: 120_000 },
      );
      const deleted = Number(row.deleted);
      nodes += deleted;
      relationships += Number(row.detached ?? 0);
      if (deleted === 0) break;
    }
  }
  for (const type of REL_TYPES) {
    for (;;) {
      const [row] = await executor.mutate(
        `MATCH ()-[r:${type}]->()
         WHERE r.synthetic = true
         WITH r LIMIT $batch
         DELETE r
         RETURN count(*) AS deleted`,
        { batch: neo4j.int(batchSize * 5) },
        { timeoutMs: 120_000 },
      );
      const deleted = Number(row.deleted);
      relationships += deleted;
      if (deleted === 0) break;
    }
  }
  log(`Removed ${nodes} synthetic nodes and ${relationships} synthetic relationships.`);
  return { nodes, relationships };
}
