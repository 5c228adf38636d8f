// Gaps of one chain by status (worst first) with each segment's evidence sentence and its citation,
// local firms split into confirmed by people and placed by the registry classifier; and, for analysts,
// the investment targets by pipeline stage. Long lists are cut: a briefing summarises, it does not list.
import type { ManagedTransaction } from 'neo4j-driver';
import { NO_HYPOTHESIS } from '../../graph/analysis/gap-inputs.js';
import { GAP_STATUSES } from '../../graph/analysis/gap-status.js';
import { gapsInTx, type SegmentGap } from '../../graph/analysis/gaps.js';
import type { GapThresholds } from '../../graph/gap-thresholds.js';
import { PIPELINE_STAGES } from '../../graph/model.js';
import type { Block, BriefingLang, Sentence } from './model.js';
import type { Endnotes } from './notes.js';
import { GAP_STATUS_WORDS, type WORDS } from './wording.js';

/** At most this many segments per status and firms per stage are named. */
export const LIST_CAP = { segments: 12, firms: 15 };

export function readChainGaps(
  tx: ManagedTransaction,
  chainId: string,
  withTargets: boolean,
  asOf: string,
  thresholds?: GapThresholds,
): Promise<SegmentGap[]> {
  return gapsInTx(tx, chainId, NO_HYPOTHESIS, { evidence: false, pipeline: withTargets, thresholds, asOf });
}

export function gapBlocks(gaps: SegmentGap[], lang: BriefingLang, notes: Endnotes, w: (typeof WORDS)['zh']): Block[] {
  const blocks: Block[] = [];
  for (const status of GAP_STATUSES) {
    const list = gaps.filter((g) => g.status === status);
    if (!list.length) continue;
    blocks.push({ kind: 'subheading', text: w.gapGroup(GAP_STATUS_WORDS[lang][status], list.length) });
    for (const g of list.slice(0, LIST_CAP.segments)) {
      const sentences: Sentence[] = [
        {
          text: `${String(g.segment.name ?? g.segmentId)}：${lang === 'en' ? g.explanationEn : g.explanation}`,
          notes: notes.cite(g.segment),
        },
      ];
      if (g.localEnterprises > 0)
        sentences.push({ text: w.firmsSplit(g.localEnterprises, g.localConfirmed, g.localMachinePlaced), notes: [] });
      blocks.push({ kind: 'para', sentences });
    }
    if (list.length > LIST_CAP.segments)
      blocks.push({ kind: 'para', sentences: [{ text: w.more(list.length - LIST_CAP.segments), notes: [] }] });
  }
  return blocks;
}

export function targetBlocks(gaps: SegmentGap[], notes: Endnotes, w: (typeof WORDS)['zh']): Block[] {
  const entries = new Map<string, SegmentGap['pipeline'][number]>();
  for (const g of gaps) for (const p of g.pipeline) if (p.rel) entries.set(p.enterpriseId, p);
  if (!entries.size) return [{ kind: 'para', sentences: [{ text: w.noTargets, notes: [] }] }];
  const blocks: Block[] = [];
  for (const stage of [...PIPELINE_STAGES, null]) {
    const atStage = [...entries.values()].filter((p) => p.stage === stage);
    if (!atStage.length) continue;
    const shown = atStage.slice(0, LIST_CAP.firms);
    const names = shown.map((p) => String(p.rel?.start.name ?? p.enterpriseId)).join('、');
    const sentence: Sentence = {
      text: w.stage(stage ?? w.undated, names),
      notes: shown.flatMap((p) => notes.cite(p.rel?.props)),
    };
    const rest = atStage.length - shown.length;
    blocks.push({ kind: 'para', sentences: rest > 0 ? [sentence, { text: w.more(rest), notes: [] }] : [sentence] });
  }
  return blocks;
}
