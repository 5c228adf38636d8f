// recommendTargets on the hand-made chain: outside firms of the gap ranked by the sum of their reason
// weights, every reason with a path whose nodes and edges exist (walked against the database), facts
// that do not count left out, and configured weights followed.
import { beforeAll, describe, expect, it } from 'vitest';
import { recommendTargets } from '../../graph/analysis/recommend.js';
import { DEFAULT_RECOMMEND_WEIGHTS, recommendWeights } from '../../graph/analysis/recommend-weights.js';
import { smallChain } from '../fixtures/analysis/small-chain.js';
import { writeFixture } from '../fixtures/analysis/write-fixture.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { assertSliceExists } from './slice-exists.js';

const db = useTestDb();
const weights = DEFAULT_RECOMMEND_WEIGHTS;

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await writeFixture(db.executor, smallChain);
});

describe('recommendTargets(segmentId)', () => {
  it('ranks the outside firms of the gap by the sum of their reason weights', async () => {
    const recs = await recommendTargets(db.executor, 'segment:fx-a', { weights });
    expect(recs.map((r) => r.enterprise.id)).toEqual(['ent:t2', 'ent:out-a', 'ent:t1']);
    for (const r of recs) expect(r.score).toBeCloseTo(r.reasons.reduce((s, x) => s + x.weight, 0));
    const t2 = recs[0];
    expect(t2.reasons.map((r) => r.kind).sort()).toEqual([
      'DISTRICT_HOSTS',
      'INSTITUTE_SUPPORT',
      'IN_SEGMENT',
      'PIPELINE',
      'SUPPLIES_LOCAL',
    ]);
    expect(t2.stage).toBe('签约');
    expect(t2.score).toBeCloseTo(1.5 + 2 + 1 + 0.5 + 3 * 0.5);
    const outA = recs[1];
    expect(outA.reasons.find((r) => r.kind === 'PIPELINE')!.text).toContain('尚未进入招商管道');
    expect(recs.every((r) => r.enterprise.local === false)).toBe(true);
  });

  it('gives every reason a path that exists in the graph, and the path shows the reason', async () => {
    const recs = await recommendTargets(db.executor, 'segment:fx-a', { weights });
    for (const rec of recs) {
      for (const reason of rec.reasons) {
        expect(reason.path.nodes.length, `${rec.enterprise.id} ${reason.kind}`).toBeGreaterThan(0);
        await assertSliceExists(db.executor, reason.path);
      }
    }
    const outA = recs.find((r) => r.enterprise.id === 'ent:out-a')!;
    const supply = outA.reasons.find((r) => r.kind === 'SUPPLIES_LOCAL')!;
    expect(supply.path.edges.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        'SUPPLIES:ent:out-a->ent:d4',
        'IN_SEGMENT:ent:d4->segment:fx-d',
        'PART_OF:segment:fx-d->chain:fx',
      ]),
    );
    const t2 = recs.find((r) => r.enterprise.id === 'ent:t2')!;
    expect(t2.reasons.find((r) => r.kind === 'IN_SEGMENT')!.path.edges.map((e) => e.id)).toEqual([
      'IN_SEGMENT:ent:t2->segment:fx-a1',
      'PART_OF:segment:fx-a1->segment:fx-a',
    ]);
    const support = t2.reasons.find((r) => r.kind === 'INSTITUTE_SUPPORT')!;
    expect(support.path.nodes.map((n) => n.id)).toContain('institute:fx-lab');
    expect(support.path.nodes.map((n) => n.id)).not.toContain('university:fx-uni'); // only proposed
    const hosts = t2.reasons.find((r) => r.kind === 'DISTRICT_HOSTS')!;
    expect(hosts.path.edges.map((e) => e.id)).toEqual(
      expect.arrayContaining(['HOSTS:district:fx-zone->chain:fx', 'PART_OF:segment:fx-a->chain:fx']),
    );
    const t1 = recs.find((r) => r.enterprise.id === 'ent:t1')!;
    const pipeline = t1.reasons.find((r) => r.kind === 'PIPELINE')!;
    expect(pipeline.text).toContain('在谈');
    expect(pipeline.path.edges).toHaveLength(1);
    expect(pipeline.path.edges[0].data.stage).toBe('在谈');
  });

  it('follows configured weights from the environment', async () => {
    const custom = recommendWeights({ KG_REC_WEIGHT_PIPELINE_STEP: '5' });
    const recs = await recommendTargets(db.executor, 'segment:fx-a', { weights: custom });
    expect(recs[0].enterprise.id).toBe('ent:t2');
    expect(recs[1].enterprise.id).toBe('ent:t1'); // 在谈 now weighs 10
    expect(() => recommendWeights({ KG_REC_WEIGHT_IN_SEGMENT: 'lots' })).toThrow(/KG_REC_WEIGHT_IN_SEGMENT/);
  });

  it('limits to first, in one read transaction, with clear errors', async () => {
    const scoped = db.executor.scoped();
    expect(await recommendTargets(scoped, 'segment:fx-a', { first: 1, weights, cache: null })).toHaveLength(1);
    expect(scoped.transactions).toBe(1);
    await expect(recommendTargets(db.executor, 'segment:nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(recommendTargets(db.executor, 'segment:fx-a', { first: 0 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
