// The reasons of one recommended firm, each with its weight, a bilingual text and its path in the
// graph: SUPPLIES_LOCAL, IN_SEGMENT, INSTITUTE_SUPPORT, DISTRICT_HOSTS and PIPELINE. Pure: works on
// rows read by recommend-queries.ts. With no supply paths given (ranking pass) SUPPLIES_LOCAL is
// weighted from the count alone; the final pass only keeps reasons whose path it holds.
import { buildSlice, type GraphSlice, type NodeRow, type RelRow } from '../slice.js';
import { currentStages, stageIndex } from './pipeline.js';
import type { Backer, Candidate, SupplyPath } from './recommend-queries.js';
import type { RecommendWeights } from './recommend-weights.js';
import type { SegmentTree } from './segment-tree.js';

export const REASON_KINDS = [
  'SUPPLIES_LOCAL',
  'IN_SEGMENT',
  'INSTITUTE_SUPPORT',
  'DISTRICT_HOSTS',
  'PIPELINE',
] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

export interface Reason {
  kind: ReasonKind;
  weight: number;
  text: string;
  textEn: string;
  path: GraphSlice;
  /** PIPELINE only: the current stage, null when not in the pipeline. */
  stage?: string | null;
}

export interface ReasonContext {
  tree: SegmentTree;
  segmentId: string;
  weights: RecommendWeights;
  backers: { supporters: Backer[]; hosts: Backer[] };
  /** Supply paths of this candidate; empty in the ranking pass. */
  supplyPaths: SupplyPath[];
  /** Ranking pass: weigh SUPPLIES_LOCAL from the count before its paths are read. */
  ranking: boolean;
}

const MAX_BACKERS_SHOWN = 3;
const nameOf = (n: NodeRow) => String(n.name ?? n.id);
const nameEnOf = (n: NodeRow) => String(n.nameEn ?? n.name ?? n.id);

/** Nodes and rels of a path from `segId` up to `to`, with a fallback to the segment alone. */
function up(ctx: ReasonContext, segId: string, to: string): { nodes: NodeRow[]; rels: RelRow[] } {
  return ctx.tree.pathUp(segId, to) ?? { nodes: [ctx.tree.byId.get(segId)!.node], rels: [] };
}

function backerReason(
  ctx: ReasonContext,
  kind: 'INSTITUTE_SUPPORT' | 'DISTRICT_HOSTS',
  backers: Backer[],
): Reason | null {
  if (!backers.length) return null;
  // nearest backed node first: the segment itself, then its ancestors, then the chain
  const order = [ctx.segmentId, ...ctx.tree.lineage(ctx.segmentId)];
  const shown = [...backers]
    .sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target))
    .slice(0, MAX_BACKERS_SHOWN);
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  for (const b of shown) {
    const path = up(ctx, ctx.segmentId, b.target);
    nodes.push(b.node, ...path.nodes);
    rels.push(b.rel, ...path.rels);
  }
  const names = shown.map((b) => nameOf(b.node)).join('、');
  const namesEn = shown.map((b) => nameEnOf(b.node)).join(', ');
  const onChain = shown.every((b) => b.target === ctx.tree.chain.id);
  const whereZh = onChain ? '本链' : '该环节';
  const whereEn = onChain ? 'the chain' : 'the segment';
  const more = backers.length > shown.length;
  const weight = kind === 'INSTITUTE_SUPPORT' ? ctx.weights.instituteSupport : ctx.weights.districtHosts;
  return kind === 'INSTITUTE_SUPPORT'
    ? {
        kind,
        weight,
        text: `本地科研院所/高校支撑${whereZh}：${names}${more ? '等' : ''}`,
        textEn: `Local research support for ${whereEn}: ${namesEn}${more ? ' and others' : ''}`,
        path: buildSlice(nodes, rels, more),
      }
    : {
        kind,
        weight,
        text: `${names}${more ? '等' : ''}承载${whereZh}，可提供落地空间`,
        textEn: `${namesEn}${more ? ' and others' : ''} host${shown.length > 1 || more ? '' : 's'} ${whereEn}: a place to land`,
        path: buildSlice(nodes, rels, more),
      };
}

/** The current TARGET_FOR of a firm's target links (the same pick for ranking and for the reason). */
function currentTarget(targets: RelRow[]) {
  return [
    ...currentStages(
      targets.map((t) => ({
        rel: t,
        stage: (t.props.stage as string) ?? null,
        stageSince: (t.props.stageSince as string) ?? null,
      })),
      () => 'one',
    ).values(),
  ][0];
}

/**
 * The score the ranking pass gives (the sum of the weights reasonsFor(c, {ranking: true}) returns, added
 * in the same order so ties break alike) without building texts and paths: a segment can have
 * thousands of candidates and only `first` of them are shown.
 */
