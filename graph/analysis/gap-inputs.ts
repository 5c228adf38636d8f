// Reads what the gap rule needs for one chain inside a caller's read transaction: its segments (all
// levels), per segment the counts of its firms and their SUPPLIES edges into local firms of the chain
// (aggregated in the database, each firm once per segment it or a descendant holds), and the targets
// in the pipeline. Hypothetical changes (what-if) are query parameters: nothing is written.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';
import { badInput, notFound } from '../errors.js';
import type { NodeRow, RelRow } from '../slice.js';
import { NODE_MAP, REL_MAP } from '../slice.js';
import {
  aggregatesOfGroups,
  countsFor,
  type FirmGroup,
  type SegmentAggregate,
  type SegmentInput,
} from './gap-status.js';
import { IS_LOCAL, IS_LOCAL_IN, localScopeOfChain } from './local-rule.js';
import { STAGE_ON, STAGE_SINCE_ON, stageAsOf } from '../queries/common.js';
import { counts, getChain, REL_WITH_ENDS, scopeParams, type ChainRow, type RelWithEnds, type Scope } from './scope.js';

export interface Hypothesis {
  /** Firms that would settle (become local) in a segment of the chain. */
  landing: { enterpriseId: string; segmentId: string }[];
  /** Firms that would leave the region (become outside firms; their ties stay in the graph). */
  leaving: string[];
}

export const NO_HYPOTHESIS: Hypothesis = { landing: [], leaving: [] };

