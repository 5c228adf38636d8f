// Registry fields (registry.graphql): importRegistry starts a job (editor), ImportJob.report pages its
// kept report, undoImportJob removes what a registry job wrote that no person confirmed (audited),
// reviewPlacement records a person's verdict on one machine placement (audited).
import { auditedWrite } from '../../graph/audit-log.js';
import { getJob, updateJob } from '../../graph/queries/jobs.js';
import { reviewPlacement } from '../../graph/queries/registry-review.js';
import { undoRegistryJob } from '../../graph/queries/registry-write.js';
import type { ImportJobResolvers, MutationResolvers } from '../generated/graphql.js';
import { notFound } from '../../graph/errors.js';
import { badUserInput } from '../errors.js';
import { readReportPage, reportDirOf } from '../jobs/report-store.js';
import { startRegistryJob } from '../jobs/registry-job.js';
import { requireRole } from '../plugins/access.js';
import { pageSize } from './root.js';
import { refuseUnless } from '../../seed/file-check/sniff.js';

export const registryMutation: Pick<MutationResolvers, 'importRegistry' | 'undoImportJob' | 'reviewPlacement'> = {
  importRegistry: async (_, { file, programId, dryRun }, context) => {
    requireRole(context, 'editor', 'importRegistry');
    const upload = file as File;
    if (!/\.(csv|xlsx)$/i.test(upload.name))
      throw badUserInput(`${JSON.stringify(upload.name)}: give a registry export as .csv or .xlsx.`);
    const bytes = new Uint8Array(await upload.arrayBuffer());
    // Wrong bytes under a right name (an .xlsx that is an HTML page) are refused at once; the rest of the
    // checks (zip pre-pass, columns, record length) run in the job's reader thread.
    const xlsx = /\.xlsx$/i.test(upload.name);
    try {
      refuseUnless(bytes, upload.name, [xlsx ? 'zip' : 'text'], xlsx ? 'an XLSX workbook' : 'a CSV file');
    } catch (error) {
      throw badUserInput((error as Error).message);
    }
    const started = await startRegistryJob(
      {
        executor: context.executor,
        auditLog: context.auditLog,
        actor: context.actor,
        confidence: context.config.confidenceThresholds,
        placement: context.config.placement,
        reportDir: reportDirOf(context.config.auditFile),
        fileLimits: context.config.fileLimits,
        batchRows: context.config.registryBatchRows,
      },
      {
        bytes,
        fileName: upload.name,
        programId: programId ?? context.config.defaultProgram,
        dryRun: !!dryRun,
      },
    );
    return started.job;
  },

  undoImportJob: async (_, { id }, context) => {
    requireRole(context, 'editor', 'undoImportJob');
    const job = await getJob(context.executor, id);
    if (!job) throw notFound(`The import job ${JSON.stringify(id)}`);
    if (job.kind !== 'REGISTRY')
      throw badUserInput(`${id} is a ${job.kind} job; its proposals are reviewed or rejected in the queue instead.`);
    if (job.status === 'QUEUED' || job.status === 'RUNNING')
      throw badUserInput(`${id} is still ${job.status.toLowerCase()}; undo it once it is done.`);
    const removed = await auditedWrite(context.auditLog, context.actor, (appendPending) =>
      context.executor.write(async (tx) => {
        const counts = await undoRegistryJob(tx, id);
        await appendPending([{ action: 'undoImportJob', target: id, before: null, after: counts }]);
        return counts;
      }),
    );
    await updateJob(context.executor, id, {
      message: `Undone: removed ${removed.enterprises} firms, ${removed.relationships} relationships, ${removed.proposals} open proposals.`,
    });
    return { job: (await getJob(context.executor, id))!, ...removed } as never;
  },

  reviewPlacement: (_, { enterpriseId, segmentId, decision }, context) => {
    requireRole(context, 'editor', 'reviewPlacement');
    return auditedWrite(context.auditLog, context.actor, (appendPending) =>
      context.executor.write(async (tx) => {
        const { review, change } = await reviewPlacement(tx, enterpriseId, segmentId, decision);
        await appendPending([{ action: 'reviewPlacement', ...change }]);
        return review;
      }),
    );
  },
};

export const importJobReport: Pick<ImportJobResolvers, 'report'> = {
  report: async (job, { first, after }, context) => {
    requireRole(context, 'editor', 'ImportJob.report');
    if (job.kind !== 'REGISTRY') return null;
    try {
      return (await readReportPage(
        reportDirOf(context.config.auditFile),
        job.id,
        pageSize(first, 100, 1000),
        after ?? null,
      )) as never;
    } catch (error) {
      throw badUserInput((error as Error).message);
    }
  },
};
