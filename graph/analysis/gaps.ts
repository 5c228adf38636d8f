// gaps(chainId) and whatIf(...): the status of every segment of a chain, computed from the graph in
// one read transaction, with counts, pipeline targets, an evidence slice and a bilingual explanation.
// What-if passes hypothetical landings/departures as query parameters and writes nothing.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows, type Executor } from '../executor.js';
import { DEFAULT_GAP_THRESHOLDS, type GapThresholds } from '../gap-thresholds.js';
import { buildSlice, type GraphSlice, type NodeRow } from '../slice.js';
import { SegmentTree } from './segment-tree.js';
import { evidenceContext, evidenceSlice, loadEvidence } from './gap-evidence.js';
import { explainGap } from './gap-explain.js';
import { loadGapInputs, NO_HYPOTHESIS, type GapInputs, type Hypothesis, type PipelineEntry } from './gap-inputs.js';
import { ancestorsOf, verdicts, type GapStatus, type SegmentCounts } from './gap-status.js';
import { cachedRead, type AnalysisCache } from './analysis-cache.js';
import { currentStages } from './pipeline.js';

export interface SegmentGap {
  segment: NodeRow;
  segmentId: string;
  /** Parent segment, or null for a level-1 segment. */
  parentId: string | null;
  chainId: string;
  /** The PART_OF path from the segment up to its chain. */
  chainPath: GraphSlice;
  status: GapStatus;
  localEnterprises: number;
  /** Of those, placed by anything but the registry classifier / only by the classifier (split on IN_SEGMENT.method). */
  localConfirmed: number;
  localMachinePlaced: number;
  externalSuppliers: number;
  /** SUPPLIES edges from the segment's firms into local firms of the chain, by origin of the supplier. */
  externalSupplyEdges: number;
  localSupplyEdges: number;
  externalSupplyShare: number | null;
  /** Distinct firms TARGET_FOR the segment or a descendant. */
  targetsInPipeline: number;
  /** The targets, each at its current stage (stage and fact only with options.pipeline): for analysts only (the resolver checks the role). */
  pipeline: PipelineEntry[];
  evidence: GraphSlice;
  explanation: string;
  explanationEn: string;
}

export interface GapOptions {
  thresholds?: GapThresholds;
  /** Build evidence slices (default true); what-if and comparisons skip them. */
  evidence?: boolean;
  /** Read each pipeline target's TARGET_FOR fact (stage, history, provenance); default false: only counted. */
  pipeline?: boolean;
  /** Count the registry classifier's placements (default true); false counts only the others. */
  machinePlacements?: boolean;
  /** The day the answer is about (facts valid then, target stages then); null or absent: now. */
  asOf?: string | null;
}

function pipelineOf(inputs: GapInputs, c: SegmentCounts): PipelineEntry[] {
  const entries = c.subtree.flatMap((id) => inputs.targets.get(id) ?? []);
  return [...currentStages(entries, (e) => e.enterpriseId).values()].sort((a, b) =>
    a.enterpriseId.localeCompare(b.enterpriseId),
  );
}

