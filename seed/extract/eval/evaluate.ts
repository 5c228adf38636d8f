// Runs the extractor over every annotated document (as text, and the dev set also as HTML and DOCX)
// against an EMPTY dictionary, so recall measures reading, not names already loaded; prints per kind
// and overall precision and recall, then the misses and false facts.
import { EMPTY_DICTIONARY } from '../../../graph/queries/dictionary.js';
import { extractFacts } from '../extract.js';
import { readDocument } from '../read/read-document.js';
import { type GoldDocument, goldDocuments } from './corpus.js';
import { asDocx, asHtmlPage } from './renderings.js';
import { kindOf, mergeScores, overall, type Score, scoreDocument } from './score.js';

export interface EvaluationRow {
  set: string;
  format: string;
  scores: Score[];
}

async function scoreAs(doc: GoldDocument, format: 'text' | 'html' | 'docx'): Promise<Score> {
  const bytes =
    format === 'text'
      ? Buffer.from(doc.text, 'utf8')
      : format === 'html'
        ? asHtmlPage(doc.text)
        : await asDocx(doc.text);
  const read = await readDocument({ file: { bytes, filename: `doc.${format === 'text' ? 'txt' : format}` } });
  const extraction = extractFacts(read.text, {
    dictionary: EMPTY_DICTIONARY,
    publishedOn: doc.publishedOn,
    title: doc.title,
  });
  return scoreDocument(extraction.facts, doc.facts);
}

export async function evaluate(): Promise<EvaluationRow[]> {
  const docs = goldDocuments();
  const rows: EvaluationRow[] = [];
  for (const set of [...new Set(docs.map((d) => d.set))]) {
    const inSet = docs.filter((d) => d.set === set);
    rows.push({ set, format: 'text', scores: await Promise.all(inSet.map((d) => scoreAs(d, 'text'))) });
    if (set === 'dev') {
      rows.push({ set, format: 'html', scores: await Promise.all(inSet.map((d) => scoreAs(d, 'html'))) });
      rows.push({ set, format: 'docx', scores: await Promise.all(inSet.map((d) => scoreAs(d, 'docx'))) });
    }
  }
  return rows;
}

const pct = (x: number) => x.toFixed(3);

export function formatTable(rows: EvaluationRow[], details = true): string {
  const out: string[] = [];
  for (const row of rows) {
    const merged = mergeScores(row.scores);
    const all = overall(merged);
    out.push(
      `\n## ${row.set} (${row.format}): precision ${pct(all.precision)}  recall ${pct(all.recall)}  (${all.tp} right of ${all.extracted} extracted, ${all.gold} gold)`,
    );
    out.push('| kind | gold | extracted | right | precision | recall |');
    out.push('|---|---|---|---|---|---|');
    for (const [k, v] of [...merged].sort()) {
      out.push(
        `| ${k} | ${v.gold} | ${v.extracted} | ${v.tp} | ${v.extracted ? pct(v.tp / v.extracted) : '-'} | ${v.gold ? pct(v.tp / v.gold) : '-'} |`,
      );
    }
    if (details && row.format === 'text') {
      for (const s of row.scores) {
        for (const m of s.misses)
          out.push(
            `  miss  ${kindOf(m)} ${m.name ?? `${m.from ?? ''} → ${m.to ?? ''}`}${m.targetValue ?? m.value ?? ''} «${m.quote.slice(0, 40)}»`,
          );
        for (const f of s.falseFacts)
          out.push(
            `  false ${kindOf(f)} ${f.node?.name ?? `${f.from?.name} → ${f.to?.name}`} ${f.properties.targetValue ?? f.properties.value ?? ''} «${f.quote.slice(0, 40)}»`,
          );
      }
    }
  }
  return out.join('\n');
}

export function totals(row: EvaluationRow) {
  return overall(mergeScores(row.scores));
}
