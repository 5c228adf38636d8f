// Registry matching around the write (contract §3): before it, rows find the graph firms they are;
// after it (the dataset Source then exists), near matches become "same firm?" proposals, one audit
// entry for them all. Shared by the CLI and the server's job.
import type { Actor, AuditLog } from '../../graph/audit-log.js';
import { auditedWrite } from '../../graph/audit-log.js';
import type { Executor } from '../../graph/executor.js';
import { loadFirmNames, loadSameFirmProposals, proposeSameFirm } from '../../graph/queries/registry-match.js';
import type { ReportRow } from './engine.js';
import { applyMatches, decisionKey, FirmIndex, type GraphFirm, type SameFirmDecisions } from './match.js';

export interface PendingSameFirm {
  questions: ReturnType<typeof applyMatches>;
  firms: Map<string, GraphFirm>;
  /** Pairs already waiting in the queue: not proposed twice. */
  open: Set<string>;
}

export async function matchExisting(executor: Executor, report: ReportRow[]): Promise<PendingSameFirm> {
  const [firms, asked] = await executor.read(
    async (tx) => [await loadFirmNames(tx), await loadSameFirmProposals(tx)] as const,
  );
  const decided: SameFirmDecisions = new Map();
  const open = new Set<string>();
  for (const a of asked) {
    const key = decisionKey(a.enterpriseId, a.rowName);
    if (a.status === 'confirmed') decided.set(key, true);
    else if (a.status === 'rejected' && !decided.has(key)) decided.set(key, false);
    else if (a.status === 'proposed') open.add(key);
  }
  const questions = applyMatches(report, new FirmIndex(firms), decided);
  return { questions, firms: new Map(firms.map((f) => [f.id, f])), open };
}

/** Writes the "same firm?" proposals of a run (after writeReport, which creates the dataset Source). */
export async function proposeSameFirms(
  executor: Executor,
  pending: PendingSameFirm,
  meta: { sourceId: string; jobId: string; programId: string | null; audit: { log: AuditLog; actor: Actor } },
): Promise<number> {
  const fresh = pending.questions.filter((q) => !pending.open.has(decisionKey(q.enterpriseId, q.rowName)));
  if (!fresh.length) return 0;
  await auditedWrite(meta.audit.log, meta.audit.actor, (appendPending) =>
    executor.write(async (tx) => {
      const changes = [];
      for (const q of fresh) {
        const firm = pending.firms.get(q.enterpriseId);
        changes.push(
          await proposeSameFirm(
            tx,
            { ...q, graphAliases: firm?.aliases ?? [], graphHasCode: !!firm?.uscc },
            { sourceId: meta.sourceId, jobId: meta.jobId, programId: meta.programId },
          ),
        );
      }
      await appendPending(changes.map((change) => ({ action: 'importRegistry', ...change })));
    }),
  );
  return fresh.length;
}
