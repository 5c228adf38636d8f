// Researchers' tools on the hand-made graph: centrality and communities of a chosen subgraph (by ids
// or around a chain), TARGET_FOR hidden below analyst, and the comparison table of chains.
import { beforeAll, describe, expect, it } from 'vitest';
import { compareChains } from '../../graph/analysis/chain-comparison.js';
import { computeMetrics, subgraphMetrics } from '../../graph/analysis/centrality.js';
import { smallChain } from '../fixtures/analysis/small-chain.js';
import { writeFixture } from '../fixtures/analysis/write-fixture.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await writeFixture(db.executor, smallChain);
});

describe('centrality and communities', () => {
  it('finds the bridge of two triangles and splits them into two communities', () => {
    const node = (id: string) => ({ id, type: 'ENTERPRISE', label: id, data: {} });
    const edge = (s: string, t: string) => ({
      id: `SUPPLIES:${s}->${t}`,
      source: s,
      target: t,
      type: 'SUPPLIES',
      data: {},
    });
    const m = computeMetrics({
      nodes: ['a', 'b', 'c', 'd', 'e', 'f'].map(node),
      edges: [
        edge('a', 'b'),
        edge('b', 'c'),
        edge('a', 'c'),
        edge('c', 'd'),
        edge('d', 'e'),
        edge('e', 'f'),
        edge('d', 'f'),
      ],
      truncated: false,
    });
    expect(
      m.nodes
        .slice(0, 2)
        .map((n) => n.node.id)
        .sort(),
    ).toEqual(['c', 'd']);
    expect(m.nodes[0].betweenness).toBeCloseTo(0.6);
    expect(m.communities.map((c) => [...c.members].sort())).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(m.modularity).toBeGreaterThan(0.3);
  });

  it('measures the subgraph around a chain, leaving out facts that do not count and, below analyst, TARGET_FOR', async () => {
    const m = await subgraphMetrics(db.executor, { chainId: 'chain:fx', depth: 2, canSeeTargets: false });
    const ids = m.nodes.map((n) => n.node.id);
    expect(ids).toEqual(expect.arrayContaining(['chain:fx', 'segment:fx-d', 'ent:d1', 'leader:fx-owner']));
    expect(ids).not.toContain('ent:b-rejected');
    expect(ids).not.toContain('ent:e-synthetic');
    expect(m.slice.edges.some((e) => e.type === 'TARGET_FOR')).toBe(false);
    expect(m.nodes[0].node.id).toBe('chain:fx'); // the hub every path goes through
    const analyst = await subgraphMetrics(db.executor, { chainId: 'chain:fx', depth: 2, canSeeTargets: true });
    expect(analyst.slice.edges.some((e) => e.type === 'TARGET_FOR')).toBe(true);
  });

  it('measures a subgraph given by ids, with the relationships among them', async () => {
    const m = await subgraphMetrics(db.executor, {
      ids: ['ent:x1', 'ent:d1', 'ent:b1', 'segment:fx-d'],
      canSeeTargets: false,
    });
    expect(m.slice.edges.map((e) => e.id).sort()).toEqual([
      'IN_SEGMENT:ent:d1->segment:fx-d',
      'IN_SEGMENT:ent:x1->segment:fx-d',
      'SUPPLIES:ent:x1->ent:b1',
      'SUPPLIES:ent:x1->ent:d1',
    ]);
    expect(m.nodes.find((n) => n.node.id === 'ent:x1')!.degree).toBe(3);
    await expect(subgraphMetrics(db.executor, { ids: ['ent:ghost'], canSeeTargets: false })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(subgraphMetrics(db.executor, { canSeeTargets: false })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('chainComparison', () => {
  it('tabulates segments, local firms, gaps by status and goals met per chain', async () => {
    const rows = await compareChains(db.executor, {
      programId: 'program:fx',
      thresholds: { thinBelow: 5, externalShare: 0.5 },
    });
    expect(rows.map((r) => r.chain.id)).toEqual(['chain:fx', 'chain:fx-other']);
    const fx = rows[0];
    expect(fx).toMatchObject({
      segments: 8,
      level1Segments: 5,
      localEnterprises: 16,
      goalsTotal: 3,
      goalsMet: 0,
      goalsSourced: 1,
    });
    expect(fx.gaps).toEqual({ ABSENT: 2, SINGLE_FIRM: 1, THIN: 3, EXTERNALLY_DEPENDENT: 1, COVERED: 1 });
    expect(rows[1]).toMatchObject({ segments: 1, localEnterprises: 1, goalsTotal: 0 });
  });
});
