// A registry import that writes: the engine's report rows go to the graph in batches, each batch ONE
// write transaction with one audit entry (job id, counts, the file's SHA-256); the report gets what was
// written. Shared by the CLI and the server's job worker.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type Actor, type AuditLog, auditedWrite, newAuditId } from '../../graph/audit-log.js';
import type { Executor } from '../../graph/executor.js';
import { updateJob } from '../../graph/queries/jobs.js';
import { type RegistryFirm, upsertDatasetSource, writeRegistryBatch } from '../../graph/queries/registry-write.js';
import { currentImages, lockedImages, stampChanges } from '../../graph/queries/stamps.js';
import type { ReportRow } from './engine.js';

export interface WriteOptions {
  jobId: string;
  fileName: string;
  sha256: string;
  programId: string | null;
  confidence: { high: number; medium: number };
  audit: { log: AuditLog; actor: Actor };
  batchSize?: number;
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  placed: number;
  proposals: number;
  keptConfirmed: number;
  keptRejected: number;
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export const datasetSourceId = (sha256: string) => `source:dataset-${sha256.slice(0, 16)}`;

function toFirm(row: ReportRow): RegistryFirm {
  return {
    id: row.enterpriseId as string,
    name: row.name,
    uscc: row.uscc,
    registrationStatus: row.registrationStatus,
    formerNames: row.formerNames,
    tags: row.tags,
    // The engine gives a district only inside the region; a closed firm is not local supply.
    local: !!row.district && !row.closed,
    districtId: row.district?.id ?? null,
    placements: row.placements.map((p) => ({
      ...p,
      confident: p.written === 'IN_SEGMENT',
      dropped: p.written === 'dropped',
    })),
  };
}

/** Writes the usable rows; sets action and placements[].written on each report row in place. */
export async function writeReport(
  executor: Executor,
  report: ReportRow[],
  options: WriteOptions,
): Promise<WriteCounts> {
  const sourceId = datasetSourceId(options.sha256);
  const counts: WriteCounts = {
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    placed: 0,
    proposals: 0,
    keptConfirmed: 0,
    keptRejected: 0,
  };
  const usable = report.filter((r) => r.action !== 'skipped' && r.enterpriseId);
  for (const r of report) if (r.action === 'skipped' || !r.enterpriseId) counts.skipped++;
  for (const r of report)
    if (r.action !== 'skipped' && !r.enterpriseId) {
      r.action = 'skipped';
      r.problems.push('no 统一社会信用代码 or 注册号: the firm cannot be given a stable id');
    }
  for (const r of report) if (r.action === 'skipped') r.placements = []; // nothing of a skipped row is written
  const size = options.batchSize ?? 500;
  for (let start = 0; start < Math.max(usable.length, 1); start += size) {
    const batch = usable.slice(start, start + size);
    const batchCounts = await auditedWrite(options.audit.log, options.audit.actor, (appendPending) =>
      executor.write(async (tx) => {
        const sourceBefore = (await lockedImages(tx, [sourceId])).get(sourceId) ?? null;
        await upsertDatasetSource(tx, {
          id: sourceId,
          name: options.fileName,
          sha256: options.sha256,
          jobId: options.jobId,
        });
        const { outcomes, changes } = await writeRegistryBatch(tx, batch.map(toFirm), {
          jobId: options.jobId,
          sourceId,
          programId: options.programId,
          confidence: options.confidence,
        });
        const c = { created: 0, updated: 0, unchanged: 0, placed: 0, proposals: 0, keptConfirmed: 0, keptRejected: 0 };
        batch.forEach((row, i) => {
          row.action = outcomes[i].action;
          c[outcomes[i].action]++;
          row.placements.forEach((p, j) => {
            p.written = outcomes[i].written[j];
            if (p.written === 'IN_SEGMENT') c.placed++;
            else if (p.written === 'proposal') c.proposals++;
            else if (p.written === 'kept-confirmed') c.keptConfirmed++;
            else if (p.written === 'kept-rejected') c.keptRejected++;
          });
          row.placements = row.placements.filter((p) => p.written !== 'dropped');
        });
        const entry = {
          target: options.jobId,
          before: null,
          after: { sha256: options.sha256, rows: batch.length, counts: c },
        };
        const sourceAfter = (await currentImages(tx, [sourceId])).get(sourceId) ?? null;
        const source = { target: sourceId, before: sourceBefore, after: sourceAfter };
        // Stamped like the API's writes: writtenBy = the entry id and version + 1 on what changed.
        const stamped = [source, ...changes, entry].map((change) => ({ id: newAuditId(), ...change }));
        await stampChanges(tx, stamped);
        await appendPending(stamped.map((change) => ({ action: 'importRegistry', ...change })));
        return c;
      }),
    );
    for (const [k, v] of Object.entries(batchCounts)) counts[k as keyof WriteCounts] += v;
    await options.onProgress?.(start + batch.length, usable.length);
  }
  return counts;
}

/** The outcome of a registry job, recorded the same way by the CLI and the API: counts and a summary. */
export async function finishRegistryJob(
  executor: Executor,
  jobId: string,
  sha256: string,
  c: WriteCounts,
): Promise<string> {
  const message = `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped; ${c.placed} IN_SEGMENT, ${c.proposals} proposals, ${c.keptConfirmed} kept-confirmed, ${c.keptRejected} kept-rejected`;
  await updateJob(executor, jobId, {
    status: 'DONE',
    progress: 1,
    sourceId: datasetSourceId(sha256),
    counts: { facts: c.created + c.updated, proposals: c.proposals, skipped: c.skipped, reproposed: c.keptRejected },
    message,
  });
  return message;
}
