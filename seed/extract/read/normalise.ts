// The stored form of a document's text: Unicode NFC (CJK radicals and compatibility ideographs folded), one space for runs of spaces and tabs, no blank-line
// runs, trimmed lines. Quotes are offsets into exactly this text, and its SHA-256 identifies the document.
import { createHash } from 'node:crypto';

/** Kangxi and supplementary radicals and CJK compatibility ideographs, which PDF fonts often map
 * characters to (⾏ for 行): their compatibility (NFKC) form is the ordinary character people search for. */
const CJK_COMPAT = /[\u2e80-\u2fdf\uf900-\ufaff]/g;

export function normaliseText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(CJK_COMPAT, (ch) => ch.normalize('NFKC'))
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200b\u3000\t ]+/g, (m) => (m.includes('\u3000') && m.length > 1 ? ' ' : ' '))
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
