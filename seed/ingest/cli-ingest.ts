// `npm run seed -- ingest FILE`: reads a document (type from its extension or content), extracts its
// facts and files them as proposals exactly as the API's ingestDocument does, in this process (a CLI
// has no request loop to keep free, so no worker thread; no size limit). Recorded as an ImportJob.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Actor, AuditLog } from '../../graph/audit-log.js';
import type { Executor } from '../../graph/executor.js';
import { documentMetaProblem } from '../../graph/model-rules.js';
import { createJob, updateJob } from '../../graph/queries/jobs.js';
import { loadDictionary, loadExtractor } from './engine.js';
import { fileExtraction } from './store-document.js';
import type { FileLimits } from '../file-limits.js';

export interface IngestFileOptions {
  title?: string;
  publishedOn?: string;
  url?: string;
  publisher?: string;
  programId?: string;
  force?: boolean;
  thresholds: { high: number; medium: number };
  audit: { log: AuditLog; actor: Actor };
  log: (line: string) => void;
  /** KG_MAX_* (seed/settings.ts); the defaults when absent. */
  fileLimits?: FileLimits;
}

export async function ingestFile(executor: Executor, file: string, options: IngestFileOptions): Promise<string> {
  const bytes = new Uint8Array(readFileSync(resolve(file)));
  const engine = await loadExtractor();
  const jobId = `job:${randomUUID()}`;
  await createJob(executor, jobId, 'DOCUMENT', `Reading ${basename(file)}`);
  try {
    await updateJob(executor, jobId, { status: 'RUNNING', progress: 0.1 });
    const document = await engine.readDocument({ file: { bytes, filename: basename(file) } }, options.fileLimits);
    const title = options.title ?? document.title ?? basename(file);
    const extraction = engine.extractFacts(document.text, {
      dictionary: await loadDictionary(executor),
      publishedOn: options.publishedOn,
      title,
      programId: options.programId,
    });
    options.log(`Read ${document.format}: ${document.text.length} characters, ${extraction.facts.length} facts.`);
    for (const warning of [...document.warnings, ...extraction.warnings]) options.log(`  warning: ${warning}`);
    const meta = { title, url: options.url, publisher: options.publisher, publishedOn: options.publishedOn };
    const problem = documentMetaProblem(meta);
    if (problem) throw new Error(`The document's ${problem}.`);
    const filed = await fileExtraction(executor, options.audit, meta, extraction, {
      jobId,
      programId: options.programId ?? null,
      force: !!options.force,
      thresholds: options.thresholds,
      forceHint: '--force',
    });
    options.log(`${filed.message} Job ${jobId}.`);
    return jobId;
  } catch (error) {
    await updateJob(executor, jobId, { status: 'FAILED', message: `Nothing was written: ${(error as Error).message}` });
    throw error;
  }
}
