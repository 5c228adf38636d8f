// Learning from reviews: a person's confirmation or rejection of a placement moves the score of later
// placements on the same segment decided by the same words (a "similar firm": same 经营范围 phrase,
// industry code or name word). Explainable: the placement's because says which reviews moved it.
import type { Thresholds } from './config.js';
import type { ReportRow } from './engine.js';

export interface PlacementFeedback {
  segmentId: string;
  /** The deciding words of the reviewed placement, as its because ("经营范围 \"…\" + 所属行业 \"…\""). */
  because: string;
  decision: 'confirmed' | 'rejected';
  /** The reviewed firm's other candidate segments: a confirmation only lifts firms with the same ones. */
  others: string[];
}

const BOOST = 0.1;
const PENALTY = 0.25;
const MAX_VOTES = 2;

/** The deciding terms of a because (field and words), e.g. `经营范围 "医疗器械经营"`. */
export const termsOf = (because: string): string[] => because.match(/\S+ "[^"]+"/g) ?? [];

export class FeedbackIndex {
  private readonly votes = new Map<string, { up: number; down: number }>();
  private readonly ups = new Map<string, number>();
  readonly size: number;

  constructor(feedback: PlacementFeedback[]) {
    this.size = feedback.length;
    for (const f of feedback)
      for (const term of new Set(termsOf(f.because))) {
        const key = `${f.segmentId}|${term}`;
        const v = this.votes.get(key) ?? { up: 0, down: 0 };
        if (f.decision === 'confirmed') {
          const k = `${key}|${[...f.others].sort().join(',')}`;
          this.ups.set(k, (this.ups.get(k) ?? 0) + 1);
        } else v.down++;
        this.votes.set(key, v);
      }
  }

  /** Net votes (confirmations minus rejections) of the placement's terms on its segment. */
  net(segmentId: string, because: string, others: string[]): { up: number; down: number } {
    let up = 0;
    let down = 0;
    const rest = [...others].sort().join(',');
    for (const term of new Set(termsOf(because))) {
      down += this.votes.get(`${segmentId}|${term}`)?.down ?? 0;
      up += this.ups.get(`${segmentId}|${term}|${rest}`) ?? 0;
    }
    return { up, down };
  }
}

/**
 * Moves scores by the reviews of similar placements, then decides again against the thresholds
 * (IN_SEGMENT at or above confident, proposal above the floor, 'dropped' below it: the write
 * reports it only when a person reviewed it, dropPlacements removes the rest). Mutates the report.
 */
export function applyFeedback(
  report: ReportRow[],
  index: FeedbackIndex,
  limits: Thresholds,
  parentOf: (segmentId: string) => string | null = () => null,
): number {
  if (!index.size) return 0;
  let moved = 0;
  const isAbove = (upper: string, lower: string) => {
    for (let s = parentOf(lower); s; s = parentOf(s)) if (s === upper) return true;
    return false;
  };
  for (const row of report) {
    for (const p of row.placements) {
      const others = row.placements.filter((q) => q !== p).map((q) => q.segmentId);
      const { up, down } = index.net(p.segmentId, p.because, others);
      // a confirmation of the general segment says nothing against a finer one this firm also has
      const finer = row.placements.some((q) => q !== p && isAbove(p.segmentId, q.segmentId));
      const net = finer ? Math.min(0, up - down) : up - down;
      if (net !== 0) {
        const step = net > 0 ? BOOST * Math.min(net, MAX_VOTES) : -PENALTY * Math.min(-net, MAX_VOTES);
        p.score = Math.round(Math.max(0, Math.min(1, p.score + step)) * 100) / 100;
        p.because = `${p.because}; reviews of the same words on this segment: ${up} confirmed, ${down} rejected`;
        if (p.written === 'IN_SEGMENT' || p.written === 'proposal')
          p.written = p.score >= limits.confident ? 'IN_SEGMENT' : 'proposal';
        moved++;
      }
      // below the floor now: kept as 'dropped' so a person's earlier review of it is still reported
      if (p.score < limits.floor) p.written = 'dropped';
    }
  }
  return moved;
}

/** Removes the placements that fell below the floor (for reports that are not written). */
export function dropPlacements(report: ReportRow[]): void {
  for (const row of report) row.placements = row.placements.filter((p) => p.written !== 'dropped');
}
