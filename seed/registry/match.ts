// Matching registry rows to the graph's firms (contract §3): by 统一社会信用代码, then by exact name,
// former name or alias. A near match is never merged: the row waits for a person's "same firm?"
// decision, which a later import reads back (confirmed → the name is an alias; rejected → a new firm).
import type { ReportRow } from './engine.js';
import { foldName, isShortName, MIN_CONTAINED_KEY, nameKey } from './names.js';

export interface GraphFirm {
  id: string;
  name: string;
  uscc: string | null;
  aliases: string[];
  formerNames: string[];
}

export type MatchHow = 'code' | 'name' | 'former name' | 'alias';

/** Ids the registry import gives new firms (engine.ts). */
const REGISTRY_ID_PREFIX = 'ent:uscc-';

export interface SameFirmQuestion {
  row: number;
  rowName: string;
  rowCode: string;
  enterpriseId: string;
  graphName: string;
  reason: string;
}

/** Pairs a person already decided: `${enterpriseId}|${row name}` → true (same firm) or false. */
export type SameFirmDecisions = Map<string, boolean>;
export const decisionKey = (enterpriseId: string, rowName: string) => `${enterpriseId}|${foldName(rowName)}`;

export class FirmIndex {
  private byCode = new Map<string, GraphFirm>();
  private exact = new Map<string, { firm: GraphFirm; how: MatchHow }>();
  private byKey = new Map<string, GraphFirm>();
  private short: { key: string; name: string; firm: GraphFirm }[] = [];

  constructor(firms: GraphFirm[]) {
    for (const f of firms) {
      if (f.uscc) this.byCode.set(f.uscc.toUpperCase(), f);
      const names: [string, MatchHow][] = [
        [f.name, 'name'],
        ...f.formerNames.map((n): [string, MatchHow] => [n, 'former name']),
        ...f.aliases.map((n): [string, MatchHow] => [n, 'alias']),
      ];
      for (const [n, how] of names) {
        if (!n) continue;
        const folded = foldName(n);
        if (!this.exact.has(folded)) this.exact.set(folded, { firm: f, how });
        const key = nameKey(n);
        if (!this.byKey.has(key)) this.byKey.set(key, f);
        // Short names are what curated sources call firms (长光辰芯); a registry-created firm's own
        // names (a 个体工商户's 美发店 too) are not looked for inside others, which also keeps this list small.
        if (!f.id.startsWith(REGISTRY_ID_PREFIX) && isShortName(n) && key.length >= MIN_CONTAINED_KEY)
          this.short.push({ key, name: n, firm: f });
      }
    }
  }

  /** The firm a row is, or the one it may be (with the reason a reviewer reads), or nothing. */
  match(row: {
    name: string;
    code: string;
    formerNames: string[];
  }): { firm: GraphFirm; how: MatchHow } | { near: GraphFirm; reason: string } | null {
    const code = row.code.toUpperCase();
    const byCode = code ? this.byCode.get(code) : undefined;
    if (byCode) return { firm: byCode, how: 'code' };
    const exact = row.name ? this.exact.get(foldName(row.name)) : undefined;
    if (exact) {
      const other = exact.firm.uscc;
      if (code && other && other.toUpperCase() !== code)
        return {
          near: exact.firm,
          reason: `same name, but the graph firm's 统一社会信用代码 is ${other}, the row's ${code}`,
        };
      return exact;
    }
    if (!row.name) return null;
    const key = nameKey(row.name);
    const byKey = this.byKey.get(key);
    if (byKey)
      return {
        near: byKey,
        reason: `the names differ only in company form, a bracketed place, punctuation or full-width characters (${row.name} / ${byKey.name})`,
      };
    for (const former of row.formerNames) {
      const f = this.exact.get(foldName(former));
      if (f) return { near: f.firm, reason: `the row's 曾用名 ${former} is the graph firm's ${f.how}` };
    }
    const short = this.short.find((s) => key.includes(s.key));
    if (short) return { near: short.firm, reason: `the graph's short name ${short.name} is part of the registry name` };
    return null;
  }
}

/**
 * Sets each usable row's enterpriseId to the graph firm it matches (report `match`), holds a near match
 * for review (the row is skipped until a person decides) and returns the questions to put in the queue.
 */
export function applyMatches(report: ReportRow[], index: FirmIndex, decided: SameFirmDecisions): SameFirmQuestion[] {
  const questions: SameFirmQuestion[] = [];
  for (const r of report) {
    if (r.action === 'skipped') continue;
    const m = index.match({ name: r.name, code: r.uscc, formerNames: r.formerNames });
    if (!m) continue;
    if ('firm' in m) {
      r.enterpriseId = m.firm.id;
      r.match = { enterpriseId: m.firm.id, how: m.how };
      continue;
    }
    const decision = decided.get(decisionKey(m.near.id, r.name));
    if (decision === true) {
      r.enterpriseId = m.near.id;
      r.match = { enterpriseId: m.near.id, how: 'alias' };
      continue;
    }
    if (decision === false) continue; // a person said: another firm; the row is its own
    const q = {
      row: r.row,
      rowName: r.name,
      rowCode: r.uscc,
      enterpriseId: m.near.id,
      graphName: m.near.name,
      reason: m.reason,
    };
    questions.push(q);
    r.sameFirm = { enterpriseId: q.enterpriseId, name: q.graphName, reason: q.reason };
    r.action = 'skipped';
    r.problems.push(
      `same firm? ${r.name} may be ${m.near.name} (${m.near.id}): ${m.reason}; held until a person decides in the review queue`,
    );
  }
  return questions;
}
