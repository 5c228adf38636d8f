// The server's layered layout (server/layout/layered.ts through `layeredLayout`): every node placed,
// upstream left of downstream, the same graph answered identically (from the cache), other graphs
// laid out afresh, and bad input refused with what to fix. Public: it reads nothing from the graph.
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../helpers/neo4j.js';
import { gql, testApp } from './helpers.js';

const db = useTestDb();
const app = testApp(db.executor);

const LAYOUT = `query($nodes: [LayoutNodeInput!]!, $edges: [LayoutEdgeInput!]!, $direction: LayoutDirection) {
  layeredLayout(nodes: $nodes, edges: $edges, direction: $direction) { id x y }
}`;

const box = (id: string) => ({ id, width: 120, height: 40 });
type Place = { id: string; x: number; y: number };

async function place(vars: Record<string, unknown>) {
  const r = await gql(app, LAYOUT, vars);
  return { errors: r.errors, places: (r.data?.layeredLayout ?? []) as Place[] };
}

describe('layeredLayout', () => {
  it('places every node, upstream to the left of downstream, and answers the same graph identically', async () => {
    const vars = {
      nodes: ['a', 'b', 'c', 'd'].map(box),
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
        { source: 'a', target: 'd' },
      ],
    };
    const first = await place(vars);
    expect(first.errors).toBeUndefined();
    const at = new Map(first.places.map((p) => [p.id, p]));
    expect([...at.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(at.get('a')!.x).toBeLessThan(at.get('b')!.x);
    expect(at.get('b')!.x).toBeLessThan(at.get('c')!.x);
    // two nodes of one layer do not overlap
    expect(Math.abs(at.get('b')!.y - at.get('d')!.y)).toBeGreaterThanOrEqual(40);
    expect((await place(vars)).places).toEqual(first.places);
    const down = await place({ ...vars, direction: 'DOWN' });
    const below = new Map(down.places.map((p) => [p.id, p]));
    expect(below.get('a')!.y).toBeLessThan(below.get('b')!.y);
  });

  it('refuses graphs past its limits and edges to nodes not given, saying what to fix', async () => {
    const many = await place({ nodes: Array.from({ length: 2_001 }, (_, i) => box(`n${i}`)), edges: [] });
    expect(many.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(many.errors?.[0].message).toContain('at most 2000 nodes');
    const dangling = await place({ nodes: [box('a')], edges: [{ source: 'a', target: 'z' }] });
    expect(dangling.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(dangling.errors?.[0].message).toContain('"z"');
    const twice = await place({ nodes: [box('a'), box('a')], edges: [] });
    expect(twice.errors?.[0].message).toContain('given twice');
    const flat = await place({ nodes: [{ id: 'a', width: 0, height: 10 }], edges: [] });
    expect(flat.errors?.[0].message).toContain('width and height');
  });
});
