// One-line explanations of a gap verdict, in Chinese and English. They speak of what the graph
// RECORDS (记录), never of the real economy: an ABSENT segment means no local firm is recorded.
import type { GapThresholds } from '../gap-thresholds.js';
import type { SegmentCounts } from './gap-status.js';

export interface Explanation {
  zh: string;
  en: string;
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function explainGap(
  counts: SegmentCounts,
  segment: { name: string; nameEn?: string | null },
  thresholds: GapThresholds,
  nameOf: (firmId: string) => string,
): Explanation {
  const zhName = `「${segment.name}」`;
  const enName = `"${segment.nameEn || segment.name}"`;
  const n = counts.localFirms;
  const edges = counts.externalEdges + counts.localEdges;
  const supplyZh =
    counts.externalShare === null
      ? '图中未记录该环节企业向本链本地企业的供应关系'
      : `本链本地企业从该环节采购的 ${edges} 条已记录供应关系中，${counts.externalEdges} 条来自外地企业（${pct(counts.externalShare)}，阈值 ${pct(thresholds.externalShare)}）`;
  const supplyEn =
    counts.externalShare === null
      ? 'no supply from this segment to local firms of the chain is recorded'
      : `${counts.externalEdges} of the ${edges} recorded supply relations from this segment into local firms of the chain come from outside firms (${pct(counts.externalShare)}; threshold ${pct(thresholds.externalShare)})`;
  switch (counts.status) {
    case 'ABSENT':
      return {
        zh: `图中没有记录${zhName}环节（含下级环节）的本地企业：这是已记录数据的空白，并非对现实产业的判断。`,
        en: `No local firm is recorded in the graph for ${enName} (including its sub-segments): a gap in the recorded data, not a finding about the real economy.`,
      };
    case 'SINGLE_FIRM': {
      const firm = nameOf(counts.localSample[0]);
      return {
        zh: `记录中${zhName}环节只有 1 家本地企业（${firm}），一旦其迁出或停产该环节即告空缺。`,
        en: `Only one local firm is recorded for ${enName} (${firm}); if it left, the segment would be empty.`,
      };
    }
    case 'THIN':
      return {
        zh: `记录中${zhName}环节有 ${n} 家本地企业，少于薄弱阈值 ${thresholds.thinBelow} 家。`,
        en: `${n} local firms are recorded for ${enName}, fewer than the threshold of ${thresholds.thinBelow}.`,
      };
    case 'EXTERNALLY_DEPENDENT':
      return {
        zh: `记录中${zhName}环节有 ${n} 家本地企业，但${supplyZh}，依赖外地供应。`,
        en: `${n} local firms are recorded for ${enName}, but ${supplyEn}: the chain depends on outside supply.`,
      };
    case 'COVERED':
      return {
        zh: `记录中${zhName}环节有 ${n} 家本地企业（不少于 ${thresholds.thinBelow} 家），${supplyZh}。`,
        en: `${n} local firms are recorded for ${enName} (at least ${thresholds.thinBelow}); ${supplyEn}.`,
      };
  }
}
