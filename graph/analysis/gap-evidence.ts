// Evidence of each gap verdict as a graph slice: the segment (and the sub-segments on the way), its
// local firms, the outside and local suppliers and the SUPPLIES edges that decide the external share.
// Large segments are capped (truncated: true); the counts always cover everything.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';
import { buildSlice, NODE_MAP, REL_MAP, type GraphSlice, type NodeRow, type RelRow } from '../slice.js';
import { BUYER_COUNTS, type GapInputs } from './gap-inputs.js';
import { ancestorsOf, type SegmentCounts } from './gap-status.js';
import { counts } from './scope.js';

/** How much of a segment an evidence slice shows. */
export const EVIDENCE_CAPS = { localFirms: 25, suppliers: 25, supplyEdges: 50, segments: 60, edgesPerSupplier: 10 };

export interface EvidenceData {
  firms: Map<string, NodeRow>;
  inSegment: Map<string, RelRow[]>;
  supplies: Map<string, { rel: RelRow; buyer: NodeRow }[]>;
}

const FIRM_NODES = `
UNWIND $firmIds AS id
MATCH (e:Enterprise {id: id})
OPTIONAL MATCH (e)-[m:IN_SEGMENT]->(s:Segment)
WHERE s.id IN $segIds AND ${counts('m')}
RETURN ${NODE_MAP('e')} AS node, collect(${REL_MAP('m')}) AS inSegment`;

const SUPPLY_EDGES = `
UNWIND $supplierIds AS id
MATCH (e:Enterprise {id: id})
CALL (e) {
  MATCH (e)-[r:SUPPLIES]->(b:Enterprise)
  WHERE ${counts('r')} AND ${counts('b')} AND ${BUYER_COUNTS}
  RETURN r, b
  ORDER BY b.id
  LIMIT $perSupplier
}
RETURN e.id AS supplier, ${REL_MAP('r')} AS rel, ${NODE_MAP('b')} AS buyer`;

export interface Selection {
  firms: string[];
  suppliers: string[];
  truncated: boolean;
}

function select(c: SegmentCounts, supplyOut: Map<string, number>): Selection {
  const bySupply = (ids: string[]) => [...ids].sort((a, b) => (supplyOut.get(b) ?? 0) - (supplyOut.get(a) ?? 0) || a.localeCompare(b));
  const local = c.localFirms.slice(0, EVIDENCE_CAPS.localFirms);
  const ext = bySupply(c.externalSuppliers).slice(0, EVIDENCE_CAPS.suppliers);
  const locSup = bySupply(c.localSuppliers).slice(0, EVIDENCE_CAPS.suppliers);
  const truncated = c.localFirms.length > local.length || c.externalSuppliers.length > ext.length || c.localSuppliers.length > locSup.length;
  return { firms: [...new Set([...local, ...ext, ...locSup])], suppliers: [...new Set([...ext, ...locSup])], truncated };
}

/** Reads the evidence nodes and edges of all segments at once (two queries in the caller's transaction). */
export async function loadEvidence(tx: ManagedTransaction, inputs: GapInputs, all: SegmentCounts[]): Promise<{ data: EvidenceData; selections: Map<string, Selection> }> {
  const supplyOut = new Map(inputs.firms.map((f) => [f.id, f.supplyOut]));
  const selections = new Map(all.map((c) => [c.segmentId, select(c, supplyOut)]));
  const firmIds = [...new Set([...selections.values()].flatMap((s) => s.firms))];
  const supplierIds = [...new Set([...selections.values()].flatMap((s) => s.suppliers))];
  const params = { ...inputs.params, firmIds, supplierIds, perSupplier: neo4j.int(EVIDENCE_CAPS.edgesPerSupplier) };
  const data: EvidenceData = { firms: new Map(), inSegment: new Map(), supplies: new Map() };
  if (firmIds.length) {
    for (const row of await runRows(tx, FIRM_NODES, params)) {
      const node = row.node as NodeRow;
      data.firms.set(node.id, node);
      data.inSegment.set(node.id, (row.inSegment as (RelRow | null)[]).filter((r): r is RelRow => !!r && !!r.type));
    }
  }
  if (supplierIds.length) {
    for (const row of await runRows(tx, SUPPLY_EDGES, params)) {
      const list = data.supplies.get(String(row.supplier)) ?? [];
      list.push({ rel: row.rel as RelRow, buyer: row.buyer as NodeRow });
      data.supplies.set(String(row.supplier), list);
    }
  }
  return { data, selections };
}

export interface EvidenceContext {
  inputs: GapInputs;
  data: EvidenceData;
  ancestors: Map<string, string[]>;
  segById: Map<string, GapInputs['segments'][number]>;
  supplyOut: Map<string, number>;
}

export function evidenceContext(inputs: GapInputs, data: EvidenceData): EvidenceContext {
  return {
    inputs,
    data,
    ancestors: ancestorsOf(inputs.segments),
    segById: new Map(inputs.segments.map((s) => [s.id, s])),
    supplyOut: new Map(inputs.firms.map((f) => [f.id, f.supplyOut])),
  };
}

/** The slice of one segment's verdict. */
export function evidenceSlice(ctx: EvidenceContext, c: SegmentCounts, selection: Selection): GraphSlice {
  const { data, ancestors, segById, supplyOut } = ctx;
  const inSubtree = new Set(c.subtree);
  const segIds = new Set<string>([c.segmentId]);
  const addWithPath = (segId: string) => {
    // the sub-segment and its ancestors up to the asked segment, so the slice stays connected
    segIds.add(segId);
    for (const a of ancestors.get(segId) ?? []) if (inSubtree.has(a) && (a === c.segmentId || (ancestors.get(a) ?? []).includes(c.segmentId))) segIds.add(a);
  };
  let truncated = selection.truncated;
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  for (const firmId of selection.firms) {
    const firm = data.firms.get(firmId);
    if (!firm) continue;
    nodes.push(firm);
    for (const m of data.inSegment.get(firmId) ?? []) {
      if (!inSubtree.has(m.to)) continue;
      addWithPath(m.to);
      rels.push(m);
    }
  }
  let supplyEdges = 0;
  for (const supplier of selection.suppliers) {
    const edges = data.supplies.get(supplier) ?? [];
    if (edges.length < (supplyOut.get(supplier) ?? 0)) truncated = true;
    for (const { rel, buyer } of edges) {
      if (supplyEdges >= EVIDENCE_CAPS.supplyEdges) {
        truncated = true;
        break;
      }
      nodes.push(buyer);
      rels.push(rel);
      supplyEdges++;
    }
  }
  if (c.status === 'ABSENT') for (const id of c.subtree) segIds.add(id); // show the empty sub-segments too
  const shownSegs = [...segIds].slice(0, EVIDENCE_CAPS.segments);
  if (shownSegs.length < segIds.size) truncated = true;
  for (const id of shownSegs) {
    const seg = segById.get(id);
    if (!seg) continue;
    nodes.push(seg.node);
    if (id !== c.segmentId) rels.push(...seg.partOf);
  }
  return buildSlice(nodes, rels, truncated);
}
