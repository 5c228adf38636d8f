// The left pane of the review screen: the source's stored text as text nodes (never the document's
// HTML), each proposed fact highlighted where its quote stands (start/end); a click selects the fact.
import { h } from '../dom.js';

interface Span {
  id: string;
  start: number;
  end: number;
  status: string;
}

/** Text split at the facts' quotes; overlapping quotes are cut where the earlier one ends. */
export function highlightedText(text: string, spans: readonly Span[], onPick: (id: string) => void): HTMLElement {
  const root = h('div.review-text', { 'data-pane': 'text' });
  const sorted = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && s.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const span of sorted) {
    const start = Math.max(span.start, at);
    if (start >= span.end) {
      // Inside an earlier quote: the outer mark also names this fact, so a click can reach it.
      const outer = root.lastElementChild as HTMLElement | null;
      if (outer) outer.dataset.also = `${outer.dataset.also ?? ''} ${span.id}`.trim();
      continue;
    }
    if (start > at) root.append(document.createTextNode(text.slice(at, start)));
    const mark = h('mark.fact-mark', { 'data-proposal': span.id, 'data-status': span.status, tabindex: 0 });
    mark.textContent = text.slice(start, span.end);
    mark.addEventListener('click', () => onPick(span.id));
    mark.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') onPick(span.id);
    });
    root.append(mark);
    at = span.end;
  }
  if (at < text.length) root.append(document.createTextNode(text.slice(at)));
  return root;
}

/** Marks the selected fact's highlight and scrolls it into view. */
export function selectMark(root: HTMLElement, id: string | null): void {
  for (const mark of root.querySelectorAll<HTMLElement>('mark.fact-mark')) {
    const on = mark.dataset.proposal === id || (!!id && (mark.dataset.also ?? '').split(' ').includes(id));
    mark.classList.toggle('selected', on);
    if (on) mark.scrollIntoView({ block: 'nearest' });
  }
}
