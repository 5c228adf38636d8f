// Evidence of each gap verdict as a graph slice: the segment (and the sub-segments on the way), its
// local firms, the biggest outside and local suppliers and some of their SUPPLIES edges into local firms
// of the chain, which decide the external share. Large segments are capped (truncated: true); the
// counts of the verdict always cover everything.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';
import { buildSlice, NODE_MAP, REL_MAP, type GraphSlice, type NodeRow, type RelRow } from '../slice.js';
import { BUYER_COUNTS, PLACEMENT_COUNTS, type ChainSegment, type GapInputs } from './gap-inputs.js';
import { ancestorsOf, type SegmentCounts } from './gap-status.js';
import { counts } from './scope.js';

/** How much of a segment an evidence slice shows. */
export const EVIDENCE_CAPS = { localFirms: 15, suppliers: 8, edgesPerSupplier: 2, supplyEdges: 24, segments: 60 };

export interface EvidenceData {
  nodes: Map<string, NodeRow>;
  inSegment: Map<string, RelRow[]>;
  supplies: Map<string, RelRow[]>;
}

const FIRM_NODES = `
UNWIND $firmIds AS id
MATCH (e:Enterprise {id: id})
RETURN ${NODE_MAP('e')} AS node,
  COLLECT { MATCH (e)-[m:IN_SEGMENT]->(s:Segment) WHERE s.id IN $segIds AND ${counts('m')} AND ${PLACEMENT_COUNTS('m')} RETURN ${REL_MAP('m')} } AS inSegment`;

// No ORDER BY before the LIMIT: the subquery stops at the first qualifying edges instead of reading a
// big supplier's every edge. Each edge comes with its buyer's node, so the buyers need no query of their own.
const SUPPLY_EDGES = `
UNWIND $supplierIds AS id
MATCH (e:Enterprise {id: id})
CALL (e) {
  MATCH (e)-[r:SUPPLIES]->(b:Enterprise)
  WHERE ${counts('r')} AND ${counts('b')} AND ${BUYER_COUNTS}
  RETURN r, b
  LIMIT $perSupplier
}
RETURN e.id AS supplier, ${REL_MAP('r')} AS rel, ${NODE_MAP('b')} AS buyer`;

export interface Selection {
  firms: string[];
  suppliers: string[];
  truncated: boolean;
}

function select(c: SegmentCounts): Selection {
  const local = c.localSample.slice(0, EVIDENCE_CAPS.localFirms);
  const ext = c.externalSample.slice(0, EVIDENCE_CAPS.suppliers);
  const locSup = c.localSupplierSample.slice(0, EVIDENCE_CAPS.suppliers);
  const truncated = c.localFirms > local.length || c.externalSuppliers > ext.length || c.localSuppliers > locSup.length;
  return {
    firms: [...new Set([...local, ...ext, ...locSup])],
    suppliers: [...new Set([...ext, ...locSup])],
    truncated,
  };
}

/** Reads the evidence nodes and edges of all segments at once (two queries in the caller's transaction, pipelined). */
export async function loadEvidence(
  tx: ManagedTransaction,
  inputs: GapInputs,
  all: SegmentCounts[],
): Promise<{ data: EvidenceData; selections: Map<string, Selection> }> {
  const selections = new Map(all.map((c) => [c.segmentId, select(c)]));
  const firmIds = [...new Set([...selections.values()].flatMap((s) => s.firms))];
  const supplierIds = [...new Set([...selections.values()].flatMap((s) => s.suppliers))];
  const params = { ...inputs.params, firmIds, supplierIds, perSupplier: neo4j.int(EVIDENCE_CAPS.edgesPerSupplier) };
  const data: EvidenceData = { nodes: new Map(), inSegment: new Map(), supplies: new Map() };
  // The firm and supply-edge reads are independent: sent together (pipelined), used in this order.
  const [firmRows, supplyRows] = await Promise.all([
    firmIds.length ? runRows(tx, FIRM_NODES, params) : [],
    supplierIds.length ? runRows(tx, SUPPLY_EDGES, params) : [],
  ]);
  if (firmIds.length) {
    for (const row of firmRows) {
      const node = row.node as NodeRow;
      data.nodes.set(node.id, node);
      data.inSegment.set(node.id, row.inSegment as RelRow[]);
    }
  }
  if (supplierIds.length) {
    for (const row of supplyRows) {
      const rel = row.rel as RelRow;
      data.supplies.set(rel.from, [...(data.supplies.get(rel.from) ?? []), rel]);
      const buyer = row.buyer as NodeRow;
      if (!data.nodes.has(buyer.id)) data.nodes.set(buyer.id, buyer);
    }
    for (const list of data.supplies.values()) list.sort((a, b) => a.to.localeCompare(b.to));
  }
  return { data, selections };
}

export interface EvidenceContext {
  data: EvidenceData;
  ancestors: Map<string, string[]>;
  segById: Map<string, ChainSegment>;
}

export function evidenceContext(inputs: GapInputs, data: EvidenceData): EvidenceContext {
  return { data, ancestors: ancestorsOf(inputs.segments), segById: new Map(inputs.segments.map((s) => [s.id, s])) };
}

/** The slice of one segment's verdict. */
export function evidenceSlice(ctx: EvidenceContext, c: SegmentCounts, selection: Selection): GraphSlice {
  const { data, ancestors, segById } = ctx;
  const inSubtree = new Set(c.subtree);
  const segIds = new Set<string>([c.segmentId]);
  const addWithPath = (segId: string) => {
    // the sub-segment and its ancestors up to the asked segment, so the slice stays connected
    segIds.add(segId);
    for (const a of ancestors.get(segId) ?? []) if (inSubtree.has(a)) segIds.add(a);
  };
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  for (const firmId of selection.firms) {
    const firm = data.nodes.get(firmId);
    if (!firm) continue;
    nodes.push(firm);
    for (const m of data.inSegment.get(firmId) ?? []) {
      if (!inSubtree.has(m.to)) continue;
      addWithPath(m.to);
      rels.push(m);
    }
  }
  let shownEdges = 0;
  for (const supplier of selection.suppliers) {
    for (const rel of data.supplies.get(supplier) ?? []) {
      const buyer = data.nodes.get(rel.to);
      if (!buyer || shownEdges >= EVIDENCE_CAPS.supplyEdges) continue;
      nodes.push(buyer);
      rels.push(rel);
      shownEdges++;
    }
  }
  if (c.status === 'ABSENT') for (const id of c.subtree) segIds.add(id); // show the empty sub-segments too
  const shownSegs = [...segIds].slice(0, EVIDENCE_CAPS.segments);
  for (const id of shownSegs) {
    const seg = segById.get(id);
    if (!seg) continue;
    nodes.push(seg.node);
    if (id !== c.segmentId) rels.push(...seg.partOf);
  }
  const truncated =
    selection.truncated || shownEdges < c.localEdges + c.externalEdges || shownSegs.length < segIds.size;
  return buildSlice(nodes, rels, truncated);
}
