// Spreadsheet text → header and rows, keeping each row's number as a spreadsheet shows it (header =
// row 1). Malformed rows (broken quotes, a wrong number of cells) become problems; parsing goes on
// so that every problem is reported at once.
import { parse } from 'csv-parse/sync';
import type { Problem } from '../load/problems.js';

export interface CsvRow {
  row: number;
  cells: string[];
}
export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  problems: Problem[];
  delimiter: string;
}

/** The delimiter the header line uses most: comma, tab (Excel "Unicode text") or semicolon. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function readCsv(text: string, file: string): CsvTable {
  const problems: Problem[] = [];
  const delimiter = detectDelimiter(text);
  const seenLines = new Set<number>();
  const parsed = parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      const err = error as unknown as { message: string; lines?: number; records?: number; code?: string } | undefined;
      if (!err || seenLines.has(err.lines ?? -1)) return;
      seenLines.add(err.lines ?? -1);
      const row = (err.records ?? 0) + 1;
      const what =
        err.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted cell is never closed (a " is missing), so the rest of the file cannot be read'
          : `the row is not valid CSV (${err.message}); put a cell holding quotes or the delimiter in double quotes and double its inner quotes ("")`;
      problems.push({ file, row, record: `row ${row}`, message: what });
    },
  }) as unknown as { record: string[]; info: { records: number } }[];
  const nonEmpty = parsed.filter((r) => r.record.some((cell) => cell.trim() !== ''));
  if (nonEmpty.length === 0) {
    problems.push({
      file,
      message: 'the file is empty: it needs a header row and at least one data row (see seed/templates/)',
    });
    return { header: [], rows: [], problems, delimiter };
  }
  const [head, ...body] = nonEmpty;
  const header = head.record.map((cell) => cell.trim());
  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    const cells = record.map((cell) => cell.trim());
    // Trailing empty cells (Excel pads rows) are harmless; extra cells with content are not.
    while (cells.length > header.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.length !== header.length) {
      problems.push({
        file,
        row: info.records,
        record: `row ${info.records}`,
        message: `has ${cells.length} cells but the header has ${header.length} columns; a value containing "${delimiter === '\t' ? 'tab' : delimiter}" must be in double quotes`,
      });
      continue;
    }
    rows.push({ row: info.records, cells });
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ file, message: 'the file has a header but no data rows' });
  return { header, rows, problems, delimiter };
}
