// The gap rule as a pure function (no database): given the segments of a chain, the firms in them
// and how many supply edges each firm sends into local firms of the chain, the status of every
// segment with the contract's precedence ABSENT > SINGLE_FIRM > THIN > EXTERNALLY_DEPENDENT > COVERED.
import type { GapThresholds } from '../gap-thresholds.js';

export const GAP_STATUSES = ['ABSENT', 'SINGLE_FIRM', 'THIN', 'EXTERNALLY_DEPENDENT', 'COVERED'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

export interface SegmentInput {
  id: string;
  /** Parent segments (empty for a level-1 segment, whose parent is the chain). */
  parentIds: string[];
}

export interface FirmInput {
  id: string;
  local: boolean;
  /** Segments of the chain the firm is IN_SEGMENT. */
  segments: string[];
  /** SUPPLIES edges from this firm into local firms of the chain. */
  supplyOut: number;
}

export interface SegmentCounts {
  segmentId: string;
  status: GapStatus;
  /** Distinct local firms of the segment and its descendants, sorted by id. */
  localFirms: string[];
  /** Distinct outside firms of the segment and its descendants that supply local firms of the chain. */
  externalSuppliers: string[];
  /** Distinct local firms of the subtree that supply local firms of the chain. */
  localSuppliers: string[];
  externalEdges: number;
  localEdges: number;
  /** externalEdges / all edges; null when no supply edge is recorded. */
  externalShare: number | null;
  /** The segment and its descendants. */
  subtree: string[];
}

/** Ancestors of each segment (itself excluded), following every parent. */
export function ancestorsOf(segments: SegmentInput[]): Map<string, string[]> {
  const parents = new Map(segments.map((s) => [s.id, s.parentIds.filter((p) => p !== s.id)]));
  const memo = new Map<string, string[]>();
  const visit = (id: string, trail: Set<string>): string[] => {
    const known = memo.get(id);
    if (known) return known;
    const out = new Set<string>();
    for (const parent of parents.get(id) ?? []) {
      if (!parents.has(parent) || trail.has(parent)) continue; // outside the chain, or a PART_OF cycle
      out.add(parent);
      for (const a of visit(parent, new Set([...trail, parent]))) out.add(a);
    }
    const list = [...out];
    memo.set(id, list);
    return list;
  };
  for (const s of segments) visit(s.id, new Set([s.id]));
  return memo;
}

export function statusOf(localFirms: number, externalShare: number | null, thresholds: GapThresholds): GapStatus {
  if (localFirms === 0) return 'ABSENT';
  if (localFirms === 1) return 'SINGLE_FIRM';
  if (localFirms < thresholds.thinBelow) return 'THIN';
  if (externalShare !== null && externalShare >= thresholds.externalShare) return 'EXTERNALLY_DEPENDENT';
  return 'COVERED';
}

export function computeGapCounts(segments: SegmentInput[], firms: FirmInput[], thresholds: GapThresholds): SegmentCounts[] {
  const ancestors = ancestorsOf(segments);
  const acc = new Map(segments.map((s) => [s.id, { local: new Set<string>(), ext: new Set<string>(), locSup: new Set<string>(), extEdges: 0, locEdges: 0 }]));
  for (const firm of firms) {
    // Each firm counts once per segment, however many of its descendants it works in.
    const reached = new Set<string>();
    for (const seg of firm.segments) {
      if (!acc.has(seg)) continue;
      reached.add(seg);
      for (const a of ancestors.get(seg) ?? []) reached.add(a);
    }
    for (const seg of reached) {
      const a = acc.get(seg)!;
      if (firm.local) {
        a.local.add(firm.id);
        a.locEdges += firm.supplyOut;
        if (firm.supplyOut > 0) a.locSup.add(firm.id);
      } else if (firm.supplyOut > 0) {
        a.ext.add(firm.id);
        a.extEdges += firm.supplyOut;
      }
    }
  }
  const subtrees = new Map(segments.map((s) => [s.id, [s.id]]));
  for (const s of segments) for (const a of ancestors.get(s.id) ?? []) subtrees.get(a)!.push(s.id);
  return segments.map((s) => {
    const a = acc.get(s.id)!;
    const total = a.extEdges + a.locEdges;
    const externalShare = total === 0 ? null : a.extEdges / total;
    return {
      segmentId: s.id,
      status: statusOf(a.local.size, externalShare, thresholds),
      localFirms: [...a.local].sort(),
      externalSuppliers: [...a.ext].sort(),
      localSuppliers: [...a.locSup].sort(),
      externalEdges: a.extEdges,
      localEdges: a.locEdges,
      externalShare,
      subtree: subtrees.get(s.id)!,
    };
  });
}
