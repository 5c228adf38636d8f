// aggregatesOfGroups (graph/analysis/gap-status.ts): the database counts groups of firms that share
// segments, curated segments and local flag; each group adds up once per segment and ancestor, so a firm
// in two sub-segments counts once for their parent, and the samples merge in the database's order.
import { describe, expect, it } from 'vitest';
import { aggregatesOfGroups, countsFor, type FirmGroup } from '../../graph/analysis/gap-status.js';

// chain c: a → a1, a2; b
const segments = [
  { id: 'a', parentIds: [] },
  { id: 'a1', parentIds: ['a'] },
  { id: 'a2', parentIds: ['a'] },
  { id: 'b', parentIds: [] },
];
const up = countsFor(segments, ['c']);

const group = (g: Partial<FirmGroup> & Pick<FirmGroup, 'segs' | 'local' | 'firms'>): FirmGroup => ({
  curated: g.segs,
  edges: 0,
  suppliers: 0,
  sample: [],
  supplierSample: [],
  ...g,
});

describe('aggregatesOfGroups', () => {
  const groups: FirmGroup[] = [
    group({
      segs: ['a1'],
      local: true,
      firms: 2,
      edges: 3,
      suppliers: 1,
      sample: ['f1', 'f3'],
      supplierSample: [{ id: 'f3', out: 3 }],
    }),
    // one firm in both sub-segments, placed in a2 by the classifier only
    group({ segs: ['a1', 'a2'], curated: ['a1'], local: true, firms: 1, sample: ['f2'] }),
    group({ segs: ['a2'], curated: [], local: true, firms: 1, sample: ['f0'] }),
    group({
      segs: ['b'],
      local: false,
      firms: 4,
      edges: 5,
      suppliers: 2,
      sample: ['x1'],
      supplierSample: [
        { id: 'x2', out: 3 },
        { id: 'x1', out: 2 },
      ],
    }),
    group({
      segs: ['a1'],
      local: false,
      firms: 1,
      edges: 3,
      suppliers: 1,
      sample: ['x0'],
      supplierSample: [{ id: 'x0', out: 3 }],
    }),
  ];
  const byId = new Map(aggregatesOfGroups(groups, up, 2).map((a) => [a.segmentId, a]));

  it('counts each firm once for a segment and every ancestor, the chain included', () => {
    expect(byId.get('a1')?.localFirms).toBe(3);
    expect(byId.get('a2')?.localFirms).toBe(2);
    expect(byId.get('a')?.localFirms).toBe(4);
    expect(byId.get('c')?.localFirms).toBe(4);
    expect(byId.get('b')?.localFirms).toBe(0);
    expect(byId.get('c')?.externalSuppliers).toBe(3);
    expect(byId.get('c')?.externalEdges).toBe(8);
    expect(byId.get('a')?.localEdges).toBe(3);
  });

  it('splits confirmed and machine-placed firms per target', () => {
    // f2 is curated in a1, so it is confirmed for a1, a and c, and machine-placed for a2 only
    expect(byId.get('a2')).toMatchObject({ localConfirmed: 0, localMachinePlaced: 2 });
    expect(byId.get('a')).toMatchObject({ localConfirmed: 3, localMachinePlaced: 1 });
    expect(byId.get('a1')).toMatchObject({ localConfirmed: 3, localMachinePlaced: 0 });
  });

  it('merges the samples: first firms by id, biggest suppliers by edges then id', () => {
    expect(byId.get('a')?.localSample).toEqual(['f0', 'f1']);
    expect(byId.get('c')?.externalSample).toEqual(['x0', 'x2']);
    expect(byId.get('c')?.localSupplierSample).toEqual(['f3']);
  });

  it('gives no aggregate to a segment without firms', () => {
    expect(aggregatesOfGroups([], up, 15)).toEqual([]);
  });
});
