// `npm run seed -- registry FILE [--dry-run] [--report OUT.json] [--program ID]`: the engine's pass with
// the shipped seed data as districts and segments, then (without --dry-run) the write as an ImportJob.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Actor, AuditLog } from '../../graph/audit-log.js';
import type { Executor } from '../../graph/executor.js';
import { createJob, updateJob } from '../../graph/queries/jobs.js';
import { loadPlacementReviews } from '../../graph/queries/registry-feedback.js';
import { SHIPPED_DATA_DIR } from '../load/load.js';
import { validateDataDir } from '../load/validate.js';
import { DEFAULT_PLACEMENT, type Thresholds } from './config.js';
import { contextFromDataset } from './context.js';
import { type ReportRow, runRows } from './engine.js';
import { readRows } from './read.js';
import { applyFeedback, FeedbackIndex } from './learn.js';
import { matchExisting, proposeSameFirms } from './match-run.js';
import { datasetSourceId, fileSha256, finishRegistryJob, writeReport } from './write-run.js';

export interface RegistryWrite {
  executor: Executor;
  programId: string | null;
  confidence: { high: number; medium: number };
  audit: { log: AuditLog; actor: Actor };
}

const registryContext = () => contextFromDataset(validateDataDir(SHIPPED_DATA_DIR).dataset);

/**
 * Learning: moves the report's machine placements by people's reviews of similar ones (learn.ts);
 * returns how many moved. Reviewed placements of the same firm are kept as they are by the write.
 */
export async function applyReviews(executor: Executor, report: ReportRow[], limits: Thresholds): Promise<number> {
  const reviews = await executor.read((tx) => loadPlacementReviews(tx));
  const ctx = registryContext();
  return applyFeedback(report, new FeedbackIndex(reviews), limits, (id) => ctx.segments.get(id)?.parent ?? null);
}

/** Reads and classifies the file (no database). */
export async function classifyFile(
  file: string,
  log: (line: string) => void,
  limits: Thresholds,
): Promise<ReportRow[]> {
  const ctx = registryContext();
  return runRows(
    readRows(file, (p) => log(`read ${p.rows} rows, ${p.bytes}/${p.totalBytes} bytes`)),
    ctx,
    limits,
    (problems) => {
      for (const p of problems) log(`header: ${p}`);
    },
  );
}

export async function runRegistry(
  file: string,
  options: { report?: string; log: (line: string) => void; write?: RegistryWrite; limits?: Thresholds },
) {
  const limits = options.limits ?? DEFAULT_PLACEMENT;
  const report = await classifyFile(file, options.log, limits);
  const w = options.write;
  let written = '(dry run: nothing written)';
  if (w) {
    const moved = await applyReviews(w.executor, report, limits);
    if (moved) options.log(`${moved} placements moved by reviews of similar ones`);
    const pending = await matchExisting(w.executor, report);
    const jobId = `job:${randomUUID()}`;
    await createJob(w.executor, jobId, 'REGISTRY', `Importing ${basename(file)}`);
    try {
      const sha256 = await fileSha256(file);
      await updateJob(w.executor, jobId, { status: 'RUNNING', progress: 0.5, programId: w.programId });
      const c = await writeReport(w.executor, report, { jobId, fileName: basename(file), sha256, ...w });
      const asked = await proposeSameFirms(w.executor, pending, { sourceId: datasetSourceId(sha256), jobId, ...w });
      if (asked) options.log(`${asked} "same firm?" proposals for the review queue`);
      written = `job ${jobId}: ${await finishRegistryJob(w.executor, jobId, sha256, c)}`;
    } catch (error) {
      await updateJob(w.executor, jobId, { status: 'FAILED', message: (error as Error).message });
      throw error;
    }
  }
  if (options.report) writeFileSync(options.report, `${JSON.stringify(report, null, 1)}\n`);
  const skipped = report.filter((r) => r.action === 'skipped');
  const placements = report.flatMap((r) => r.placements);
  options.log(
    `${report.length} rows: ${report.length - skipped.length} usable, ${skipped.length} skipped; ` +
      `${placements.filter((p) => p.written === 'IN_SEGMENT').length} confident placements, ` +
      `${placements.filter((p) => p.written === 'proposal').length} proposals ${written}`,
  );
  for (const r of skipped) options.log(`  row ${r.row}: ${r.problems.join('; ')}`);
  return report;
}
