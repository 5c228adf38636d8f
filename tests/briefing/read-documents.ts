// Test readers of rendered briefings: the paragraphs of a DOCX (its document XML, opened with jszip)
// and the text of a PDF (pdfjs-dist), plus the stored (source title, quote) pairs the notes must match.
import JSZip from 'jszip';
import type { Executor } from '../../graph/executor.js';

const decode = (xml: string) =>
  xml
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of each paragraph of word/document.xml. */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map(decode)
    .filter((p) => p.trim().length);
}

/** The text of every page of a PDF, NFKC-folded unless `raw` (Chromium's CJK text maps to Kangxi radicals). */
export async function pdfPages(bytes: Uint8Array, raw = false): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes (detaches) the buffer it is given: hand it a copy
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join('')
        .normalize(raw ? 'NFC' : 'NFKC'),
    );
  }
  await doc.destroy();
  return pages;
}

/** Every (source title, quote) pair the graph stores on a fact (node or relationship), as "title\u0000quote". */
export async function storedCitations(executor: Executor): Promise<Set<string>> {
  const rows = await executor.query(
    `CALL () {
       MATCH (n) WHERE n.sources IS NOT NULL RETURN n.sources AS sources, n.quotes AS quotes, n.quote AS quote
       UNION ALL
       MATCH ()-[r]->() WHERE r.sources IS NOT NULL RETURN r.sources AS sources, r.quotes AS quotes, r.quote AS quote
     }
     UNWIND range(0, size(sources) - 1) AS i
     MATCH (s:Source {id: sources[i]})
     RETURN DISTINCT s.name AS title, CASE WHEN quotes IS NULL THEN quote ELSE quotes[i] END AS quote`,
  );
  return new Set(rows.map((r) => `${r.title}\u0000${r.quote ?? ''}`));
}

/** Note numbers used in the body ([n] after sentences) and the endnote lines by number. */
export function splitNotes(paragraphs: string[], notesHeading: string) {
  const at = paragraphs.lastIndexOf(notesHeading);
  const body = paragraphs.slice(0, at).join('\n');
  const used = new Set([...body.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  const notes = paragraphs.slice(at + 1).map((line) => ({ n: Number(/^\[(\d+)\]/.exec(line)?.[1]), line }));
  return { used, notes };
}

/**
 * Whether an endnote line is "[n] <stored source title>…<publisher, date>“<the stored quote>”" (or ends
 * with `noQuote` where the fact stores no quote for that source), nothing quoted in between.
 */
export function matchesStored(note: { n: number; line: string }, stored: Set<string>, noQuote: string): boolean {
  return [...stored].some((key) => {
    const [title, quote] = key.split('\u0000');
    const prefix = `[${note.n}] ${title}`;
    const suffix = quote ? `“${quote}”` : noQuote;
    if (!note.line.startsWith(prefix) || !note.line.endsWith(suffix)) return false;
    return !note.line.slice(prefix.length, note.line.length - suffix.length).includes('“');
  });
}

// Chromium writes some CJK characters of the Noto faces as radical code points (U+2E80–U+2FDF, e.g.
// ⻓ for 长, ⼾ for 户, whose NFKC is 戶 and not 户) and pdf.js adds spaces between runs: raw PDF text is
// compared without whitespace, NFKC-folded except radicals, a radical matching any Han character and
// the dashes — and ― each other.
const RADICAL = /[\u2e80-\u2fdf]/;
const HAN = /\p{Script=Han}/u;
const DASH = /[\u2014\u2015]/;
const fold = (s: string) =>
  [...s.replace(/\s+/g, '')].flatMap((c) => (RADICAL.test(c) ? [c] : [...c.normalize('NFKC')]));
const same = (pdf: string[], text: string[]) =>
  pdf.length === text.length &&
  pdf.every((c, i) => c === text[i] || (RADICAL.test(c) && HAN.test(text[i])) || (DASH.test(c) && DASH.test(text[i])));

/** matchesStored for a note line read from a PDF's raw text. */
export function pdfNoteMatchesStored(note: { n: number; line: string }, stored: Set<string>, noQuote: string): boolean {
  const line = fold(note.line);
  return [...stored].some((key) => {
    const [title, quote] = key.split('\u0000');
    const prefix = fold(`[${note.n}] ${title}`);
    const suffix = fold(quote ? `“${quote}”` : noQuote);
    if (line.length < prefix.length + suffix.length) return false;
    if (!same(line.slice(0, prefix.length), prefix) || !same(line.slice(line.length - suffix.length), suffix))
      return false;
    return !line.slice(prefix.length, line.length - suffix.length).includes('“');
  });
}
