// HTML → the article's text: the charset decoded (GBK pages are common on government sites), then
// Mozilla Readability over a linkedom DOM keeps the article body and drops menus, breadcrumbs and footers.
import { Readability } from '@mozilla/readability';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';

function charsetOf(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  const name = meta?.[1]?.toLowerCase() ?? 'utf-8';
  return iconv.encodingExists(name) ? name : 'utf-8';
}

export function decodeHtml(bytes: Uint8Array): string {
  const charset = charsetOf(bytes);
  return iconv.decode(Buffer.from(bytes), charset === 'gb2312' ? 'gbk' : charset);
}

/** Block text with paragraph breaks kept (Readability's textContent would glue paragraphs together). */
function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const lines: string[] = [];
  const blocks = document.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, td, th, pre, blockquote, div');
  for (const el of blocks) {
    if (el.querySelector('p, h1, h2, h3, h4, h5, h6, li, td, div, blockquote')) continue;
    const text = el.textContent?.trim();
    if (text) lines.push(text);
  }
  return lines.length ? lines.join('\n') : (document.body?.textContent ?? '');
}

export function readHtml(source: string): { text: string; title?: string } {
  const { document } = parseHTML(source);
  const title =
    document.querySelector('h1')?.textContent?.trim() || document.querySelector('title')?.textContent?.trim();
  const article = document.querySelector('article');
  if (article) return { text: blockText(article.innerHTML), title };
  const parsed = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  if (parsed?.content) return { text: blockText(parsed.content), title: title || parsed.title || undefined };
  return { text: document.body?.textContent ?? '', title };
}