export function rankingScore(c: Candidate, ctx: Omit<ReasonContext, 'supplyPaths' | 'ranking' | 'tree'>): number {
  const { weights } = ctx;
  let score = 0;
  if (c.supplied > 0) score += weights.suppliesLocal * Math.min(c.supplied, weights.suppliesLocalCap);
  if (c.links.some((l) => l.type === 'IN_SEGMENT')) score += weights.inSegment;
  if (ctx.backers.supporters.length) score += weights.instituteSupport;
  if (ctx.backers.hosts.length) score += weights.districtHosts;
  const targets = c.links.filter((l) => l.type === 'TARGET_FOR');
  score += targets.length
    ? weights.pipelineStep * Math.max(stageIndex(currentTarget(targets).stage) + 1, 0)
    : weights.pipelineNew;
  return score;
}

export function reasonsFor(c: Candidate, ctx: ReasonContext): Reason[] {
  const { weights, tree, segmentId } = ctx;
  const firm = c.node;
  const reasons: Reason[] = [];
  const seg = tree.byId.get(segmentId)!.node;
  if (c.supplied > 0) {
    const weight = weights.suppliesLocal * Math.min(c.supplied, weights.suppliesLocalCap);
    const paths = ctx.supplyPaths;
    const nodes: NodeRow[] = [firm];
    const rels: RelRow[] = [];
    for (const p of paths) {
      const toChain = up(ctx, p.buyerIn.to, tree.chain.id);
      nodes.push(p.buyer, ...toChain.nodes);
      rels.push(p.supplies, p.buyerIn, ...toChain.rels);
    }
    const names = paths.map((p) => nameOf(p.buyer)).join('、');
    const namesEn = paths.map((p) => nameEnOf(p.buyer)).join(', ');
    const n = paths[0]?.total ?? c.supplied;
    const reason: Reason = {
      kind: 'SUPPLIES_LOCAL',
      weight,
      text: `已向本链 ${n} 家本地企业供货${names ? `（${names}${n > paths.length ? '等' : ''}）` : ''}`,
      textEn: `Already supplies ${n} local firm${n > 1 ? 's' : ''} of the chain${namesEn ? ` (${namesEn}${n > paths.length ? ', …' : ''})` : ''}`,
      path: buildSlice(nodes, rels, n > paths.length),
    };
    // ranking pass: weight from the count; final pass: only with the paths that show it
    if (ctx.ranking || paths.length) reasons.push(reason);
  }
  const inSeg = c.links
    .filter((l) => l.type === 'IN_SEGMENT')
    .sort((a, b) => Number(b.to === segmentId) - Number(a.to === segmentId) || a.to.localeCompare(b.to));
  if (inSeg.length) {
    const link = inSeg[0];
    const path = up(ctx, link.to, segmentId);
    const where = tree.byId.get(link.to)!.node;
    reasons.push({
      kind: 'IN_SEGMENT',
      weight: weights.inSegment,
      text: link.to === segmentId ? `从事「${nameOf(seg)}」环节` : `从事「${nameOf(where)}」（属「${nameOf(seg)}」）`,
      textEn:
        link.to === segmentId
          ? `Works in "${nameEnOf(seg)}"`
          : `Works in "${nameEnOf(where)}" (part of "${nameEnOf(seg)}")`,
      path: buildSlice([firm, ...path.nodes], [link, ...path.rels]),
    });
  }
  for (const r of [
    backerReason(ctx, 'INSTITUTE_SUPPORT', ctx.backers.supporters),
    backerReason(ctx, 'DISTRICT_HOSTS', ctx.backers.hosts),
  ])
    if (r) reasons.push(r);
  const targets = c.links.filter((l) => l.type === 'TARGET_FOR');
  if (targets.length) {
    const current = currentTarget(targets);
    const path = up(ctx, current.rel.to, segmentId);
    const steps = stageIndex(current.stage) + 1;
    const since = current.stageSince ? `（自 ${current.stageSince}）` : '';
    reasons.push({
      kind: 'PIPELINE',
      weight: weights.pipelineStep * Math.max(steps, 0),
      text: `已在招商管道中：${current.stage ?? '阶段未记录'}${since}`,
      textEn: `In the investment-promotion pipeline: ${current.stage ?? 'stage not recorded'}${current.stageSince ? ` since ${current.stageSince}` : ''}`,
      path: buildSlice([firm, ...path.nodes], [current.rel, ...path.rels]),
      stage: current.stage,
    });
  } else {
    reasons.push({
      kind: 'PIPELINE',
      weight: weights.pipelineNew,
      text: '尚未进入招商管道（图中没有该企业的招商记录）：新线索',
      textEn: 'Not yet in the investment-promotion pipeline (no target record in the graph): a fresh lead',
      path: buildSlice([firm], []),
      stage: null,
    });
  }
  return reasons;
}
