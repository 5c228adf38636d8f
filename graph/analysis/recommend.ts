// recommendTargets(segmentId): outside firms (not located in the program's region) that work in the segment or are already
// targeted for it, ranked by the sum of the weights of their reasons. Every reason carries a graph
// path that exists; a reason without a path is never given. One read transaction.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows, type Executor } from '../executor.js';
import { badInput, notFound } from '../errors.js';
import type { GraphSlice, NodeRow } from '../slice.js';
import { loadChainSegments } from './gap-inputs.js';
import { localScopeOfChain } from './local-rule.js';
import { rankingScore, reasonsFor, type Reason } from './recommend-reasons.js';
import { loadBackers, loadCandidateNodes, loadCandidates, loadSupplyPaths } from './recommend-queries.js';
import { DEFAULT_RECOMMEND_WEIGHTS, type RecommendWeights } from './recommend-weights.js';
import { cachedRead, type AnalysisCache } from './analysis-cache.js';
import { getChain, scopeParams } from './scope.js';
import { SegmentTree } from './segment-tree.js';

export type { Reason };

export interface TargetRecommendation {
  enterprise: NodeRow;
  score: number;
  reasons: Reason[];
  /** Current pipeline stage (TARGET_FOR), null when not in the pipeline. */
  stage: string | null;
}

export interface RecommendOptions {
  first?: number;
  weights?: RecommendWeights;
}

export const MAX_RECOMMENDATIONS = 100;

async function chainOfSegment(tx: ManagedTransaction, segmentId: string): Promise<string> {
  const [row] = await runRows(
    tx,
    `MATCH (s:Segment {id: $segmentId})
OPTIONAL MATCH (s)-[:PART_OF*1..8]->(c:Chain)
RETURN s.id AS id, collect(DISTINCT c.id) AS chains`,
    { segmentId },
  );
  if (!row) throw notFound(`Segment "${segmentId}"`);
  const chains = (row.chains as string[]).sort();
  if (!chains.length)
    throw badInput(
      `Segment "${segmentId}" belongs to no chain (no PART_OF path to a Chain); link it to its chain first.`,
    );
  return chains[0];
}

export async function recommendInTx(
  tx: ManagedTransaction,
  segmentId: string,
  options: RecommendOptions = {},
): Promise<TargetRecommendation[]> {
  const first = options.first ?? 10;
  if (!Number.isInteger(first) || first < 1 || first > MAX_RECOMMENDATIONS)
    throw badInput(`first must be an integer from 1 to ${MAX_RECOMMENDATIONS}.`);
  const weights = options.weights ?? DEFAULT_RECOMMEND_WEIGHTS;
  const chainId = await chainOfSegment(tx, segmentId);
  // Independent reads of one transaction go out together (pipelined on the driver's connection).
  const [chain, { localDistricts }] = await Promise.all([getChain(tx, chainId), localScopeOfChain(tx, chainId)]);
  const scope = scopeParams(chain.synthetic);
  const tree = new SegmentTree(await loadChainSegments(tx, chainId, scope), chain.node);
  if (!tree.byId.has(segmentId))
    throw notFound(`Segment "${segmentId}" (it is not a confirmed or unverified part of chain "${chainId}")`);
  const subtree = tree.subtree(segmentId);
  const chainSegIds = tree.segments.map((s) => s.id);
  const lineage = tree.lineage(segmentId);
  const [backers, candidates] = await Promise.all([
    loadBackers(tx, { lineSegIds: [segmentId, ...lineage.filter((id) => id !== chainId)], chainId, ...scope }),
    loadCandidates(tx, { subtree, chainSegIds, cap: weights.suppliesLocalCap, localDistricts, ...scope }),
  ]);
  // Score from counts first; paths are read only for the firms shown.
  const scored = candidates.map((c) => ({ c, score: rankingScore(c, { segmentId, weights, backers }) }));
  const total = (rs: Reason[]) => rs.reduce((sum, r) => sum + r.weight, 0);
  scored.sort((a, b) => b.score - a.score || b.c.supplied - a.c.supplied || a.c.node.id.localeCompare(b.c.node.id));
  // The shown firms' nodes and supply paths, read together (pipelined in the one transaction).
  const shown = scored.slice(0, first);
  const [nodes, supplyPaths] = await Promise.all([
    loadCandidateNodes(
      tx,
      shown.map((t) => t.c),
    ),
    loadSupplyPaths(tx, {
      ids: shown.filter((t) => t.c.supplied > 0).map((t) => t.c.node.id),
      chainSegIds,
      cap: weights.suppliesLocalCap,
      localDistricts,
      ...scope,
    }),
  ]);
  const top = shown.map(({ c }) => {
    const full = nodes.get(c.node.id)!;
    return { c: { ...c, node: full.node, links: full.links } };
  });
  return top.map(({ c }) => {
    const reasons = reasonsFor(c, {
      tree,
      segmentId,
      weights,
      backers,
      supplyPaths: supplyPaths.filter((p) => p.supplier === c.node.id),
      ranking: false,
    });
    const pipeline = reasons.find((r) => r.kind === 'PIPELINE');
    return {
      enterprise: c.node,
      score: Math.round(total(reasons) * 1000) / 1000,
      reasons,
      stage: pipeline?.stage ?? null,
    };
  });
}

/** The cache key of a recommendation question. */
export function recommendKey(segmentId: string, first: number, weights: RecommendWeights): string {
  return JSON.stringify(['recommend', segmentId, first, weights]);
}

/**
 * Outside firms ranked for the segment's gap, each reason with its weight and path. Analyst role: the
 * caller checks. One read transaction, or, given a cache, an unchanged graph's cached answer.
 */
export function recommendTargets(
  executor: Executor,
  segmentId: string,
  options: RecommendOptions & { cache?: AnalysisCache | null } = {},
): Promise<TargetRecommendation[]> {
  const resolved = { first: options.first ?? 10, weights: options.weights ?? DEFAULT_RECOMMEND_WEIGHTS };
  const cache = options.cache ?? null;
  return cachedRead(executor, cache, recommendKey(segmentId, resolved.first, resolved.weights), (tx) =>
    recommendInTx(tx, segmentId, resolved),
  );
}

export type { GraphSlice };
