// What every rule shares while reading one document.
import type { Collector } from './collector.js';
import type { Span } from './text.js';
import type { ExtractedRef } from './types.js';

export interface Context {
  text: string;
  /** Sentences of the body (the headline and the dateline are not read for facts). */
  sentences: Span[];
  collector: Collector;
  publishedOn?: string;
  /** The document's city as written without 市 (泸州), or null. */
  city: string | null;
  program: ExtractedRef | null;
  /** Chains in the order they are first named, with where. */
  chainMentions: { ref: ExtractedRef; at: number; listed: boolean }[];
  warnings: string[];
}

/** The chain a sentence is about: one it names, else the only one, else (not strict) the latest named just before it. */
export function chainFor(ctx: Context, sentence: Span, strict = false): ExtractedRef | null {
  const inside = ctx.chainMentions.filter((m) => m.at >= sentence.start && m.at < sentence.end);
  const ids = new Set(inside.map((m) => m.ref.id));
  if (ids.size === 1) return inside[0]!.ref;
  if (ids.size > 1) return null;
  const distinct = new Set(ctx.chainMentions.map((m) => m.ref.id));
  if (distinct.size === 1) return ctx.chainMentions[0]!.ref;
  if (strict) return null;
  const before = ctx.chainMentions.filter((m) => m.at < sentence.start).at(-1);
  return before && sentence.start - before.at < 200 ? before.ref : null;
}

/** The chain a numbered line names before a sentence (（二）装备制造产业链。链长：…), or null. */
export function lineChain(ctx: Context, sentence: Span): ExtractedRef | null {
  const lineStart = ctx.text.lastIndexOf('\n', sentence.start - 1) + 1;
  if (!/^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、．.])/.test(ctx.text.slice(lineStart)))
    return null;
  const ids = new Map(
    ctx.chainMentions.filter((m) => m.at >= lineStart && m.at < sentence.start).map((m) => [m.ref.id, m.ref]),
  );
  return ids.size === 1 ? [...ids.values()][0]! : null;
}

/** Chains named between two offsets of the text, in order of first mention. */
export function chainsBetween(ctx: Context, from: number, to: number): ExtractedRef[] {
  const seen = new Map<string, ExtractedRef>();
  for (const m of ctx.chainMentions) if (m.at >= from && m.at < to && !seen.has(m.ref.id)) seen.set(m.ref.id, m.ref);
  return [...seen.values()];
}

/** The chain an article is about when one dominates its mentions (3+ and three times any other), else null. */
export function focusChain(ctx: Context): ExtractedRef | null {
  const counts = new Map<string, { ref: ExtractedRef; n: number }>();
  for (const m of ctx.chainMentions) {
    const row = counts.get(m.ref.id) ?? { ref: m.ref, n: 0 };
    row.n++;
    counts.set(m.ref.id, row);
  }
  const [first, second] = [...counts.values()].sort((a, b) => b.n - a.n);
  return first && first.n >= 3 && first.n >= 3 * (second?.n ?? 0) ? first.ref : null;
}