/** The gap analysis inside a caller's read transaction (for composing with other reads). */
export async function gapsInTx(
  tx: ManagedTransaction,
  chainId: string,
  hypothesis: Hypothesis = NO_HYPOTHESIS,
  options: GapOptions = {},
): Promise<SegmentGap[]> {
  const thresholds = options.thresholds ?? DEFAULT_GAP_THRESHOLDS;
  const inputs = await loadGapInputs(tx, chainId, hypothesis, {
    pipeline: options.pipeline === true,
    machinePlacements: options.machinePlacements ?? true,
    asOf: options.asOf ?? null,
  });
  const all = verdicts(inputs.segments, inputs.aggregates, thresholds);
  const wantEvidence = options.evidence ?? true;
  const evidence = wantEvidence ? await loadEvidence(tx, inputs, all) : null;
  const ctx = evidence ? evidenceContext(inputs, evidence.data) : null;
  const segById = new Map(inputs.segments.map((s) => [s.id, s]));
  const names = new Map<string, string>();
  if (evidence) for (const [id, node] of evidence.data.nodes) names.set(id, String(node.name ?? id));
  else {
    // explanations of SINGLE_FIRM segments name the firm even without evidence slices
    const firmIds = [...new Set(all.filter((c) => c.status === 'SINGLE_FIRM').map((c) => c.localSample[0]))];
    if (firmIds.length) {
      for (const row of await runRows(
        tx,
        'UNWIND $firmIds AS id\nMATCH (e:Enterprise {id: id})\nRETURN e.id AS id, e.name AS name',
        { firmIds },
      ))
        names.set(String(row.id), String(row.name ?? row.id));
    }
  }
  const nameOf = (firmId: string) => names.get(firmId) ?? firmId;
  const tree = new SegmentTree(inputs.segments, inputs.chain.node);
  const chainPathOf = (segmentId: string) => {
    const path = tree.pathUp(segmentId, chainId);
    return path ? buildSlice(path.nodes, path.rels) : buildSlice([segById.get(segmentId)!.node], []);
  };
  const ancestors = ancestorsOf(inputs.segments);
  const levelOf = (id: string) => (ancestors.get(id)?.length ?? 0) + 1;
  const ordered = [...all].sort(
    (a, b) => levelOf(a.segmentId) - levelOf(b.segmentId) || a.segmentId.localeCompare(b.segmentId),
  );
  return ordered.map((c) => {
    const seg = segById.get(c.segmentId)!;
    const pipeline = pipelineOf(inputs, c);
    const text = explainGap(
      c,
      { name: String(seg.node.name ?? seg.id), nameEn: (seg.node.nameEn as string) ?? null },
      thresholds,
      nameOf,
    );
    return {
      segment: seg.node,
      segmentId: c.segmentId,
      parentId: seg.parentIds[0] ?? null,
      chainId,
      chainPath: chainPathOf(c.segmentId),
      status: c.status,
      localEnterprises: c.localFirms,
      localConfirmed: c.localConfirmed,
      localMachinePlaced: c.localMachinePlaced,
      externalSuppliers: c.externalSuppliers,
      externalSupplyEdges: c.externalEdges,
      localSupplyEdges: c.localEdges,
      externalSupplyShare: c.externalShare,
      targetsInPipeline: pipeline.length,
      pipeline,
      evidence: ctx
        ? evidenceSlice(ctx, c, evidence!.selections.get(c.segmentId)!)
        : { nodes: [], edges: [], truncated: true },
      explanation: text.zh,
      explanationEn: text.en,
    };
  });
}

/** The cache key of a gaps question (everything the answer depends on). */
export function gapsKey(chainId: string, options: GapOptions & { thresholds: GapThresholds }): string {
  return JSON.stringify([
    'gaps',
    chainId,
    options.thresholds.thinBelow,
    options.thresholds.externalShare,
    options.evidence ?? true,
    options.pipeline === true,
    options.machinePlacements ?? true,
    options.asOf ?? null,
  ]);
}

/**
 * Every segment of the chain (all levels) with its gap status; NOT_FOUND for an unknown chain. One
 * read transaction, or, given a cache, an unchanged graph's cached answer (analysis-cache.ts).
 */
export function findGaps(
  executor: Executor,
  chainId: string,
  options: GapOptions & { cache?: AnalysisCache | null } = {},
): Promise<SegmentGap[]> {
  const resolved = { ...options, thresholds: options.thresholds ?? DEFAULT_GAP_THRESHOLDS };
  const cache = options.cache ?? null;
  return cachedRead(executor, cache, gapsKey(chainId, resolved), (tx) =>
    gapsInTx(tx, chainId, NO_HYPOTHESIS, resolved),
  );
}

export interface WhatIfRow {
  segment: NodeRow;
  segmentId: string;
  before: GapStatus;
  after: GapStatus;
  localBefore: number;
  localAfter: number;
  externalShareBefore: number | null;
  externalShareAfter: number | null;
  changed: boolean;
}

/** Gap statuses before and after hypothetical landings and departures, in one read transaction. */
export function whatIf(
  executor: Executor,
  chainId: string,
  hypothesis: Hypothesis,
  options: Omit<GapOptions, 'evidence'> = {},
): Promise<WhatIfRow[]> {
  return executor.read((tx) => whatIfInTx(tx, chainId, hypothesis, options));
}

/** What-if inside the caller's read transaction: the hypothesis only changes query parameters. */
export async function whatIfInTx(
  tx: ManagedTransaction,
  chainId: string,
  hypothesis: Hypothesis,
  options: Omit<GapOptions, 'evidence'> = {},
): Promise<WhatIfRow[]> {
  const before = await gapsInTx(tx, chainId, NO_HYPOTHESIS, { ...options, evidence: false });
  const after = new Map(
    (await gapsInTx(tx, chainId, hypothesis, { ...options, evidence: false })).map((g) => [g.segmentId, g]),
  );
  return before.map((b) => {
    const a = after.get(b.segmentId)!;
    return {
      segment: b.segment,
      segmentId: b.segmentId,
      before: b.status,
      after: a.status,
      localBefore: b.localEnterprises,
      localAfter: a.localEnterprises,
      externalShareBefore: b.externalSupplyShare,
      externalShareAfter: a.externalSupplyShare,
      changed:
        b.status !== a.status ||
        b.localEnterprises !== a.localEnterprises ||
        b.externalSupplyShare !== a.externalSupplyShare,
    };
  });
}
