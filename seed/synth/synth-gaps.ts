// The gap status of every segment, computed from generated data exactly as api-contract.md defines it,
// so the manifest states what the gap analysis must find. Precedence: ABSENT > SINGLE_FIRM > THIN >
// EXTERNALLY_DEPENDENT > COVERED. A parent counts the distinct firms of its descendants.
import type { GapThresholds } from '../../graph/gap-thresholds.js';

export type GapStatus = 'ABSENT' | 'SINGLE_FIRM' | 'THIN' | 'EXTERNALLY_DEPENDENT' | 'COVERED';
export const GAP_STATUSES: readonly GapStatus[] = ['ABSENT', 'SINGLE_FIRM', 'THIN', 'EXTERNALLY_DEPENDENT', 'COVERED'];

export interface GapSegment {
  id: string;
  chainId: string;
  parentId: string | null;
}
export interface GapInput {
  segments: GapSegment[];
  /** Enterprise index → local flag. */
  local: ArrayLike<boolean>;
  /** [enterprise index, segment id] pairs (IN_SEGMENT). */
  memberships: [number, string][];
  /** [supplier index, customer index] pairs (SUPPLIES). */
  supplies: [number, number][];
}
export interface SegmentGapFacts {
  id: string;
  chainId: string;
  parentId: string | null;
  expectedStatus: GapStatus;
  /** Distinct local firms in the segment or its descendants. */
  localEnterprises: number;
  /** Share of SUPPLIES from firms of the segment into local firms of the chain that come from outside firms. */
  externalSupplyShare: number;
  /** Distinct outside firms of the segment supplying local firms of the chain. */
  externalSuppliers: number;
  /** Those SUPPLIES relationships. */
  supplyEdges: number;
}

export function statusOf(localEnterprises: number, externalShare: number, t: GapThresholds): GapStatus {
  if (localEnterprises === 0) return 'ABSENT';
  if (localEnterprises === 1) return 'SINGLE_FIRM';
  if (localEnterprises < t.thinBelow) return 'THIN';
  if (externalShare >= t.externalShare) return 'EXTERNALLY_DEPENDENT';
  return 'COVERED';
}

export function computeSegmentGaps(input: GapInput, thresholds: GapThresholds): SegmentGapFacts[] {
  const byId = new Map(input.segments.map((s) => [s.id, s]));
  // Firms of each segment, including those of its descendants.
  const firms = new Map<string, Set<number>>(input.segments.map((s) => [s.id, new Set<number>()]));
  for (const [firm, segmentId] of input.memberships) {
    for (let s = byId.get(segmentId); s; s = s.parentId ? byId.get(s.parentId) : undefined) firms.get(s.id)!.add(firm);
  }
  const chainLocals = new Map<string, Set<number>>();
  for (const s of input.segments) {
    const set = chainLocals.get(s.chainId) ?? new Set<number>();
    if (s.parentId === null) for (const f of firms.get(s.id)!) if (input.local[f]) set.add(f);
    chainLocals.set(s.chainId, set);
  }
  const customersOf = new Map<number, number[]>();
  for (const [supplier, customer] of input.supplies) {
    const list = customersOf.get(supplier);
    if (list) list.push(customer);
    else customersOf.set(supplier, [customer]);
  }
  return input.segments.map((segment) => {
    const members = firms.get(segment.id)!;
    const locals = chainLocals.get(segment.chainId)!;
    let localCount = 0;
    let edges = 0;
    let external = 0;
    const externalSuppliers = new Set<number>();
    for (const firm of members) {
      if (input.local[firm]) localCount++;
      for (const customer of customersOf.get(firm) ?? []) {
        if (!locals.has(customer)) continue;
        edges++;
        if (!input.local[firm]) {
          external++;
          externalSuppliers.add(firm);
        }
      }
    }
    const share = edges ? external / edges : 0;
    return {
      id: segment.id,
      chainId: segment.chainId,
      parentId: segment.parentId,
      expectedStatus: statusOf(localCount, share, thresholds),
      localEnterprises: localCount,
      externalSupplyShare: Math.round(share * 10_000) / 10_000,
      externalSuppliers: externalSuppliers.size,
      supplyEdges: edges,
    };
  });
}
