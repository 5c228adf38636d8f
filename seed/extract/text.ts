// Sentences and clauses with their offsets in the stored text, so that every quote is a slice of it.
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Sentences end at 。！？；! ? ; or a line break; the end mark stays outside the span. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^。！？；!?;\n]+/g;
  for (const m of text.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) out.push({ text: body, start: m.index! + lead, end: m.index! + lead + body.length });
  }
  return out;
}

/** Clauses of a sentence, split at commas and colons (full- and half-width). */
export function clauses(sentence: Span): Span[] {
  const out: Span[] = [];
  for (const m of sentence.text.matchAll(/[^，,：:]+/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body)
      out.push({
        text: body,
        start: sentence.start + m.index! + lead,
        end: sentence.start + m.index! + lead + body.length,
      });
  }
  return out;
}

/** A sub-span of a span by its local offsets. */
export function sub(span: Span, from: number, to: number): Span {
  return { text: span.text.slice(from, to), start: span.start + from, end: span.start + to };
}

/** The range of clauses around a local index: from the clause holding `from` to the one holding `to`. */
export function clauseRange(sentence: Span, from: number, to: number): Span {
  const parts = clauses(sentence);
  const a = parts.find((c) => c.end > sentence.start + from) ?? parts[0]!;
  const b = [...parts].reverse().find((c) => c.start <= sentence.start + to) ?? a;
  return { text: sentence.text.slice(a.start - sentence.start, b.end - sentence.start), start: a.start, end: b.end };
}
