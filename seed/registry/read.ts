// Streams a registry export row by row (CSV in any of the encodings the CSV import reads, or XLSX through
// exceljs' streaming reader) so a 200,000-row file never sits whole in memory; within the file limits
// (seed/file-limits.ts): bytes sniffed, an XLSX pre-checked as a zip, columns and record length capped.
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import chardet from 'chardet';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { refuseUnless } from '../file-check/sniff.js';
import { checkZip } from '../file-check/zip-check.js';
import { DEFAULT_FILE_LIMITS, FileLimitError, type FileLimits } from '../file-limits.js';

export interface RawRow {
  cells: string[];
  /** The row number a spreadsheet (or a text editor, for CSV) shows. */
  sheetRow: number;
}

export interface ReadProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

/** Encoding from the first 64 KiB, with the same rules as seed/import/csv-decode.ts. */
export function detectEncoding(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    // A legacy Chinese code page.
  }
  const best = chardet.analyse(head)[0];
  return best?.name === 'Big5' && best.confidence >= 90 ? 'big5' : 'gb18030';
}

function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export const isXlsx = (path: string): boolean => {
  const head = readHead(path);
  return head[0] === 0x50 && head[1] === 0x4b; // a zip container
};

const tooManyColumns = (cells: number, row: number, max: number) =>
  new FileLimitError(
    'TOO_MANY_COLUMNS',
    `Row ${row} has ${cells} cells; the limit is ${max} columns (KG_MAX_CSV_COLUMNS raises it).`,
  );

export async function* readCsv(
  path: string,
  onProgress?: (p: ReadProgress) => void,
  limits: Pick<FileLimits, 'columns' | 'lineChars'> = DEFAULT_FILE_LIMITS,
): AsyncGenerator<RawRow> {
  const encoding = detectEncoding(readHead(path));
  const totalBytes = statSync(path).size;
  const file = createReadStream(path);
  const parser = file
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(parse({ relax_column_count: true, bom: true, skip_empty_lines: true, max_record_size: limits.lineChars }));
  let rows = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rows++;
      if (record.length > limits.columns) throw tooManyColumns(record.length, rows, limits.columns);
      if (onProgress && rows % 1000 === 0) onProgress({ rows, bytes: file.bytesRead, totalBytes });
      yield { cells: record, sheetRow: rows };
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'CSV_MAX_RECORD_SIZE') throw error;
    throw new FileLimitError(
      'LINE_TOO_LONG',
      `Row ${rows + 1} is longer than ${limits.lineChars} characters; the limit is KG_MAX_LINE_CHARS (a row that long is not a registry record).`,
    );
  } finally {
    file.destroy();
  }
  onProgress?.({ rows, bytes: totalBytes, totalBytes });
}

/** A cell as text; a formula stays its text (`=…`), never evaluated. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as { formula?: string; sharedFormula?: string; richText?: { text: string }[]; text?: string };
  if (v.formula || v.sharedFormula) return `=${v.formula ?? v.sharedFormula}`;
  if (v.richText) return v.richText.map((t) => t.text).join('');
  if (typeof v.text === 'string') return v.text;
  return String(value);
}

export async function* readXlsx(
  path: string,
  onProgress?: (p: ReadProgress) => void,
  maxColumns = DEFAULT_FILE_LIMITS.columns,
): AsyncGenerator<RawRow> {
  const totalBytes = statSync(path).size;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      if (values.length - 1 > maxColumns) throw tooManyColumns(values.length - 1, row.number, maxColumns);
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      rows++;
      if (onProgress && rows % 1000 === 0) onProgress({ rows, bytes: 0, totalBytes });
      yield { cells, sheetRow: row.number };
    }
    break; // the first sheet is the export
  }
  onProgress?.({ rows, bytes: totalBytes, totalBytes });
}

/** Rows of a registry export: the bytes must be what the name says (.xlsx a zip, .csv text), an XLSX
 * passes the zip pre-pass before exceljs opens it. */
export async function* readRows(
  path: string,
  onProgress?: (p: ReadProgress) => void,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): AsyncGenerator<RawRow> {
  const ext = extname(path).toLowerCase();
  const accepted =
    ext === '.xlsx' ? 'an XLSX workbook' : ext === '.csv' ? 'a CSV file' : 'an XLSX workbook or a CSV file';
  const kind = refuseUnless(
    readHead(path),
    undefined,
    ext === '.xlsx' ? ['zip'] : ext === '.csv' ? ['text'] : ['zip', 'text'],
    accepted,
  );
  if (kind === 'zip') {
    await checkZip(path, 'xlsx', limits);
    yield* readXlsx(path, onProgress, limits.columns);
  } else yield* readCsv(path, onProgress, limits);
}
