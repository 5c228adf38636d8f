// The chain picture of a briefing as SVG: the level-1 segments in columns upstream → midstream →
// downstream, each box coloured and marked by its gap status (the glyph survives black-and-white
// printing), with the number of local firms and up to four sub-segments. Drawn from the gap analysis.
import type { SegmentGap } from '../../graph/analysis/gaps.js';
import type { BriefingLang, ChainPicture } from './model.js';
import { GAP_STATUS_WORDS } from './wording.js';

// Okabe–Ito colours and glyphs, the same as the web page's palette (web/src/canvas/palette.ts).
const LOOK: Record<string, { fill: string; ink: string; glyph: string }> = {
  ABSENT: { fill: '#D55E00', ink: '#ffffff', glyph: '×' }, // × (not ✕): the Noto CJK faces have it
  SINGLE_FIRM: { fill: '#E69F00', ink: '#000000', glyph: '1' },
  THIN: { fill: '#F0E442', ink: '#000000', glyph: '!' },
  EXTERNALLY_DEPENDENT: { fill: '#CC79A7', ink: '#000000', glyph: '↗' },
  COVERED: { fill: '#009E73', ink: '#ffffff', glyph: '✓' },
};
const STAGES = ['upstream', 'midstream', 'downstream', null] as const;
const STAGE_WORDS: Record<BriefingLang, Record<string, string>> = {
  zh: { upstream: '上游', midstream: '中游', downstream: '下游', none: '其他' },
  en: { upstream: 'Upstream', midstream: 'Midstream', downstream: 'Downstream', none: 'Other' },
};
const BOX = { w: 200, h: 84, gapX: 36, gapY: 14, top: 40, left: 12 };
export const PICTURE_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function chainPicture(chainId: string, gaps: SegmentGap[], lang: BriefingLang): ChainPicture {
  const top = gaps.filter((g) => g.parentId === null);
  const byStage = STAGES.map((stage) => top.filter((g) => ((g.segment.stage as string) ?? null) === stage)).filter(
    (c) => c.length,
  );
  // Without stages to order them (one group), the fields wrap into up to three columns.
  const wrap = byStage.length === 1 ? Math.ceil(byStage[0].length / 3) : 0;
  const columns = wrap
    ? Array.from({ length: Math.ceil(byStage[0].length / wrap) }, (_, i) => byStage[0].slice(i * wrap, (i + 1) * wrap))
    : byStage;
  const rows = Math.max(1, ...columns.map((c) => c.length));
  const width = BOX.left * 2 + Math.max(1, columns.length) * (BOX.w + BOX.gapX) - BOX.gapX;
  const height = BOX.top + rows * (BOX.h + BOX.gapY) + 36;
  const parts: string[] = [];
  columns.forEach((column, ci) => {
    const x = BOX.left + ci * (BOX.w + BOX.gapX);
    const stage = (column[0].segment.stage as string) ?? 'none';
    // wrapped fields of one group: its stage named once (and nothing when no field has a stage)
    if (!wrap || (ci === 0 && stage !== 'none'))
      parts.push(
        `<text x="${x + BOX.w / 2}" y="24" font-size="16" font-weight="bold" text-anchor="middle">${esc(STAGE_WORDS[lang][stage])}</text>`,
      );
    if (ci > 0 && !wrap)
      parts.push(`<text x="${x - BOX.gapX / 2}" y="24" font-size="16" text-anchor="middle">→</text>`);
    column.forEach((g, ri) => {
      const y = BOX.top + ri * (BOX.h + BOX.gapY);
      const look = LOOK[g.status] ?? LOOK.COVERED;
      const children = gaps.filter((c) => c.parentId === g.segmentId).map((c) => String(c.segment.name ?? c.segmentId));
      const sub = children.length ? cut(children.slice(0, 4).join('、'), 16) : '';
      parts.push(
        `<rect x="${x}" y="${y}" width="${BOX.w}" height="${BOX.h}" rx="6" fill="${look.fill}" stroke="#333"/>`,
        `<text x="${x + 10}" y="${y + 24}" font-size="15" font-weight="bold" fill="${look.ink}">${esc(look.glyph)} ${esc(cut(String(g.segment.name ?? g.segmentId), 11))}</text>`,
        `<text x="${x + 10}" y="${y + 46}" font-size="12" fill="${look.ink}">${esc(GAP_STATUS_WORDS[lang][g.status])} · ${lang === 'en' ? `${g.localEnterprises} local firms` : `本地企业${g.localEnterprises}家`}</text>`,
        sub ? `<text x="${x + 10}" y="${y + 68}" font-size="11" fill="${look.ink}">${esc(sub)}</text>` : '',
      );
    });
  });
  const legend = Object.entries(LOOK)
    .map(([status, look], i) => {
      const x = BOX.left + i * 120;
      return `<rect x="${x}" y="${height - 24}" width="14" height="14" fill="${look.fill}" stroke="#333"/><text x="${x + 20}" y="${height - 12}" font-size="11">${esc(look.glyph)} ${esc(GAP_STATUS_WORDS[lang][status])}</text>`;
    })
    .join('');
  const w = Math.max(width, 5 * 120 + BOX.left);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${height}" viewBox="0 0 ${w} ${height}" font-family="${esc(PICTURE_FONT)}"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}${legend}</svg>`;
  return { chainId, svg, width: w, height };
}
