// The write of an ingestion, shared by the server's jobs and the CLI: the Source and its proposals in
// ONE write transaction whose audit entries (one per proposal, one for the batch) reach the audit store
// before commit. A failure anywhere rolls everything back.
import { type Actor, type AuditLog, auditedWrite, newAuditId } from '../../graph/audit-log.js';
import { stampChanges } from '../../graph/queries/stamps.js';
import type { Executor } from '../../graph/executor.js';
import { findSourceByText, updateJob } from '../../graph/queries/jobs.js';
import type { Extraction } from './engine.js';
import { type DocumentMeta, type FilingOptions, fileDocument } from './file-document.js';

export function storeDocument(
  executor: Executor,
  audit: { log: AuditLog; actor: Actor },
  meta: DocumentMeta,
  extraction: Extraction,
  options: FilingOptions,
) {
  return auditedWrite(audit.log, audit.actor, (appendPending) =>
    executor.write(async (tx) => {
      const result = await fileDocument(tx, meta, extraction, options);
      const batch = {
        target: options.jobId,
        before: null,
        after: { sha256: extraction.sha256, counts: result.counts },
      };
      const stamped = [...result.changes, batch].map((change) => ({ id: newAuditId(), ...change }));
      await stampChanges(tx, stamped);
      await appendPending(stamped.map((change) => ({ action: 'ingestDocument', ...change })));
      return result;
    }),
  );
}

export interface FiledJob {
  sourceId: string;
  alreadyIngested: boolean;
  message: string;
}

/**
 * The end of every document job (API and CLI alike): nothing new when the same text was ingested before
 * (unless force), else the Source and its proposals filed in one transaction; the job records the outcome.
 */
export async function fileExtraction(
  executor: Executor,
  audit: { log: AuditLog; actor: Actor },
  meta: DocumentMeta,
  extraction: Extraction,
  options: FilingOptions & { forceHint: string; beforeFiling?: () => void },
): Promise<FiledJob> {
  const earlier = await findSourceByText(executor, extraction.sha256);
  if (earlier && !options.force) {
    const message = `The same text was ingested before as ${earlier}; nothing new filed (${options.forceHint} reads it again).`;
    await updateJob(executor, options.jobId, { status: 'DONE', progress: 1, sourceId: earlier, message });
    return { sourceId: earlier, alreadyIngested: true, message };
  }
  options.beforeFiling?.();
  await updateJob(executor, options.jobId, {
    progress: 0.6,
    message: `Filing ${extraction.facts.length} facts as proposals`,
  });
  const filed = await storeDocument(executor, audit, meta, extraction, options);
  const notes = [...extraction.warnings, ...filed.warnings];
  const message =
    `Filed ${filed.counts.proposals} proposals from ${filed.sourceId} (${filed.counts.skipped} skipped, ${filed.counts.reproposed} rejected before)${notes.length ? `; ${notes.join(' | ')}` : ''}`.slice(
      0,
      4000,
    );
  await updateJob(executor, options.jobId, {
    status: 'DONE',
    progress: 1,
    sourceId: filed.sourceId,
    programId: extraction.programId ?? options.programId ?? null,
    counts: filed.counts,
    message,
  });
  return { sourceId: filed.sourceId, alreadyIngested: false, message };
}
