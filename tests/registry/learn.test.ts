// Learning from reviews (pure): a rejection lowers placements on the same segment decided by the same
// words, a confirmation lifts only firms with the same other candidates, and on the dev set the
// held-out half keeps its overall precision after 20 simulated reviews.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../../seed/registry/engine.js';
import { evaluate, sharedDir } from '../../seed/registry/eval.js';
import { applyFeedback, dropPlacements, FeedbackIndex } from '../../seed/registry/learn.js';

const limits = { confident: 0.8, floor: 0.4 };
const row = (placements: { segmentId: string; score: number; because: string }[]): ReportRow =>
  ({
    row: 1,
    placements: placements.map((p) => ({ ...p, quote: '', written: p.score >= 0.8 ? 'IN_SEGMENT' : 'proposal' })),
  }) as unknown as ReportRow;

describe('learning from reviews', () => {
  it('moves similar placements and decides them again', () => {
    const because = '经营范围 "医疗器械经营"';
    const index = new FeedbackIndex([
      { segmentId: 'segment:a', because, decision: 'rejected', others: [] },
      { segmentId: 'segment:b', because, decision: 'confirmed', others: [] },
    ]);
    const report = [
      row([{ segmentId: 'segment:a', score: 0.85, because }]),
      row([{ segmentId: 'segment:b', score: 0.75, because }]),
      row([
        { segmentId: 'segment:b', score: 0.75, because },
        { segmentId: 'segment:c', score: 0.7, because: '经营范围 "别的"' },
      ]),
    ];
    expect(applyFeedback(report, index, limits)).toBe(2);
    expect(report[0].placements[0]).toMatchObject({ score: 0.6, written: 'proposal' });
    expect(report[0].placements[0].because).toContain('0 confirmed, 1 rejected');
    expect(report[1].placements[0]).toMatchObject({ score: 0.85, written: 'IN_SEGMENT' });
    expect(report[2].placements[0]).toMatchObject({ score: 0.75, written: 'proposal' }); // other candidates differ
    const twice = [row([{ segmentId: 'segment:a', score: 0.5, because }])];
    applyFeedback(twice, index, limits);
    expect(twice[0].placements[0]).toMatchObject({ score: 0.25, written: 'dropped' });
    dropPlacements(twice);
    expect(twice[0].placements).toEqual([]);
  });

  it('keeps the held-out precision of the dev set after 20 reviews', async () => {
    const dev = join(sharedDir(), 'corpus', 'registry', 'dev');
    const { learning } = await evaluate(join(dev, 'registry-dev.csv'), join(dev, 'registry-dev.gold.json'));
    expect(learning.reviews.confirmed + learning.reviews.rejected).toBe(20);
    expect(learning.placementsMoved).toBeGreaterThan(0);
    expect(learning.after.finestAll.precision).toBeGreaterThanOrEqual(learning.before.finestAll.precision);
    expect(learning.after.finestWritten.tp).toBeGreaterThanOrEqual(learning.before.finestWritten.tp);
  });
});
