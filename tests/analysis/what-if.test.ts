// What-if on the hand-made chain: a landing or a departure changes the gap statuses it should, the
// statuses before equal gaps(), bad input is refused, and nothing is ever written.
import { beforeAll, describe, expect, it } from 'vitest';
import { findGaps, whatIf } from '../../graph/analysis/gaps.js';
import { smallChain } from '../fixtures/analysis/small-chain.js';
import { writeFixture } from '../fixtures/analysis/write-fixture.js';
import { countAll, emptyDatabase, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();
const thresholds = { thinBelow: 5, externalShare: 0.5 };

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await writeFixture(db.executor, smallChain);
});

const changedOf = (rows: Awaited<ReturnType<typeof whatIf>>) =>
  Object.fromEntries(rows.filter((r) => r.before !== r.after).map((r) => [r.segmentId, `${r.before}→${r.after}`]));

describe('whatIf(chainId, landing, leaving)', () => {
  it('an outside supplier landing in a single-firm segment thins it out and makes its own supplies local', async () => {
    const rows = await whatIf(
      db.executor,
      'chain:fx',
      { landing: [{ enterpriseId: 'ent:x1', segmentId: 'segment:fx-b' }], leaving: [] },
      { thresholds },
    );
    expect(changedOf(rows)).toEqual({
      'segment:fx-b': 'SINGLE_FIRM→THIN',
      'segment:fx-d': 'EXTERNALLY_DEPENDENT→COVERED',
    });
    const d = rows.find((r) => r.segmentId === 'segment:fx-d')!;
    expect([d.localBefore, d.localAfter]).toEqual([5, 6]);
    expect(d.externalShareAfter).toBeCloseTo(0.25);
  });

  it('a firm leaving empties its segment and stops counting as a buyer', async () => {
    const rows = await whatIf(db.executor, 'chain:fx', { landing: [], leaving: ['ent:b1'] }, { thresholds });
    expect(changedOf(rows)).toEqual({ 'segment:fx-b': 'SINGLE_FIRM→ABSENT' });
    const d = rows.find((r) => r.segmentId === 'segment:fx-d')!;
    expect(d.externalShareAfter).toBeCloseTo(2 / 3); // x1 → b1 no longer supplies a local firm
  });

  it('starts from the same statuses as gaps() and writes nothing', async () => {
    const before = await countAll(db.executor);
    const [localBefore] = await db.executor.query('MATCH (e:Enterprise) WHERE e.local RETURN count(e) AS n');
    const rows = await whatIf(
      db.executor,
      'chain:fx',
      { landing: [{ enterpriseId: 'ent:t1', segmentId: 'segment:fx-a' }], leaving: ['ent:d1', 'ent:d2'] },
      { thresholds },
    );
    const gaps = await findGaps(db.executor, 'chain:fx', { thresholds, evidence: false });
    expect(rows.map((r) => [r.segmentId, r.before])).toEqual(gaps.map((g) => [g.segmentId, g.status]));
    expect(changedOf(rows)['segment:fx-a']).toBe('ABSENT→SINGLE_FIRM');
    expect(changedOf(rows)['segment:fx-d']).toBe('EXTERNALLY_DEPENDENT→THIN');
    expect(await countAll(db.executor)).toEqual(before);
    const [localAfter] = await db.executor.query('MATCH (e:Enterprise) WHERE e.local RETURN count(e) AS n');
    expect(localAfter.n).toBe(localBefore.n);
    const scoped = db.executor.scoped();
    await whatIf(scoped, 'chain:fx', { landing: [], leaving: ['ent:b1'] });
    expect(scoped.transactions).toBe(1);
  });

  it('refuses a segment of another chain, an unknown firm, or a firm that both lands and leaves', async () => {
    await expect(
      whatIf(db.executor, 'chain:fx', {
        landing: [{ enterpriseId: 'ent:x1', segmentId: 'segment:fx-other1' }],
        leaving: [],
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      whatIf(db.executor, 'chain:fx', {
        landing: [{ enterpriseId: 'ent:ghost', segmentId: 'segment:fx-b' }],
        leaving: [],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(whatIf(db.executor, 'chain:fx', { landing: [], leaving: ['ent:ghost'] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      whatIf(db.executor, 'chain:fx', {
        landing: [{ enterpriseId: 'ent:x1', segmentId: 'segment:fx-b' }],
        leaving: ['ent:x1'],
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
