// Cell values of an import spreadsheet: lists, yes/no, numbers, sources (id, URL or title), and the
// stable ids of new enterprises and sources (a hash of the name: pinyin is not available offline).
import { createHash } from 'node:crypto';
import { ID_PATTERN } from '../../graph/model-rules.js';

/** Splits a list cell on ; ； 、 | and the full-width comma. */
export const splitList = (cell: string | undefined) =>
  (cell ?? '')
    .split(/[;；、|，]/)
    .map((item) => item.trim())
    .filter(Boolean);

const YES = new Set(['true', 'yes', 'y', '1', '是', '本地', '对', 't']);
const NO = new Set(['false', 'no', 'n', '0', '否', '外地', '非本地', 'f']);

/** true/false for yes/no words; the cell itself when it is neither (validation then says what is wrong). */
export function parseBool(cell: string): boolean | string {
  const word = cell.trim().toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return cell;
}

/** A number with optional thousands separators; the cell itself when it is not one. */
export function parseNumber(cell: string): number | string {
  const cleaned = cell.replace(/[,，\s]/g, '');
  return cleaned !== '' && Number.isFinite(Number(cleaned)) ? Number(cleaned) : cell;
}

export const isId = (value: string) => ID_PATTERN.test(value);
export const isUrl = (value: string) => /^https?:\/\/\S+$/i.test(value);

const shortHash = (text: string) => createHash('sha1').update(text.normalize('NFC').trim()).digest('hex').slice(0, 8);
export const importedEnterpriseId = (name: string) => `ent:imp-${shortHash(name)}`;
export const importedSourceId = (urlOrTitle: string) => `source:imp-${shortHash(urlOrTitle)}`;

export type SourceRef = { kind: 'id'; id: string } | { kind: 'url'; url: string } | { kind: 'title'; title: string };

export function parseSourceRef(item: string): SourceRef {
  if (isUrl(item)) return { kind: 'url', url: item };
  if (isId(item)) return { kind: 'id', id: item };
  return { kind: 'title', title: item };
}
