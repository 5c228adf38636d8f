// CSV of what is on screen: UTF-8 with a byte-order mark, so that Excel on Chinese Windows opens it as
// UTF-8 instead of GBK; CRLF line ends; RFC 4180 quoting; formula-looking cells defused.
import type { Core } from 'cytoscape';
import { visibleRows } from './table.js';

const CSV_HEADER = ['element', 'id', 'type', 'name', 'nameEn', 'source', 'target', 'status', 'confidence', 'sources'];

/** A plain decimal number: a spreadsheet reads it as a number, never as a formula, so it keeps its sign. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** One CSV cell. Text beginning with =, +, -, @, tab or CR would run as a formula (or hide one) in a
 * spreadsheet, so it gets a leading apostrophe (OWASP "CSV injection"); numbers stay numbers. */
export function cell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(cy: Core): string {
  const { nodes, edges } = visibleRows(cy);
  const lines = [CSV_HEADER.join(',')];
  for (const n of nodes)
    lines.push(['node', n.id, n.type, n.name, n.nameEn, '', '', n.status, n.confidence, n.sources].map(cell).join(','));
  for (const e of edges)
    lines.push(
      ['edge', e.id, e.type, '', '', e.source, e.target, e.status, e.confidence, e.sources].map(cell).join(','),
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
