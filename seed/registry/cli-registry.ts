// `npm run seed -- registry FILE [--dry-run] [--report OUT.json] [--program ID]`: the engine's pass
// against ONE program as the graph holds it (its region's districts, its chains' segments: one read),
// then (without --dry-run) the write as an ImportJob. Phase times are logged (the bench reads them).
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Actor, AuditLog } from '../../graph/audit-log.js';
import type { Executor } from '../../graph/executor.js';
import { createJob, updateJob } from '../../graph/queries/jobs.js';
import { loadPlacementReviews } from '../../graph/queries/registry-feedback.js';
import { readRegistryScope } from '../../graph/queries/registry-scope.js';
import { DEFAULT_PLACEMENT, type Thresholds } from './config.js';
import { contextFromScope, type RegistryContext } from './context.js';
import { type ReportRow, runRows } from './engine.js';
import type { FileLimits } from '../file-limits.js';
import { readRows } from './read.js';
import { applyFeedback, FeedbackIndex } from './learn.js';
import { matchExisting, proposeSameFirms } from './match-run.js';
import { datasetSourceId, fileSha256, finishRegistryJob, writeReport } from './write-run.js';

export interface RegistryWrite {
  confidence: { high: number; medium: number };
  audit: { log: AuditLog; actor: Actor };
  /** Rows per write transaction (KG_REGISTRY_BATCH_ROWS); writeReport's default when absent. */
  batchSize?: number;
}

/** The program's districts and segments, read from the graph in one read transaction. */
export async function registryContext(executor: Executor, programId: string): Promise<RegistryContext> {
  return contextFromScope(await executor.read((tx) => readRegistryScope(tx, programId)));
}

/**
 * Learning: moves the report's machine placements by people's reviews of similar ones (learn.ts);
 * returns how many moved. Reviewed placements of the same firm are kept as they are by the write.
 */
export async function applyReviews(
  executor: Executor,
  report: ReportRow[],
  limits: Thresholds,
  ctx: RegistryContext,
): Promise<number> {
  const reviews = await executor.read((tx) => loadPlacementReviews(tx));
  return applyFeedback(report, new FeedbackIndex(reviews), limits, (id) => ctx.segments.get(id)?.parent ?? null);
}

/** Reads and classifies the file against the context (no database). */
export async function classifyFile(
  file: string,
  log: (line: string) => void,
  limits: Thresholds,
  ctx: RegistryContext,
  fileLimits?: FileLimits,
): Promise<ReportRow[]> {
  return runRows(
    readRows(file, (p) => log(`read ${p.rows} rows, ${p.bytes}/${p.totalBytes} bytes`), fileLimits),
    ctx,
    limits,
    (problems) => {
      for (const p of problems) log(`header: ${p}`);
    },
  );
}

export async function runRegistry(
  file: string,
  options: {
    executor: Executor;
    programId: string;
    report?: string;
    log: (line: string) => void;
    /** Absent: a dry run (reads, matches and classifies against the graph; writes only the report). */
    write?: RegistryWrite;
    limits?: Thresholds;
    /** KG_MAX_* (seed/settings.ts); the defaults when absent. */
    fileLimits?: FileLimits;
  },
) {
  const { executor, programId } = options;
  const limits = options.limits ?? DEFAULT_PLACEMENT;
  let t = performance.now();
  const phase = (name: string) => {
    options.log(`phase ${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
  };
  const ctx = await registryContext(executor, programId);
  phase(`context of ${programId} (${ctx.segments.size} segments, ${ctx.districts.length} districts)`);
  const report = await classifyFile(file, options.log, limits, ctx, options.fileLimits);
  phase('read and classify');
  const w = options.write;
  let written = '(dry run: nothing written)';
  if (w) {
    const moved = await applyReviews(executor, report, limits, ctx);
    if (moved) options.log(`${moved} placements moved by reviews of similar ones`);
    const pending = await matchExisting(executor, report);
    phase('reviews');
    const jobId = `job:${randomUUID()}`;
    await createJob(executor, jobId, 'REGISTRY', `Importing ${basename(file)}`);
    try {
      const sha256 = await fileSha256(file);
      await updateJob(executor, jobId, { status: 'RUNNING', progress: 0.5, programId });
      const c = await writeReport(executor, report, { jobId, fileName: basename(file), sha256, programId, ...w });
      const asked = await proposeSameFirms(executor, pending, {
        sourceId: datasetSourceId(sha256),
        jobId,
        programId,
        ...w,
      });
      if (asked) options.log(`${asked} "same firm?" proposals for the review queue`);
      written = `job ${jobId}: ${await finishRegistryJob(executor, jobId, sha256, c)}`;
      phase('write');
    } catch (error) {
      await updateJob(executor, jobId, { status: 'FAILED', message: (error as Error).message });
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
  for (const r of skipped.slice(0, 50)) options.log(`  row ${r.row}: ${r.problems.join('; ')}`);
  if (skipped.length > 50) options.log(`  … and ${skipped.length - 50} more skipped rows (see the report)`);
  return report;
}
