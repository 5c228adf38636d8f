// Reads what the gap rule needs for one chain inside a caller's read transaction: its segments (all
// levels), the firms IN_SEGMENT them with their SUPPLIES edges into local firms of the chain, and the
// targets in the pipeline. Hypothetical changes (what-if) are parameters: nothing is written.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';
import { badInput, notFound } from '../errors.js';
import type { NodeRow, RelRow } from '../slice.js';
import { NODE_MAP, REL_MAP } from '../slice.js';
import type { FirmInput, SegmentInput } from './gap-status.js';
import { counts, getChain, REL_WITH_ENDS, scopeParams, type ChainRow, type RelWithEnds, type Scope } from './scope.js';

export interface Hypothesis {
  /** Firms that would settle (become local) in a segment of the chain. */
  landing: { enterpriseId: string; segmentId: string }[];
  /** Firms that would leave the region (become outside firms; their ties stay in the graph). */
  leaving: string[];
}

export const NO_HYPOTHESIS: Hypothesis = { landing: [], leaving: [] };

export interface PipelineEntry {
  enterprise: NodeRow;
  /** The TARGET_FOR relationship with its ends. */
  rel: RelWithEnds;
  segmentId: string;
  stage: string | null;
  stageSince: string | null;
}

export interface ChainSegment extends SegmentInput {
  node: NodeRow;
  /** PART_OF relationships to the parents (for evidence slices). */
  partOf: RelRow[];
}

export interface GapInputs {
  chain: ChainRow;
  scope: Scope;
  segments: ChainSegment[];
  firms: FirmInput[];
  /** segment id → firms TARGET_FOR it directly, with their current stage. */
  targets: Map<string, PipelineEntry[]>;
  hypothesis: Hypothesis;
  /** The query parameters (segIds, landingIds, leaving, scope) for follow-up queries in the same transaction. */
  params: Record<string, unknown>;
}

const SEGMENTS = `
MATCH (c:Chain {id: $chainId})
MATCH p = (s:Segment)-[:PART_OF*1..8]->(c)
WHERE all(x IN nodes(p)[0..-1] WHERE ${counts('x')})
  AND all(r IN relationships(p) WHERE ${counts('r')})
WITH DISTINCT s, head(relationships(p)) AS up
RETURN ${NODE_MAP('s')} AS node, collect(DISTINCT ${REL_MAP('up')}) AS partOf`;

/** A buyer counts when it is a local firm of the chain, after the hypothetical changes. */
export const BUYER_COUNTS = `(b.id IN $landingIds OR (b.local = true AND NOT b.id IN $leaving AND EXISTS {
    MATCH (b)-[mb:IN_SEGMENT]->(xb:Segment)
    WHERE xb.id IN $segIds AND ${counts('mb')}
  }))`;

const SUPPLY_OUT = `COUNT {
    MATCH (e)-[r:SUPPLIES]->(b:Enterprise)
    WHERE ${counts('r')} AND ${counts('b')} AND ${BUYER_COUNTS}
  }`;

const FIRMS = `
UNWIND $segIds AS sid
MATCH (s:Segment {id: sid})<-[m:IN_SEGMENT]-(e:Enterprise)
WHERE ${counts('m')} AND ${counts('e')}
WITH e, collect(s.id) AS segments
RETURN e.id AS id, ((e.local = true AND NOT e.id IN $leaving) OR e.id IN $landingIds) AS local, segments,
  ${SUPPLY_OUT} AS supplyOut`;

const LANDING_FIRMS = `
UNWIND $landingIds AS lid
MATCH (e:Enterprise {id: lid})
RETURN e.id AS id, ${counts('e')} AS counted, ${SUPPLY_OUT} AS supplyOut`;

const TARGETS = `
UNWIND $segIds AS sid
MATCH (s:Segment {id: sid})<-[t:TARGET_FOR]-(e:Enterprise)
WHERE ${counts('t')} AND ${counts('e')}
RETURN s.id AS segmentId, ${NODE_MAP('e')} AS enterprise, t.stage AS stage, t.stageSince AS stageSince, ${REL_WITH_ENDS('t', 'e', 's')} AS rel`;

/** Every segment of the chain (all levels) that counts, sorted by id, with its PART_OF relationships. */
export async function loadChainSegments(tx: ManagedTransaction, chainId: string, scope: Scope): Promise<ChainSegment[]> {
  const segRows = await runRows(tx, SEGMENTS, { chainId, ...scope });
  const segments: ChainSegment[] = segRows.map((row) => {
    const partOf = row.partOf as RelRow[];
    return { id: (row.node as NodeRow).id, node: row.node as NodeRow, partOf, parentIds: partOf.map((r) => r.to).filter((to) => to !== chainId) };
  });
  return segments.sort((a, b) => a.id.localeCompare(b.id));
}

export async function loadGapInputs(tx: ManagedTransaction, chainId: string, hypothesis: Hypothesis = NO_HYPOTHESIS): Promise<GapInputs> {
  const chain = await getChain(tx, chainId);
  const scope = scopeParams(chain.synthetic);
  const segments = await loadChainSegments(tx, chainId, scope);
  const segIds = segments.map((s) => s.id);
  const landingIds = hypothesis.landing.map((l) => l.enterpriseId);
  const both = landingIds.filter((id) => hypothesis.leaving.includes(id));
  if (both.length) throw badInput(`Enterprise "${both[0]}" cannot both land and leave in one what-if; keep it in one list.`);
  for (const l of hypothesis.landing) {
    if (!segIds.includes(l.segmentId)) throw badInput(`Segment "${l.segmentId}" is not a segment of chain "${chainId}"; pick one of the chain's segments for the landing firm.`);
  }
  const params = { chainId, segIds, landingIds, leaving: hypothesis.leaving, ...scope };
  const firmRows = await runRows(tx, FIRMS, params);
  const firms = new Map<string, FirmInput>(
    firmRows.map((r) => [String(r.id), { id: String(r.id), local: r.local === true, segments: r.segments as string[], supplyOut: Number(r.supplyOut) }]),
  );
  if (landingIds.length) {
    const landingRows = await runRows(tx, LANDING_FIRMS, params);
    for (const id of landingIds) {
      const row = landingRows.find((r) => r.id === id);
      if (!row || row.counted !== true) throw notFound(`Enterprise "${id}"`);
      const firm = firms.get(id) ?? { id, local: true, segments: [], supplyOut: Number(row.supplyOut) };
      firm.local = true;
      firm.segments = [...new Set([...firm.segments, ...hypothesis.landing.filter((l) => l.enterpriseId === id).map((l) => l.segmentId)])];
      firms.set(id, firm);
    }
  }
  if (hypothesis.leaving.length) {
    const found = await runRows(tx, 'UNWIND $leaving AS id\nMATCH (e:Enterprise {id: id})\nRETURN e.id AS id', params);
    const missing = hypothesis.leaving.filter((id) => !found.some((r) => r.id === id));
    if (missing.length) throw notFound(`Enterprise ${missing.map((m) => `"${m}"`).join(', ')}`);
  }
  const targets = new Map<string, PipelineEntry[]>();
  for (const r of await runRows(tx, TARGETS, params)) {
    const entry: PipelineEntry = { enterprise: r.enterprise as NodeRow, rel: r.rel as RelWithEnds, segmentId: String(r.segmentId), stage: (r.stage as string) ?? null, stageSince: (r.stageSince as string) ?? null };
    targets.set(entry.segmentId, [...(targets.get(entry.segmentId) ?? []), entry]);
  }
  return { chain, scope, segments, firms: [...firms.values()], targets, hypothesis, params };
}
