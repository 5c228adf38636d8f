// Reads what the gap rule needs for one chain inside a caller's read transaction: its segments (all
// levels), per segment the counts of its firms and their SUPPLIES edges into local firms of the chain
// (aggregated in the database, each firm once per segment it or a descendant holds), and the targets
// in the pipeline. Hypothetical changes (what-if) are query parameters: nothing is written.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';
import { badInput, notFound } from '../errors.js';
import type { NodeRow, RelRow } from '../slice.js';
import { NODE_MAP, REL_MAP } from '../slice.js';
import { countsFor, type SegmentAggregate, type SegmentInput } from './gap-status.js';
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
  /** One per segment holding any firm, and one for the chain as a whole (segmentId = the chain's id). */
  aggregates: SegmentAggregate[];
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

/** How many firm ids of each kind the aggregate keeps for the evidence. */
export const SAMPLE_SIZE = 25;

// Each firm of the chain once, with its segments (plus hypothetical landings), its local flag after
// the hypothesis and its supply edges into local firms of the chain; then counted once for each of its
// segments and their ancestors ($up), and aggregated per segment.
const AGGREGATES = `
CALL () {
  UNWIND $segIds AS sid
  MATCH (:Segment {id: sid})<-[m:IN_SEGMENT]-(e:Enterprise)
  WHERE ${counts('m')} AND ${counts('e')}
  RETURN e, sid
  UNION
  UNWIND $landing AS l
  MATCH (e:Enterprise {id: l.enterpriseId})
  RETURN e, l.segmentId AS sid
}
WITH e, collect(sid) AS segs
WITH e, segs, ((e.local = true AND NOT e.id IN $leaving) OR e.id IN $landingIds) AS local,
  COUNT {
    MATCH (e)-[r:SUPPLIES]->(b:Enterprise)
    WHERE ${counts('r')} AND ${counts('b')} AND ${BUYER_COUNTS}
  } AS out
UNWIND segs AS sid
UNWIND $up[sid] AS target
WITH DISTINCT target, e.id AS id, local, out
ORDER BY id
WITH target, collect({id: id, local: local, out: out}) AS firms
RETURN target,
  size([f IN firms WHERE f.local]) AS localFirms,
  reduce(n = 0, f IN firms | n + CASE WHEN f.local THEN f.out ELSE 0 END) AS localEdges,
  reduce(n = 0, f IN firms | n + CASE WHEN f.local THEN 0 ELSE f.out END) AS externalEdges,
  size([f IN firms WHERE f.local AND f.out > 0]) AS localSuppliers,
  size([f IN firms WHERE NOT f.local AND f.out > 0]) AS externalSuppliers,
  [f IN firms WHERE f.local | f.id][..$sample] AS localSample,
  [f IN apoc.coll.sortMaps([f IN firms WHERE NOT f.local AND f.out > 0], 'out')[..$sample] | f.id] AS externalSample,
  [f IN apoc.coll.sortMaps([f IN firms WHERE f.local AND f.out > 0], 'out')[..$sample] | f.id] AS localSupplierSample`;

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

async function checkHypothesis(tx: ManagedTransaction, chainId: string, segIds: string[], hypothesis: Hypothesis, scope: Scope): Promise<void> {
  const landingIds = hypothesis.landing.map((l) => l.enterpriseId);
  const both = landingIds.filter((id) => hypothesis.leaving.includes(id));
  if (both.length) throw badInput(`Enterprise "${both[0]}" cannot both land and leave in one what-if; keep it in one list.`);
  for (const l of hypothesis.landing) {
    if (!segIds.includes(l.segmentId)) throw badInput(`Segment "${l.segmentId}" is not a segment of chain "${chainId}"; pick one of the chain's segments for the landing firm.`);
  }
  const ids = [...new Set([...landingIds, ...hypothesis.leaving])];
  if (!ids.length) return;
  const found = new Set((await runRows(tx, `UNWIND $ids AS id\nMATCH (e:Enterprise {id: id})\nWHERE ${counts('e')}\nRETURN e.id AS id`, { ids, ...scope })).map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw notFound(`Enterprise ${missing.map((m) => `"${m}"`).join(', ')}`);
}

export async function loadGapInputs(tx: ManagedTransaction, chainId: string, hypothesis: Hypothesis = NO_HYPOTHESIS): Promise<GapInputs> {
  const chain = await getChain(tx, chainId);
  const scope = scopeParams(chain.synthetic);
  const segments = await loadChainSegments(tx, chainId, scope);
  const segIds = segments.map((s) => s.id);
  await checkHypothesis(tx, chainId, segIds, hypothesis, scope);
  const params = { chainId, segIds, landing: hypothesis.landing, landingIds: hypothesis.landing.map((l) => l.enterpriseId), leaving: hypothesis.leaving, ...scope };
  const aggregates = (await runRows(tx, AGGREGATES, { ...params, up: countsFor(segments, [chainId]), sample: neo4j.int(SAMPLE_SIZE) })).map(
    (r): SegmentAggregate => ({
      segmentId: String(r.target),
      localFirms: Number(r.localFirms),
      localEdges: Number(r.localEdges),
      externalEdges: Number(r.externalEdges),
      localSuppliers: Number(r.localSuppliers),
      externalSuppliers: Number(r.externalSuppliers),
      localSample: r.localSample as string[],
      externalSample: r.externalSample as string[],
      localSupplierSample: r.localSupplierSample as string[],
    }),
  );
  const targets = new Map<string, PipelineEntry[]>();
  for (const r of await runRows(tx, TARGETS, params)) {
    const entry: PipelineEntry = { enterprise: r.enterprise as NodeRow, rel: r.rel as RelWithEnds, segmentId: String(r.segmentId), stage: (r.stage as string) ?? null, stageSince: (r.stageSince as string) ?? null };
    targets.set(entry.segmentId, [...(targets.get(entry.segmentId) ?? []), entry]);
  }
  return { chain, scope, segments, aggregates, targets, hypothesis, params };
}
