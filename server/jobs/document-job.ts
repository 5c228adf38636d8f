// A document ingestion as a job: read and extract in a worker thread, then file the Source and its
// proposals in ONE audited write transaction on this thread. The job node records progress and, on
// failure, why (the facts' transaction is rolled back, so a failed job has written nothing).
import { randomUUID } from 'node:crypto';
import type { Actor, AuditLog } from '../../graph/audit-log.js';
import type { Executor } from '../../graph/executor.js';
import { createJob, getJob, type ImportJobRow, updateJob } from '../../graph/queries/jobs.js';
import { type DocumentFile, type Extraction, loadDictionary } from '../../seed/ingest/engine.js';
import type { FileLimits } from '../../seed/file-limits.js';
import type { DocumentMeta } from '../../seed/ingest/file-document.js';
import { fileExtraction } from '../../seed/ingest/store-document.js';
import type { ReadRequest } from './read-worker.js';
import { readInWorker } from './run-reader.js';

export interface IngestDeps {
  executor: Executor;
  auditLog: AuditLog;
  actor: Actor;
  thresholds: { high: number; medium: number };
  /** File limits given to the reader (seed/file-limits.ts); its defaults when absent. */
  limits?: FileLimits;
  /** The reader (default: the extraction engine in a worker thread); tests give their own. */
  reader?: (request: ReadRequest) => Promise<{ extraction: Extraction }>;
}

export interface IngestRequest {
  meta: DocumentMeta;
  file?: DocumentFile;
  text?: string;
  programId?: string | null;
  force?: boolean;
}

export interface IngestStart {
  job: ImportJobRow;
  /** The stored source when the same text was ingested before (and force was not set). */
  sourceId: string | null;
  alreadyIngested: boolean;
  /** Settles when the job is done or failed (never rejects: a failure is recorded on the job). */
  done: Promise<ImportJobRow>;
}

/**
 * Starts a job and resolves once the document is read (so the caller learns whether it was ingested
 * before); filing the proposals continues in the background, followed on the job.
 */
export async function startDocumentJob(deps: IngestDeps, request: IngestRequest): Promise<IngestStart> {
  const jobId = `job:${randomUUID()}`;
  const { executor } = deps;
  await createJob(executor, jobId, 'DOCUMENT', `Reading ${request.meta.title}`);
  let announce: (value: { sourceId: string | null; alreadyIngested: boolean }) => void = () => {};
  const read = new Promise<{ sourceId: string | null; alreadyIngested: boolean }>((resolve) => {
    announce = resolve;
  });
  const done = (async () => {
    try {
      await updateJob(executor, jobId, { status: 'RUNNING', progress: 0.1, message: 'Reading the document' });
      const reader = deps.reader ?? readInWorker;
      const dictionary = deps.reader ? { entries: [], programs: [] } : await loadDictionary(executor);
      const { extraction } = await reader({
        file: request.file,
        text: request.text,
        title: request.meta.title,
        publishedOn: request.meta.publishedOn ?? undefined,
        programId: request.programId ?? undefined,
        dictionary,
        limits: deps.limits,
      });
      const filed = await fileExtraction(
        executor,
        { log: deps.auditLog, actor: deps.actor },
        request.meta,
        extraction,
        {
          jobId,
          programId: request.programId ?? null,
          force: !!request.force,
          thresholds: deps.thresholds,
          forceHint: 'force: true',
          beforeFiling: () => announce({ sourceId: null, alreadyIngested: false }),
        },
      );
      if (filed.alreadyIngested) announce({ sourceId: filed.sourceId, alreadyIngested: true });
    } catch (error) {
      announce({ sourceId: null, alreadyIngested: false });
      await updateJob(executor, jobId, {
        status: 'FAILED',
        message: `Nothing was written: ${(error as Error).message}`,
      }).catch(() => {});
    }
  })().then(async () => (await getJob(executor, jobId))!);
  const { sourceId, alreadyIngested } = await read;
  return { job: (await getJob(executor, jobId))!, sourceId, alreadyIngested, done };
}
