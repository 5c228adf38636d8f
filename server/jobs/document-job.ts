// A document ingestion as a job: read and extract in a worker thread, then file the Source and its
// proposals in ONE audited write transaction on this thread. The job node records progress and, on
// failure, why (the facts' transaction is rolled back, so a failed job has written nothing).
import { randomUUID } from 'node:crypto';
import type { Actor, AuditLog } from '../../graph/audit-log.js';
import type { Executor } from '../../graph/executor.js';
import { createJob, getJob, type ImportJobRow, updateJob } from '../../graph/queries/jobs.js';
import { type DocumentFile, type Extraction, loadDictionary } from '../../seed/ingest/engine.js';
import type { DocumentMeta } from '../../seed/ingest/file-document.js';
import { sourceWithText, storeDocument } from '../../seed/ingest/store-document.js';
import type { ReadRequest } from './read-worker.js';
import { readInWorker } from './run-reader.js';

export interface IngestDeps {
  executor: Executor;
  auditLog: AuditLog;
  actor: Actor;
  thresholds: { high: number; medium: number };
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
      });
      const earlier = await sourceWithText(executor, extraction.sha256);
      if (earlier && !request.force) {
        const sourceId = earlier;
        announce({ sourceId, alreadyIngested: true });
        await updateJob(executor, jobId, {
          status: 'DONE',
          progress: 1,
          sourceId,
          message: `The same text was ingested before as ${sourceId}; nothing new filed (force: true reads it again).`,
        });
        return;
      }
      announce({ sourceId: null, alreadyIngested: false });
      await updateJob(executor, jobId, {
        progress: 0.6,
        message: `Filing ${extraction.facts.length} facts as proposals`,
      });
      const filed = await storeDocument(executor, { log: deps.auditLog, actor: deps.actor }, request.meta, extraction, {
        jobId,
        programId: request.programId ?? null,
        force: !!request.force,
        thresholds: deps.thresholds,
      });
      const notes = [...extraction.warnings, ...filed.warnings];
      await updateJob(executor, jobId, {
        status: 'DONE',
        progress: 1,
        sourceId: filed.sourceId,
        programId: extraction.programId ?? request.programId ?? null,
        counts: filed.counts,
        message: `Filed ${filed.counts.proposals} proposals${notes.length ? `; ${notes.join(' | ')}` : ''}`.slice(
          0,
          4000,
        ),
      });
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
