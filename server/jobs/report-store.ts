// Registry reports kept per job as JSON Lines files (one report row a line) beside the audit file, in
// registry-reports/; a page is read by row cursor. Files, not graph properties: a 100,000-row report
// is tens of megabytes.
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ReportRow } from '../../seed/registry/engine.js';

export const reportDirOf = (auditFile: string) => join(dirname(auditFile), 'registry-reports');
const fileOf = (dir: string, jobId: string) => join(dir, `${jobId.replace(/[^a-z0-9-]/gi, '_')}.jsonl`);

export async function saveReport(dir: string, jobId: string, rows: ReportRow[]): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(fileOf(dir, jobId), rows.map((r) => `${JSON.stringify(r)}\n`).join(''), { mode: 0o600 });
}

export interface ReportPage {
  rows: ReportRow[];
  endCursor: string | null;
  hasMore: boolean;
  totalCount: number;
}

/** Rows after the cursor (a data row number), first at most; null when the job kept no report. */
export async function readReportPage(
  dir: string,
  jobId: string,
  first: number,
  after: string | null,
): Promise<ReportPage | null> {
  const start = after ? Number(after) : 0;
  if (!Number.isInteger(start) || start < 0) throw new Error(`after: ${JSON.stringify(after)} is not a row cursor`);
  const rows: ReportRow[] = [];
  let total = 0;
  try {
    const lines = createInterface({ input: createReadStream(fileOf(dir, jobId), 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      total++;
      if (total > start && rows.length < first) rows.push(JSON.parse(line) as ReportRow);
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
  const last = rows.at(-1);
  return {
    rows,
    endCursor: last ? String(start + rows.length) : null,
    hasMore: start + rows.length < total,
    totalCount: total,
  };
}
