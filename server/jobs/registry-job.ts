// A registry import as a job: the upload is saved to a temporary file, read and classified in a worker
// thread, then (unless a dry run) written in audited batches on this thread (seed/registry/write-run.ts).
// The report is kept per job (report-store.ts); a failure is recorded on the job with its reason.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Actor, AuditLog } from '../../graph/audit-log.js';
import type { Executor } from '../../graph/executor.js';
import { createJob, getJob, type ImportJobRow, updateJob } from '../../graph/queries/jobs.js';
import { applyReviews, registryContext } from '../../seed/registry/cli-registry.js';
import type { RegistryContext } from '../../seed/registry/context.js';
import { dropPlacements } from '../../seed/registry/learn.js';
import type { Thresholds } from '../../seed/registry/config.js';
import type { ReportRow } from '../../seed/registry/engine.js';
import type { RegistryReadRequest } from './registry-worker.js';
import { matchExisting, proposeSameFirms } from '../../seed/registry/match-run.js';
import { datasetSourceId, fileSha256, finishRegistryJob, writeReport } from '../../seed/registry/write-run.js';
import { saveReport } from './report-store.js';
import { runReader } from './run-reader.js';
import { DEFAULT_FILE_LIMITS, type FileLimits } from '../../seed/file-limits.js';

export interface RegistryDeps {
  executor: Executor;
  auditLog: AuditLog;
  actor: Actor;
  confidence: { high: number; medium: number };
  /** When the classifier writes, proposes or drops (KG_PLACEMENT_*). */
  placement: Thresholds;
  reportDir: string;
  /** KG_MAX_*, KG_READ_* (seed/file-limits.ts); the defaults when absent. */
  fileLimits?: FileLimits;
  /** Rows per write transaction (KG_REGISTRY_BATCH_ROWS); writeReport's default when absent. */
  batchRows?: number;
}

export interface RegistryRequest {
  bytes: Uint8Array;
  fileName: string;
  /** The program whose segments and region the firms are placed on (the resolver gives the default one). */
  programId: string;
  dryRun: boolean;
}

/** Reads and classifies in a reader process bounded in time and heap (KG_READ_TIMEOUT_MS, KG_READ_MAX_HEAP_MB). */
async function classifyInWorker(
  path: string,
  limits: Thresholds,
  ctx: RegistryContext,
  fileLimits: FileLimits,
): Promise<ReportRow[]> {
  const url = new URL('./registry-worker-entry.mjs', import.meta.url);
  const request: RegistryReadRequest = { path, limits, ctx, fileLimits };
  const m = await runReader<{ report?: ReportRow[] }>(url, request, fileLimits, 'the registry file');
  return m.report ?? [];
}

/** Creates the job and returns it queued; `done` settles when it is DONE or FAILED (never rejects). */
export async function startRegistryJob(
  deps: RegistryDeps,
  request: RegistryRequest,
): Promise<{ job: ImportJobRow; done: Promise<ImportJobRow> }> {
  const { executor } = deps;
  const jobId = `job:${randomUUID()}`;
  const job = await createJob(executor, jobId, 'REGISTRY', `Reading ${request.fileName}`);
  const done = (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kg-registry-'));
    try {
      const ext = extname(request.fileName).toLowerCase() === '.xlsx' ? '.xlsx' : '.csv';
      const path = join(dir, `upload${ext}`);
      await writeFile(path, request.bytes);
      await updateJob(executor, jobId, { status: 'RUNNING', progress: 0.1, programId: request.programId });
      const ctx = await registryContext(executor, request.programId);
      const report = await classifyInWorker(path, deps.placement, ctx, deps.fileLimits ?? DEFAULT_FILE_LIMITS);
      await applyReviews(executor, report, deps.placement, ctx);
      const pending = await matchExisting(executor, report);
      const sha256 = await fileSha256(path);
      if (request.dryRun) {
        dropPlacements(report);
        await saveReport(deps.reportDir, jobId, report);
        const placements = report.flatMap((r) => r.placements);
        await updateJob(executor, jobId, {
          status: 'DONE',
          progress: 1,
          counts: {
            facts: 0,
            proposals: 0,
            skipped: report.filter((r) => r.action === 'skipped').length,
            reproposed: 0,
          },
          message: `Dry run: ${report.length} rows, ${placements.length} placements; nothing written.`,
        });
        return;
      }
      await updateJob(executor, jobId, { progress: 0.5, message: `Writing ${report.length} rows` });
      const c = await writeReport(executor, report, {
        jobId,
        fileName: request.fileName,
        sha256,
        programId: request.programId,
        confidence: deps.confidence,
        audit: { log: deps.auditLog, actor: deps.actor },
        batchSize: deps.batchRows,
        onProgress: (n, total) => updateJob(executor, jobId, { progress: 0.5 + (0.5 * n) / Math.max(total, 1) }),
      });
      await proposeSameFirms(executor, pending, {
        sourceId: datasetSourceId(sha256),
        jobId,
        programId: request.programId,
        audit: { log: deps.auditLog, actor: deps.actor },
      });
      await saveReport(deps.reportDir, jobId, report);
      await finishRegistryJob(executor, jobId, sha256, c);
    } catch (error) {
      await updateJob(executor, jobId, {
        status: 'FAILED',
        message: `Stopped: ${(error as Error).message}. Batches committed before the failure stay (undoImportJob removes them).`,
      }).catch(() => {});
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })().then(async () => (await getJob(executor, jobId))!);
  return { job, done };
}