export interface PipelineEntry {
  enterpriseId: string;
  /** The TARGET_FOR relationship with its ends (only when details were asked). */
  rel: RelWithEnds | null;
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
  /** segment id → firms TARGET_FOR it directly (with their stage and relationship when details were asked). */
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

/** A placement counts unless machine placements are switched off and the classifier made it. */
export const PLACEMENT_COUNTS = (r: string) => `($machine OR coalesce(${r}.method, '') <> 'classifier')`;

/** A buyer counts when it is a local firm of the chain, after the hypothetical changes. */
export const BUYER_COUNTS = `(b.id IN $landingIds OR (NOT b.id IN $leaving AND ${IS_LOCAL('b')} AND EXISTS {
    MATCH (b)-[mb:IN_SEGMENT]->(xb:Segment)
    WHERE xb.id IN $segIds AND ${counts('mb')} AND ${PLACEMENT_COUNTS('mb')}
  }))`;

/** How many firm ids of each kind the aggregate keeps for the evidence. */
export const SAMPLE_SIZE = 15;

// Grouped counting in one pass. Each firm of the chain once (its segments, plus hypothetical landings,
// and its local flag after the hypothesis: located in the region of the chain's program, local-rule.ts;
// the region's districts are matched once and compared as nodes). The local ones are the buyers that
// count: a map keyed by element id turns "is the customer a local firm of the chain?" into one lookup per
// SUPPLIES edge (instead of re-reading each customer's segments). Then the firms are counted per group of
// firms that share segments, curated segments and local flag (a few dozen groups, whatever the number of
// firms): gap-status.ts adds the groups up per segment and ancestor, each firm once. The firms are ordered
// by id first, so the samples are deterministic: the first firms by id, the biggest suppliers by edges
// (ties by id: apoc.coll.sortMaps is a stable sort).
const LOCAL = `(e.id IN $landingIds OR (NOT e.id IN $leaving AND ${IS_LOCAL_IN('e', 'lds')}))`;
const AGGREGATES = `
OPTIONAL MATCH (ld:District) WHERE ld.id IN $localDistricts
WITH collect(ld) AS lds
CALL () {
  UNWIND $segIds AS sid
  MATCH (:Segment {id: sid})<-[m:IN_SEGMENT]-(e:Enterprise)
  WHERE ${counts('m')} AND ${counts('e')} AND ${PLACEMENT_COUNTS('m')}
  RETURN e, sid, coalesce(m.method, '') = 'classifier' AS machine
  UNION
  UNWIND $landing AS l
  MATCH (e:Enterprise {id: l.enterpriseId})
  RETURN e, l.segmentId AS sid, false AS machine
}
WITH lds, e, collect(sid) AS segs, collect(CASE WHEN machine THEN null ELSE sid END) AS curated
WITH e, segs, curated, ${LOCAL} AS local
WITH collect({e: e, segs: segs, curated: curated, local: local}) AS firms,
  collect(CASE WHEN local THEN elementId(e) END) AS buyers
WITH firms, apoc.map.fromLists(buyers, [b IN buyers | true]) AS isBuyer
UNWIND firms AS f
WITH f.e AS e, f.segs AS segs, f.curated AS curated, f.local AS local, isBuyer
WITH e.id AS id, segs, curated, local, COUNT {
    MATCH (e)-[r:SUPPLIES]->(b)
    WHERE isBuyer[elementId(b)] AND ${counts('r')}
  } AS out
ORDER BY id
RETURN segs, curated, local, count(*) AS firms, sum(out) AS edges,
  sum(CASE WHEN out > 0 THEN 1 ELSE 0 END) AS suppliers,
  collect(id)[..$sample] AS sample,
  apoc.coll.sortMaps(collect(CASE WHEN out > 0 THEN {id: id, out: out} END), 'out')[..$sample] AS supplierSample`;

// The firms targeted for each segment; with details (the TARGET_FOR facts, for analysts) on request.
const TARGETS = `
UNWIND $segIds AS sid
MATCH (s:Segment {id: sid})<-[t:TARGET_FOR]-(e:Enterprise)
WHERE ${counts('t')} AND ${counts('e')} AND (${STAGE_ON('t')} IS NOT NULL OR t.stage IS NULL)
RETURN s.id AS segmentId, e.id AS enterpriseId`;

const TARGET_DETAILS = `
UNWIND $segIds AS sid
MATCH (s:Segment {id: sid})<-[t:TARGET_FOR]-(e:Enterprise)
WHERE ${counts('t')} AND ${counts('e')} AND (${STAGE_ON('t')} IS NOT NULL OR t.stage IS NULL)
RETURN s.id AS segmentId, e.id AS enterpriseId, ${STAGE_ON('t')} AS stage, ${STAGE_SINCE_ON('t')} AS stageSince, ${REL_WITH_ENDS('t', 'e', 's')} AS rel`;

/** Every segment of the chain (all levels) that counts, sorted by id, with its PART_OF relationships. */
export async function loadChainSegments(
  tx: ManagedTransaction,
  chainId: string,
  scope: Scope,
): Promise<ChainSegment[]> {
  const segRows = await runRows(tx, SEGMENTS, { chainId, ...scope });
  const segments: ChainSegment[] = segRows.map((row) => {
    const partOf = row.partOf as RelRow[];
    return {
      id: (row.node as NodeRow).id,
      node: row.node as NodeRow,
      partOf,
      parentIds: partOf.map((r) => r.to).filter((to) => to !== chainId),
    };
  });
  return segments.sort((a, b) => a.id.localeCompare(b.id));
}

async function checkHypothesis(
  tx: ManagedTransaction,
  chainId: string,
  segIds: string[],
  hypothesis: Hypothesis,
  scope: Scope,
): Promise<void> {
  const landingIds = hypothesis.landing.map((l) => l.enterpriseId);
  const both = landingIds.filter((id) => hypothesis.leaving.includes(id));
  if (both.length)
    throw badInput(`Enterprise "${both[0]}" cannot both land and leave in one what-if; keep it in one list.`);
  for (const l of hypothesis.landing) {
    if (!segIds.includes(l.segmentId))
      throw badInput(
        `Segment "${l.segmentId}" is not a segment of chain "${chainId}"; pick one of the chain's segments for the landing firm.`,
      );
  }
  const ids = [...new Set([...landingIds, ...hypothesis.leaving])];
  if (!ids.length) return;
  const found = new Set(
    (
      await runRows(tx, `UNWIND $ids AS id\nMATCH (e:Enterprise {id: id})\nWHERE ${counts('e')}\nRETURN e.id AS id`, {
        ids,
        ...scope,
      })
    ).map((r) => r.id),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw notFound(`Enterprise ${missing.map((m) => `"${m}"`).join(', ')}`);
}

export async function loadGapInputs(
  tx: ManagedTransaction,
  chainId: string,
  hypothesis: Hypothesis = NO_HYPOTHESIS,
  options: { pipeline?: boolean; machinePlacements?: boolean; asOf?: string | null } = {},
): Promise<GapInputs> {
  // Independent reads of one transaction go out together (the driver pipelines them on its
  // connection): one round trip instead of one per query.
  const [chain, local] = await Promise.all([getChain(tx, chainId), localScopeOfChain(tx, chainId)]);
  const scope = scopeParams(chain.synthetic, options.asOf ?? null);
  const segments = await loadChainSegments(tx, chainId, scope);
  const segIds = segments.map((s) => s.id);
  await checkHypothesis(tx, chainId, segIds, hypothesis, scope);
  const params = {
    chainId,
    segIds,
    landing: hypothesis.landing,
    landingIds: hypothesis.landing.map((l) => l.enterpriseId),
    leaving: hypothesis.leaving,
    machine: options.machinePlacements ?? true,
    localDistricts: local.localDistricts,
    ...scope,
  };
  const up = countsFor(segments, [chainId]);
  const [aggregateRows, targetRows] = await Promise.all([
    runRows(tx, AGGREGATES, { ...params, sample: neo4j.int(SAMPLE_SIZE) }),
    runRows(tx, options.pipeline ? TARGET_DETAILS : TARGETS, params),
  ]);
  const aggregates = aggregatesOfGroups(
    aggregateRows.map(
      (r): FirmGroup => ({
        segs: r.segs as string[],
        curated: r.curated as string[],
        local: r.local === true,
        firms: Number(r.firms),
        edges: Number(r.edges),
        suppliers: Number(r.suppliers),
        sample: r.sample as string[],
        supplierSample: (r.supplierSample as { id: string; out: unknown }[]).map((x) => ({
          id: x.id,
          out: Number(x.out),
        })),
      }),
    ),
    up,
    SAMPLE_SIZE,
  );
  const targets = new Map<string, PipelineEntry[]>();
  for (const r of targetRows) {
    const rel = (r.rel as RelWithEnds) ?? null;
    const entry: PipelineEntry = {
      enterpriseId: String(r.enterpriseId),
      rel: rel && options.asOf ? stageAsOf(rel, r.stage, r.stageSince) : rel,
      segmentId: String(r.segmentId),
      stage: (r.stage as string) ?? null,
      stageSince: (r.stageSince as string) ?? null,
    };
    targets.set(entry.segmentId, [...(targets.get(entry.segmentId) ?? []), entry]);
  }
  return { chain, scope, segments, aggregates, targets, hypothesis, params };
}
