// Scores an extraction against a gold annotation (contract section 2, "What a fact means"): kind and
// label/type must match; a relationship in its direction with both ends by name; names tolerate a
// bracketed scope note, a city prefix on a post, 《》 and a trailing 产业链/链; goals and observations match on
// number, unit and year, never on the metric's wording. One extracted fact matches at most one gold fact.
import type { ExtractedFact } from '../types.js';

export interface GoldFact {
  kind: 'NODE' | 'RELATIONSHIP';
  label?: string;
  type?: string;
  name?: string;
  from?: string;
  to?: string;
  metric?: string;
  targetValue?: number;
  value?: number;
  unit?: string;
  deadline?: string;
  asOf?: string;
  quote: string;
}

export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[《》“”"「」\s]/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/^[\u4e00-\u9fa5]{2,3}[市省](?=市|省|副|常|人大|政协|委|政府|长)/, '')
    .replace(/(?:产业生态链|产业链|链)$/, '');
}

const unitKey = (u: unknown) => String(u ?? '').replace('％', '%');
const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 0.005);

function extractedName(f: ExtractedFact): string {
  return String(f.properties.title ?? f.node?.name ?? f.properties.name ?? '');
}

function namesMatch(a: string, b: string, aliases: unknown): boolean {
  const all = [a, ...(Array.isArray(aliases) ? (aliases as string[]) : [])].map(nameKey);
  return all.includes(nameKey(b));
}

export function factsMatch(f: ExtractedFact, g: GoldFact): boolean {
  if (f.kind !== g.kind) return false;
  if (g.kind === 'RELATIONSHIP') {
    return f.type === g.type && namesMatch(f.from!.name, g.from!, []) && namesMatch(f.to!.name, g.to!, []);
  }
  if (f.label !== g.label) return false;
  if (g.label === 'Goal' || g.label === 'Observation') {
    const value = Number(g.label === 'Goal' ? f.properties.targetValue : f.properties.value);
    const gold = Number(g.label === 'Goal' ? g.targetValue : g.value);
    const date = String((g.label === 'Goal' ? f.properties.deadline : f.properties.asOf) ?? '');
    const goldDate = String((g.label === 'Goal' ? g.deadline : g.asOf) ?? '');
    return (
      near(value, gold) && unitKey(f.properties.unit) === unitKey(g.unit) && date.slice(0, 4) === goldDate.slice(0, 4)
    );
  }
  return namesMatch(extractedName(f), g.name ?? '', f.properties.aliases);
}

export const kindOf = (f: { kind: string; label?: string | null; type?: string | null }) =>
  f.kind === 'NODE' ? f.label! : f.type!;

export interface Score {
  byKind: Map<string, { tp: number; extracted: number; gold: number }>;
  misses: GoldFact[];
  falseFacts: ExtractedFact[];
}

export function scoreDocument(facts: ExtractedFact[], gold: GoldFact[]): Score {
  const used = new Set<number>();
  const byKind = new Map<string, { tp: number; extracted: number; gold: number }>();
  const bump = (k: string, field: 'tp' | 'extracted' | 'gold') => {
    const row = byKind.get(k) ?? { tp: 0, extracted: 0, gold: 0 };
    row[field]++;
    byKind.set(k, row);
  };
  const falseFacts: ExtractedFact[] = [];
  for (const g of gold) bump(kindOf(g), 'gold');
  for (const f of facts) {
    bump(kindOf(f), 'extracted');
    const i = gold.findIndex((g, j) => !used.has(j) && factsMatch(f, g));
    if (i >= 0) {
      used.add(i);
      bump(kindOf(f), 'tp');
    } else falseFacts.push(f);
  }
  return { byKind, misses: gold.filter((_, j) => !used.has(j)), falseFacts };
}

export function mergeScores(scores: Score[]): Score['byKind'] {
  const total = new Map<string, { tp: number; extracted: number; gold: number }>();
  for (const s of scores) {
    for (const [k, v] of s.byKind) {
      const row = total.get(k) ?? { tp: 0, extracted: 0, gold: 0 };
      row.tp += v.tp;
      row.extracted += v.extracted;
      row.gold += v.gold;
      total.set(k, row);
    }
  }
  return total;
}

export function overall(byKind: Score['byKind']): {
  precision: number;
  recall: number;
  tp: number;
  extracted: number;
  gold: number;
} {
  let tp = 0;
  let extracted = 0;
  let gold = 0;
  for (const v of byKind.values()) {
    tp += v.tp;
    extracted += v.extracted;
    gold += v.gold;
  }
  return { precision: extracted ? tp / extracted : 1, recall: gold ? tp / gold : 1, tp, extracted, gold };
}
