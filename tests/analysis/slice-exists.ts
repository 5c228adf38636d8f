// Test helper: every node and every edge of a graph slice exists in the database (edges with their
// type and direction), walked one by one in a read transaction.
import { expect } from 'vitest';
import type { Executor } from '../../graph/executor.js';
import { REL_TYPES, type RelType } from '../../graph/model.js';
import type { GraphSlice } from '../../graph/slice.js';

export async function assertSliceExists(executor: Executor, slice: GraphSlice): Promise<void> {
  const nodeIds = slice.nodes.map((n) => n.id);
  const found = await executor.query(
    'UNWIND $ids AS id MATCH (n) WHERE n.id = id RETURN collect(DISTINCT n.id) AS ids',
    { ids: nodeIds },
  );
  expect([...((found[0]?.ids as string[] | undefined) ?? [])].sort()).toEqual([...new Set(nodeIds)].sort());
  for (const edge of slice.edges) {
    expect(REL_TYPES).toContain(edge.type);
    expect(nodeIds).toContain(edge.source);
    expect(nodeIds).toContain(edge.target);
    const [row] = await executor.query(
      `MATCH (a {id: $from})-[r:${edge.type as RelType}]->(b {id: $to}) RETURN count(r) AS n`,
      { from: edge.source, to: edge.target },
    );
    expect(Number(row.n), `${edge.id} exists`).toBeGreaterThan(0);
  }
}
