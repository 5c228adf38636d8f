// gaps(chainId) on a hand-made chain: every status of the precedence, distinct counting in parents,
// facts that must not count (rejected, proposed, synthetic in a real chain), evidence slices whose
// nodes and edges exist, honest explanations, and one read transaction per answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { AnalysisCache } from '../../graph/analysis/analysis-cache.js';
import { findGaps } from '../../graph/analysis/gaps.js';
import { smallChain, EXPECTED_STATUS } from '../fixtures/analysis/small-chain.js';
import { writeFixture } from '../fixtures/analysis/write-fixture.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { assertSliceExists } from './slice-exists.js';

const db = useTestDb();
const thresholds = { thinBelow: 5, externalShare: 0.5 };

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await writeFixture(db.executor, smallChain);
});

describe('gaps(chainId)', () => {
  it('gives every segment of every level its status by the precedence', async () => {
    const gaps = await findGaps(db.executor, 'chain:fx', { thresholds });
    expect(Object.fromEntries(gaps.map((g) => [g.segmentId, g.status]))).toEqual(EXPECTED_STATUS);
  });

  it('counts distinct local firms in parents and ignores rejected, proposed and synthetic facts', async () => {
    const byId = new Map((await findGaps(db.executor, 'chain:fx', { thresholds })).map((g) => [g.segmentId, g]));
    expect(byId.get('segment:fx-c')!.localEnterprises).toBe(4); // c1a works in both children, counted once
    expect(byId.get('segment:fx-c2')!.localEnterprises).toBe(3);
    expect(byId.get('segment:fx-b')!.localEnterprises).toBe(1); // rejected firm and proposed link left out
    expect(byId.get('segment:fx-e')!.localEnterprises).toBe(6); // the synthetic firm is not shown in a real chain
    const d = byId.get('segment:fx-d')!;
    expect(d.externalSuppliers).toBe(2);
    expect(d.externalSupplyEdges).toBe(3); // x2 → o1 (other chain) and the rejected edge do not count
    expect(d.localSupplyEdges).toBe(1);
    expect(d.externalSupplyShare).toBeCloseTo(0.75);
    expect(byId.get('segment:fx-e')!.externalSupplyShare).toBeCloseTo(1 / 3);
  });

  it('counts pipeline targets of the segment and its descendants, each firm at its newest stage', async () => {
    const a = (await findGaps(db.executor, 'chain:fx', { thresholds, pipeline: true })).find(
      (g) => g.segmentId === 'segment:fx-a',
    )!;
    expect(a.targetsInPipeline).toBe(2);
    expect(a.pipeline.map((p) => [p.enterpriseId, p.stage])).toEqual([
      ['ent:t1', '在谈'],
      ['ent:t2', '签约'],
    ]);
    const counted = (await findGaps(db.executor, 'chain:fx', { thresholds })).find(
      (g) => g.segmentId === 'segment:fx-a',
    )!;
    expect(counted.targetsInPipeline).toBe(2); // counted without reading the stages
  });

  it('explains an ABSENT segment as missing records, not as a fact about the economy', async () => {
    const a = (await findGaps(db.executor, 'chain:fx', { thresholds })).find((g) => g.segmentId === 'segment:fx-a')!;
    expect(a.explanation).toContain('没有记录');
    expect(a.explanation).toContain('空白环节');
    expect(a.explanationEn).toMatch(/No local firm is recorded/);
    expect(a.explanationEn).toContain('Empty segment');
    const b = (await findGaps(db.executor, 'chain:fx', { thresholds })).find((g) => g.segmentId === 'segment:fx-b')!;
    expect(b.explanation).toContain('企业b1');
  });

  it('shows the deciding firms and supply edges as evidence that exists in the database', async () => {
    const gaps = await findGaps(db.executor, 'chain:fx', { thresholds });
    const d = gaps.find((g) => g.segmentId === 'segment:fx-d')!;
    const ids = d.evidence.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['segment:fx-d', 'ent:d1', 'ent:x1', 'ent:x2', 'ent:b1']));
    expect(d.evidence.edges.map((e) => e.id)).toEqual(
      expect.arrayContaining(['SUPPLIES:ent:x1->ent:b1', 'IN_SEGMENT:ent:x1->segment:fx-d']),
    );
    expect(ids).not.toContain('ent:o1');
    const c = gaps.find((g) => g.segmentId === 'segment:fx-c')!;
    expect(c.evidence.edges.map((e) => e.id)).toEqual(
      expect.arrayContaining(['PART_OF:segment:fx-c1->segment:fx-c', 'IN_SEGMENT:ent:c1b->segment:fx-c1']),
    );
    for (const g of gaps) await assertSliceExists(db.executor, g.evidence);
  });

  it('answers with one read transaction and NOT_FOUND for an unknown chain', async () => {
    const scoped = db.executor.scoped();
    await findGaps(scoped, 'chain:fx', { thresholds, cache: null });
    expect(scoped.transactions).toBe(1);
    await expect(findGaps(db.executor, 'chain:nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reuses an answer only while the graph is unchanged', async () => {
    const cache = new AnalysisCache({ enabled: true, maxEntries: 4 });
    const first = db.executor.scoped();
    const computed = await findGaps(first, 'chain:fx', { thresholds, cache });
    expect(first.transactions).toBe(2); // the position, then the analysis
    const second = db.executor.scoped();
    expect(await findGaps(second, 'chain:fx', { thresholds, cache })).toEqual(computed);
    expect(second.transactions).toBe(1); // only the position
    // local is derived from the location: rejecting b1's LOCATED_IN makes it an outside firm
    await db.executor.mutate("MATCH (:Enterprise {id: 'ent:b1'})-[l:LOCATED_IN]->() SET l.status = 'rejected'");
    try {
      const after = await findGaps(db.executor, 'chain:fx', { thresholds, cache });
      expect(after.find((g) => g.segmentId === 'segment:fx-b')!.status).toBe('ABSENT');
    } finally {
      await db.executor.mutate("MATCH (:Enterprise {id: 'ent:b1'})-[l:LOCATED_IN]->() SET l.status = 'confirmed'");
    }
    expect(
      (await findGaps(db.executor, 'chain:fx', { thresholds, cache })).find((g) => g.segmentId === 'segment:fx-b')!
        .status,
    ).toBe('SINGLE_FIRM');
  });

  it('computes a question asked by many readers at once only once, and each reader gets the answer', async () => {
    const cache = new AnalysisCache({ enabled: true, maxEntries: 4 });
    const readers = Array.from({ length: 5 }, () => db.executor.scoped());
    const answers = await Promise.all(readers.map((r) => findGaps(r, 'chain:fx', { thresholds, cache })));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    // one reader reads the position and computes (2 transactions); the others only read the position
    expect(readers.map((r) => r.transactions).sort()).toEqual([1, 1, 1, 1, 2]);
  });

  it('follows the configured thresholds', async () => {
    const byId = new Map(
      (await findGaps(db.executor, 'chain:fx', { thresholds: { thinBelow: 4, externalShare: 0.8 } })).map((g) => [
        g.segmentId,
        g.status,
      ]),
    );
    expect(byId.get('segment:fx-c')).toBe('COVERED'); // 4 firms, no supply recorded
    expect(byId.get('segment:fx-d')).toBe('COVERED'); // 75 % < 80 %
  });
});
