// The gap rule's pure parts: the precedence of statuses (ABSENT > SINGLE_FIRM > THIN >
// EXTERNALLY_DEPENDENT > COVERED), the segment tree's ancestor closure, and the per-segment verdict
// from the counts the database aggregated (gap-inputs.ts).
import type { GapThresholds } from '../gap-thresholds.js';

export const GAP_STATUSES = ['ABSENT', 'SINGLE_FIRM', 'THIN', 'EXTERNALLY_DEPENDENT', 'COVERED'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

export interface SegmentInput {
  id: string;
  /** Parent segments (empty for a level-1 segment, whose parent is the chain). */
  parentIds: string[];
}

/** What the database counted for one segment and everything below it (each firm once). */
export interface SegmentAggregate {
  segmentId: string;
  localFirms: number;
  /** Local firms placed there (or below) by a person or a curated source / only by the registry classifier. */
  localConfirmed: number;
  localMachinePlaced: number;
  /** SUPPLIES edges into local firms of the chain, from the segment's local / outside firms. */
  localEdges: number;
  externalEdges: number;
  /** Firms with at least one such edge. */
  localSuppliers: number;
  externalSuppliers: number;
  /** The first local firms by id, and the biggest suppliers (most edges first), for the evidence. */
  localSample: string[];
  externalSample: string[];
  localSupplierSample: string[];
}

export interface SegmentCounts extends SegmentAggregate {
  status: GapStatus;
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

/** segment id → itself and its ancestors (and `also`, e.g. the chain): what a firm of that segment counts for. */
export function countsFor(segments: SegmentInput[], also: string[] = []): Record<string, string[]> {
  const ancestors = ancestorsOf(segments);
  return Object.fromEntries(segments.map((s) => [s.id, [s.id, ...(ancestors.get(s.id) ?? []), ...also]]));
}

/** Firms of a chain that share their segments, curated segments and local flag, counted by the database. */
export interface FirmGroup {
  /** The segments the firms are placed in (any placement that counts), and those placed by anything but the classifier. */
  segs: string[];
  curated: string[];
  local: boolean;
  firms: number;
  /** SUPPLIES edges into local firms of the chain, and firms with at least one. */
  edges: number;
  suppliers: number;
  /** The group's first firms by id, and its biggest suppliers (most edges first, ties by id). */
  sample: string[];
  supplierSample: { id: string; out: number }[];
}

/** Code-unit order of ids: the order Neo4j sorts strings in (never locale order). */
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The per-segment aggregates from the groups: a group counts once for each of its segments and their
 * ancestors (`up`: segment id → itself, its ancestors and the chain), each firm once per target. The
 * samples merge the groups' samples in the order the database used (first by id; most edges, then id).
 */
export function aggregatesOfGroups(
  groups: FirmGroup[],
  up: Record<string, string[]>,
  sampleSize: number,
): SegmentAggregate[] {
  interface Acc {
    agg: SegmentAggregate;
    local: string[];
    external: { id: string; out: number }[];
    localSuppliers: { id: string; out: number }[];
  }
  const byTarget = new Map<string, Acc>();
  for (const g of groups) {
    const targets = new Set(g.segs.flatMap((s) => up[s] ?? []));
    const curatedTargets = new Set(g.curated.flatMap((s) => up[s] ?? []));
    for (const target of targets) {
      let acc = byTarget.get(target);
      if (!acc) {
        // the samples of EMPTY are never pushed to (they are replaced at the end), so sharing them is safe
        acc = {
          agg: { segmentId: target, ...EMPTY },
          local: [],
          external: [],
          localSuppliers: [],
        };
        byTarget.set(target, acc);
      }
      const a = acc.agg;
      if (g.local) {
        a.localFirms += g.firms;
        // machine-placed for a target when only the classifier put the firm there (or below it)
        if (curatedTargets.has(target)) a.localConfirmed += g.firms;
        else a.localMachinePlaced += g.firms;
        a.localEdges += g.edges;
        a.localSuppliers += g.suppliers;
        acc.local.push(...g.sample);
        acc.localSuppliers.push(...g.supplierSample);
      } else {
        a.externalEdges += g.edges;
        a.externalSuppliers += g.suppliers;
        acc.external.push(...g.supplierSample);
      }
    }
  }
  const biggest = (xs: { id: string; out: number }[]) =>
    [...new Map(xs.map((x) => [x.id, x])).values()]
      .sort((x, y) => y.out - x.out || byId(x.id, y.id))
      .slice(0, sampleSize)
      .map((x) => x.id);
  return [...byTarget.values()].map(({ agg, local, external, localSuppliers }) => ({
    ...agg,
    localSample: [...new Set(local)].sort(byId).slice(0, sampleSize),
    externalSample: biggest(external),
    localSupplierSample: biggest(localSuppliers),
  }));
}

export function statusOf(localFirms: number, externalShare: number | null, thresholds: GapThresholds): GapStatus {
  if (localFirms === 0) return 'ABSENT';
  if (localFirms === 1) return 'SINGLE_FIRM';
  if (localFirms < thresholds.thinBelow) return 'THIN';
  if (externalShare !== null && externalShare >= thresholds.externalShare) return 'EXTERNALLY_DEPENDENT';
  return 'COVERED';
}

const EMPTY = {
  localFirms: 0,
  localConfirmed: 0,
  localMachinePlaced: 0,
  localEdges: 0,
  externalEdges: 0,
  localSuppliers: 0,
  externalSuppliers: 0,
  localSample: [],
  externalSample: [],
  localSupplierSample: [],
};

/** The verdict of every segment; a segment without any firm has no aggregate and is ABSENT. */
export function verdicts(
  segments: SegmentInput[],
  aggregates: SegmentAggregate[],
  thresholds: GapThresholds,
): SegmentCounts[] {
  const bySegment = new Map(aggregates.map((a) => [a.segmentId, a]));
  const up = countsFor(segments);
  const subtrees = new Map(segments.map((s) => [s.id, [] as string[]]));
  for (const s of segments) for (const a of up[s.id]) subtrees.get(a)!.push(s.id);
  return segments.map((s) => {
    const a = bySegment.get(s.id) ?? { ...EMPTY, segmentId: s.id };
    const total = a.externalEdges + a.localEdges;
    const externalShare = total === 0 ? null : a.externalEdges / total;
    return {
      ...a,
      status: statusOf(a.localFirms, externalShare, thresholds),
      externalShare,
      subtree: subtrees.get(s.id)!,
    };
  });
}
