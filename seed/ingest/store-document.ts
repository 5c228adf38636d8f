// The write of an ingestion, shared by the server's jobs and the CLI: the Source and its proposals in
// ONE write transaction whose audit entries (one per proposal, one for the batch) reach the audit store
// before commit. A failure anywhere rolls everything back.
import { type Actor, type AuditLog, auditedWrite } from '../../graph/audit-log.js';
import type { Executor } from '../../graph/executor.js';
import type { Extraction } from './engine.js';
import { type DocumentMeta, type FilingOptions, fileDocument } from './file-document.js';

/** The Source already holding this text (same SHA-256), if any. */
export async function sourceWithText(executor: Executor, sha256: string): Promise<string | null> {
  const [row] = await executor.query('MATCH (s:Source {sha256: $sha}) RETURN s.id AS id LIMIT 1', { sha: sha256 });
  return row ? String(row.id) : null;
}

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
      await appendPending([...result.changes, batch].map((change) => ({ action: 'ingestDocument', ...change })));
      return result;
    }),
  );
}
