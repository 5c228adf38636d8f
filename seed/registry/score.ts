// Scores a registry report against a gold file (shared/corpus/registry/dev/README.md): level-1 and finest
// precision/recall over (firm, field) pairs, all placements and written ones only; districts; codes;
// closed firms; and a calibration table (score band → share right).
import type { RegistryContext } from './context.js';
import type { ReportRow } from './engine.js';

export interface GoldRow {
  row: number;
  uscc: string;
  valid: boolean;
  problem: string | null;
  closed: boolean;
  district: string | null;
  segments: string[];
  fields: string[];
  ambiguous: boolean;
}

const pr = (tp: number, np: number, ng: number) => ({
  precision: np ? tp / np : 1,
  recall: ng ? tp / ng : 1,
  tp,
  predicted: np,
  gold: ng,
});

export function score(report: ReportRow[], gold: GoldRow[], ctx: RegistryContext) {
  const byRow = new Map(report.map((r) => [r.row, r]));
  const lvl1 = (s: string) => ctx.segments.get(s)?.level1 ?? s;
  const c = { l1All: [0, 0, 0], l1Written: [0, 0, 0], fineAll: [0, 0, 0], fineWritten: [0, 0, 0] };
  let noChainRight = 0;
  let noChainSaid = 0;
  let districtRight = 0;
  let invalidGold = 0;
  let invalidCaught = 0;
  let closedGold = 0;
  let closedFlagged = 0;
  const bands = new Map<string, [number, number]>();
  for (const g of gold) {
    const r = byRow.get(g.row);
    const all = r?.placements ?? [];
    const written = all.filter((p) => p.written === 'IN_SEGMENT');
    for (const [key, ps] of [
      ['All', all],
      ['Written', written],
    ] as const) {
      const f = new Set(ps.map((p) => lvl1(p.segmentId)));
      const t = c[`l1${key}`];
      t[0] += [...f].filter((x) => g.fields.includes(x)).length;
      t[1] += f.size;
      t[2] += g.fields.length;
      const s = new Set(ps.map((p) => p.segmentId));
      const u = c[`fine${key}`];
      u[0] += [...s].filter((x) => g.segments.includes(x)).length;
      u[1] += s.size;
      u[2] += g.segments.length;
    }
    if (all.length === 0) {
      noChainSaid++;
      if (g.fields.length === 0) noChainRight++;
    }
    for (const p of all) {
      const band = `${(Math.floor(Math.min(p.score, 0.999) * 10) / 10).toFixed(1)}`;
      const b = bands.get(band) ?? [0, 0];
      b[0] += g.fields.includes(lvl1(p.segmentId)) ? 1 : 0;
      b[1]++;
      bands.set(band, b);
    }
    if ((r?.district?.id ?? null) === g.district) districtRight++;
    if (g.problem?.startsWith('invalid USCC')) {
      invalidGold++;
      if (r?.problems.some((p) => p === g.problem)) invalidCaught++;
    }
    if (g.closed) {
      closedGold++;
      if (r?.closed) closedFlagged++;
    }
  }
  return {
    rows: { report: report.length, gold: gold.length },
    level1All: pr(c.l1All[0], c.l1All[1], c.l1All[2]),
    level1Written: pr(c.l1Written[0], c.l1Written[1], c.l1Written[2]),
    finestAll: pr(c.fineAll[0], c.fineAll[1], c.fineAll[2]),
    finestWritten: pr(c.fineWritten[0], c.fineWritten[1], c.fineWritten[2]),
    noChainPrecision: noChainSaid ? noChainRight / noChainSaid : 1,
    districtAccuracy: districtRight / gold.length,
    invalidCaught: `${invalidCaught}/${invalidGold}`,
    closedFlagged: `${closedFlagged}/${closedGold}`,
    calibration: [...bands]
      .sort()
      .map(([band, [right, n]]) => ({ band, placements: n, shareRight: Math.round((right / n) * 100) / 100 })),
  };
}
