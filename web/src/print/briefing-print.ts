// The print page of a briefing: reads its model once from /briefings/print/<token> and lays it out
// for A4. Chromium prints this page to PDF (server/briefing/pdf.ts), so the PDF is what the page shows.
// Sets data-briefing-ready on <html> when done (data-briefing-error too when the model is missing).
import './briefing-print.css';

interface Sentence {
  text: string;
  notes: number[];
}
type Block =
  | { kind: 'para'; sentences: Sentence[] }
  | { kind: 'warning'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'picture'; chainId: string };
interface PrintModel {
  lang: 'zh' | 'en';
  title: string;
  program: string | null;
  dateLine: string;
  sections: { heading: string; blocks: Block[] }[];
  pictures: { chainId: string; svg: string }[];
  notes: { n: number; title: string; publisher: string | null; date: string | null; quote: string | null }[];
  labels: { notes: string; undated: string; noQuote: string };
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function paragraph(sentences: Sentence[]): HTMLParagraphElement {
  const p = el('p');
  for (const s of sentences) {
    p.append(s.text);
    if (s.notes.length) p.append(el('sup', s.notes.map((n) => `[${n}]`).join('')));
  }
  return p;
}

function blockNode(block: Block, model: PrintModel): HTMLElement {
  if (block.kind === 'para') return paragraph(block.sentences);
  if (block.kind === 'warning') return el('p', `⚠ ${block.text}`, 'warning');
  if (block.kind === 'subheading') return el('h3', block.text);
  const figure = el('figure');
  // The SVG is built by the server from escaped graph values (server/briefing/picture.ts).
  figure.innerHTML = model.pictures.find((p) => p.chainId === block.chainId)?.svg ?? '';
  return figure;
}

export function layoutBriefing(model: PrintModel): HTMLElement {
  const doc = el('article', undefined, 'briefing');
  doc.lang = model.lang === 'zh' ? 'zh-CN' : 'en';
  doc.append(el('h1', model.title));
  if (model.program) doc.append(el('p', model.program, 'meta'));
  doc.append(el('p', model.dateLine, 'meta'));
  for (const section of model.sections) {
    doc.append(el('h2', section.heading));
    for (const block of section.blocks) doc.append(blockNode(block, model));
  }
  const notes = el('section', undefined, 'notes');
  notes.append(el('h2', model.labels.notes));
  const [comma, stop] = model.lang === 'zh' ? ['，', '。'] : [', ', '. '];
  for (const n of model.notes)
    notes.append(
      el(
        'p',
        `[${n.n}] ${n.title}${n.publisher ? `${comma}${n.publisher}` : ''}${comma}${n.date ?? model.labels.undated}${stop}${n.quote ? `“${n.quote}”` : model.labels.noQuote}`,
      ),
    );
  doc.append(notes);
  return doc;
}

export async function showBriefingPrint(root: HTMLElement, token: string): Promise<void> {
  const html = document.documentElement;
  html.classList.add('briefing-print');
  root.replaceChildren();
  try {
    const response = await fetch(`/briefings/print/${encodeURIComponent(token)}`);
    if (!response.ok) throw new Error(await response.text());
    const model = (await response.json()) as PrintModel;
    document.title = model.title;
    html.lang = model.lang === 'zh' ? 'zh-CN' : 'en';
    root.append(layoutBriefing(model));
  } catch (error) {
    root.append(el('p', String((error as Error).message ?? error)));
    html.dataset.briefingError = String((error as Error).message ?? error);
  }
  await document.fonts.ready;
  html.dataset.briefingReady = 'true';
}
