// The learning experiment of the eval: a seeded half of the dev rows is "reviewed" (20 of its placements
// confirmed or rejected as the gold says, standing in for a person), and the other half is scored
// before and after those reviews are applied. Pure: no database.
import { mulberry32 } from '../../graph/random.js';
import type { Thresholds } from './config.js';
import type { RegistryContext } from './context.js';
import type { ReportRow } from './engine.js';
import { applyFeedback, dropPlacements, FeedbackIndex, type PlacementFeedback } from './learn.js';
import { type GoldRow, score } from './score.js';

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function learningExperiment(
  report: ReportRow[],
  gold: GoldRow[],
  ctx: RegistryContext,
  limits: Thresholds,
  options: { seed?: number; reviews?: number } = {},
) {
  const random = mulberry32(options.seed ?? 12);
  const rows = shuffle(
    report.map((r) => r.row),
    random,
  );
  const reviewed = new Set(rows.slice(0, Math.floor(rows.length / 2)));
  const goldByRow = new Map(gold.map((g) => [g.row, g]));
  // 20 placements of the reviewed half (seeded pick), decided as the gold says
  const candidates = shuffle(
    report.filter((r) => reviewed.has(r.row)).flatMap((r) => r.placements.map((p) => ({ row: r.row, p }))),
    random,
  ).slice(0, options.reviews ?? 20);
  const byRow = new Map(report.map((r) => [r.row, r]));
  const feedback: PlacementFeedback[] = candidates.map(({ row, p }) => ({
    segmentId: p.segmentId,
    because: p.because,
    others: (byRow.get(row)?.placements ?? []).filter((q) => q !== p).map((q) => q.segmentId),
    decision: goldByRow.get(row)?.segments.includes(p.segmentId) ? 'confirmed' : 'rejected',
  }));
  const heldOut = (rs: ReportRow[]) => rs.filter((r) => !reviewed.has(r.row));
  const heldGold = gold.filter((g) => !reviewed.has(g.row));
  const before = score(heldOut(report), heldGold, ctx);
  const after = structuredClone(heldOut(report));
  const moved = applyFeedback(after, new FeedbackIndex(feedback), limits, (id) => ctx.segments.get(id)?.parent ?? null);
  dropPlacements(after);
  const scores = score(after, heldGold, ctx);
  const was = new Map(heldOut(report).flatMap((r) => r.placements.map((p) => [`${r.row}|${p.segmentId}`, p])));
  const changes = after.flatMap((r) =>
    r.placements
      .filter((p) => was.get(`${r.row}|${p.segmentId}`)?.score !== p.score)
      .map((p) => ({
        row: r.row,
        segmentId: p.segmentId,
        score: `${was.get(`${r.row}|${p.segmentId}`)?.score} -> ${p.score}`,
        written: p.written,
        right: !!goldByRow.get(r.row)?.segments.includes(p.segmentId),
      })),
  );
  const pick = (s: typeof before) => ({
    finestAll: s.finestAll,
    finestWritten: s.finestWritten,
    level1Written: s.level1Written,
  });
  return {
    reviews: {
      confirmed: feedback.filter((f) => f.decision === 'confirmed').length,
      rejected: feedback.filter((f) => f.decision === 'rejected').length,
    },
    heldOutRows: heldGold.length,
    placementsMoved: moved,
    changes,
    before: pick(before),
    after: pick(scores),
  };
}
