// The figures of a registry job's report screen, computed from its rows as they are paged in: counts by
// action, skip reasons, placements by chain and score band (and by what was written), and the confident
// placements (written as IN_SEGMENT) a person can browse and reject.
import type { ReportRow } from '../../api/registry.js';

/** Score bands, highest first: [lower bound, label]. */
export const BANDS: readonly [number, string][] = [
  [0.9, '≥ 0.90'],
  [0.8, '0.80–0.89'],
  [0.7, '0.70–0.79'],
  [0.6, '0.60–0.69'],
  [0, '< 0.60'],
];
export const WRITTEN = ['IN_SEGMENT', 'proposal', 'kept-confirmed', 'kept-rejected'] as const;
const ACTIONS = ['created', 'updated', 'unchanged', 'skipped'] as const;

export const bandOf = (score: number): number => BANDS.findIndex(([low]) => score >= low);

export interface Confident {
  row: number;
  firm: string;
  enterpriseId: string;
  segmentId: string;
  score: number;
  because: string;
  quote: string | null;
}

/** Placements of one segment: per band and per written kind. */
export interface SegmentTally {
  bands: number[];
  written: Record<string, number>;
  total: number;
}

export class ReportTally {
  rows = 0;
  readonly actions: Record<string, number> = Object.fromEntries(ACTIONS.map((a) => [a, 0]));
  /** Why rows were skipped: the problem text → how many rows. */
  readonly skipReasons = new Map<string, number>();
  readonly bySegment = new Map<string, SegmentTally>();
  readonly confident: Confident[] = [];

  add(rows: readonly ReportRow[]): void {
    for (const r of rows) {
      this.rows++;
      this.actions[r.action] = (this.actions[r.action] ?? 0) + 1;
      if (r.action === 'skipped') {
        const reasons = r.problems.length ? r.problems : ['—'];
        for (const p of reasons) this.skipReasons.set(p, (this.skipReasons.get(p) ?? 0) + 1);
      }
      for (const p of r.placements) {
        let seg = this.bySegment.get(p.segmentId);
        if (!seg) {
          seg = { bands: BANDS.map(() => 0), written: {}, total: 0 };
          this.bySegment.set(p.segmentId, seg);
        }
        seg.bands[bandOf(p.score)]++;
        seg.written[p.written] = (seg.written[p.written] ?? 0) + 1;
        seg.total++;
        if (p.written === 'IN_SEGMENT' && r.enterpriseId)
          this.confident.push({
            row: r.row,
            firm: r.name,
            enterpriseId: r.enterpriseId,
            segmentId: p.segmentId,
            score: p.score,
            because: p.because,
            quote: p.quote,
          });
      }
    }
  }

  /** Segment tallies summed by chain (chainOf: a segment id → its chain id, or null when unknown). */
  byChain(chainOf: (segmentId: string) => string | null): Map<string | null, SegmentTally> {
    const out = new Map<string | null, SegmentTally>();
    for (const [segmentId, seg] of this.bySegment) {
      const chain = chainOf(segmentId);
      let sum = out.get(chain);
      if (!sum) {
        sum = { bands: BANDS.map(() => 0), written: {}, total: 0 };
        out.set(chain, sum);
      }
      seg.bands.forEach((n, i) => {
        sum.bands[i] += n;
      });
      for (const [k, n] of Object.entries(seg.written)) sum.written[k] = (sum.written[k] ?? 0) + n;
      sum.total += seg.total;
    }
    return out;
  }
}
