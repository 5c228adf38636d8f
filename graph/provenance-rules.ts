// Provenance rules every writer applies (graph-model.md): a quote is the source's own words, one quote
// per source, an office-holding is dated, and the stored shape of per-source quotes. Pure functions:
// the seed validator, the API and the ingestion pipelines call them with the texts they hold.

export interface RuleProblem {
  field: string;
  message: string;
}

/** Quote text as stored: `quote` is the first source's quote (older readers), `quotes` runs parallel to `sources`. */
export function quotesPerSource(
  sources: string[],
  quotes: Record<string, string>,
): { quote?: string; quotes: string[] } {
  const list = sources.map((s) => quotes[s] ?? '');
  const first = list.find((q) => q);
  return { quotes: list, ...(first ? { quote: first } : {}) };
}

/** The quote each source gives, from stored or validated props (`quotes` list, or one `quote` for the first source). */
export function quoteOfSource(props: Record<string, unknown>, index: number): string | null {
  const list = props.quotes;
  if (Array.isArray(list)) return typeof list[index] === 'string' && list[index] ? (list[index] as string) : null;
  // One quote and no list: the quote is shared by the fact's sources (records written before quotes per source).
  return typeof props.quote === 'string' ? props.quote : null;
}

const HAN = /\p{Script=Han}/u;
// A lower-case ASCII word of 3+ letters beside Chinese text is an English note ("output 223亿, 30% of the
// province"), not a Chinese source's words; acronyms (CMOS, NEV) stay allowed.
const ENGLISH_WORD = /(^|[^A-Za-z])[a-z]{3,}([^A-Za-z]|$)/;
const compact = (text: string) => text.replace(/\s+/g, '');

/** What is wrong with one quote as a source's words (joined quotes, English notes), or null. */
export function quoteProblem(quote: string): string | null {
  if (quote.includes(' / ')) return 'joins several quotes with " / ": give one quote per source (quotes:)';
  if (HAN.test(quote) && ENGLISH_WORD.test(quote))
    return 'mixes English words into Chinese text: a note, not the source’s words';
  return null;
}

/**
 * Problems of one record's provenance. `texts` maps a Source id to the full text kept for it (e.g. S1):
 * a quote citing that source must be found in it.
 */
export function provenanceProblems(
  kind: string,
  props: Record<string, unknown>,
  texts: ReadonlyMap<string, string> = new Map(),
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const sources = Array.isArray(props.sources) ? props.sources.map(String) : [];
  const quoteMap = (props.quotes ?? {}) as Record<string, string>;
  const single = typeof props.quote === 'string' ? props.quote : undefined;
  if (single !== undefined && props.quotes !== undefined)
    problems.push({ field: 'quotes', message: 'give either quote (one source) or quotes (one per source), not both' });
  for (const key of Object.keys(quoteMap))
    if (!sources.includes(key)) problems.push({ field: `quotes.${key}`, message: `${key} is not in sources` });
  const cited: [string, string, string][] = single
    ? [['quote', sources[0] ?? '', single]]
    : Object.entries(quoteMap).map(([s, q]) => [`quotes.${s}`, s, q]);
  for (const [field, source, quote] of cited) {
    const wrong = quoteProblem(quote);
    if (wrong) problems.push({ field, message: wrong });
    const text = texts.get(source);
    if (text && !compact(text).includes(compact(quote)))
      problems.push({ field, message: `is not in the text of ${source}: a quote is the source's own words` });
  }
  if (kind === 'HOLDS' && props.observedOn === undefined && props.validFrom === undefined)
    problems.push({
      field: 'observedOn',
      message: 'an office-holding needs observedOn (the source’s date) or validFrom; leave it out if none',
    });
  return problems;
}
