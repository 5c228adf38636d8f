// Ingestion fields (ingestion.graphql): extract (writes nothing) and ingestDocument (a job) for editors,
// the jobs, the review queue, and bulk review for admins (one transaction per proposal, so one that
// fails or was already reviewed does not undo the others).
import { auditedWrite } from '../../graph/audit-log.js';
import { documentMetaProblem } from '../../graph/model-rules.js';
import { getJob, listJobs } from '../../graph/queries/jobs.js';
import { listProposalPage, proposalIdsMatching } from '../../graph/queries/proposal-queue.js';
import { getProposal, reviewProposal } from '../../graph/queries/proposals.js';
import { findNodesByIds } from '../../graph/queries/entities.js';
import type {
  DocumentInput,
  MutationResolvers,
  QueryResolvers,
  ReviewDecision,
  ResolversTypes,
} from '../generated/graphql.js';
import type { AppContext } from '../context.js';
import { badUserInput } from '../errors.js';
import { entityRecord } from '../loading/records.js';
import { requireRole } from '../plugins/access.js';
import { type DocumentFile, loadDictionary } from '../../seed/ingest/engine.js';
import { startDocumentJob } from '../jobs/document-job.js';
import { readInWorker, ReadError } from '../jobs/run-reader.js';
import { withActors } from './curation.js';
import { pageSize } from './root.js';

const MAX_REVIEW = 500;

async function documentParts(document: DocumentInput): Promise<{ file?: DocumentFile; text?: string }> {
  if (!document.file === !document.text) throw badUserInput('Give the document as exactly one of file or text.');
  const problem = documentMetaProblem(document);
  if (problem) throw badUserInput(`The document's ${problem}.`);
  if (document.text) return { text: document.text };
  const file = document.file as File;
  return { file: { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name, mimeType: file.type } };
}

const meta = (d: DocumentInput) => ({
  title: d.title,
  url: d.url ?? null,
  publisher: d.publisher ?? null,
  publishedOn: d.publishedOn ?? null,
});

async function loadSource(context: AppContext, id: string | null) {
  if (!id) return null;
  const [node] = await context.executor.read((tx) => findNodesByIds(tx, [id]));
  return node ? entityRecord(node) : null;
}

export const ingestionMutation: Pick<MutationResolvers, 'extract' | 'ingestDocument' | 'reviewProposals'> = {
  extract: async (_, { document }, context) => {
    requireRole(context, 'editor', 'extract');
    const parts = await documentParts(document);
    const dictionary = await loadDictionary(context.executor);
    try {
      const { extraction } = await readInWorker({
        ...parts,
        title: document.title,
        publishedOn: document.publishedOn ?? undefined,
        programId: document.programId ?? undefined,
        dictionary,
        limits: context.config.fileLimits,
      });
      return extraction as ResolversTypes['Extraction'];
    } catch (error) {
      if (error instanceof ReadError) throw badUserInput(error.message);
      throw error;
    }
  },

  ingestDocument: async (_, { document }, context) => {
    requireRole(context, 'editor', 'ingestDocument');
    const parts = await documentParts(document);
    const started = await startDocumentJob(
      {
        executor: context.executor,
        auditLog: context.auditLog,
        actor: context.actor,
        thresholds: context.config.confidenceThresholds,
        limits: context.config.fileLimits,
      },
      { meta: meta(document), ...parts, programId: document.programId ?? null, force: !!document.force },
    );
    return {
      job: started.job,
      source: await loadSource(context, started.sourceId),
      alreadyIngested: started.alreadyIngested,
    };
  },

  reviewProposals: async (_, { ids, filter, decision, edits, comment }, context) => {
    requireRole(context, 'admin', 'reviewProposals');
    if (!ids === !filter) throw badUserInput('Give exactly one of ids or filter.');
    if (ids && ids.length > MAX_REVIEW) throw badUserInput(`At most ${MAX_REVIEW} ids at a time.`);
    const chosen =
      ids ??
      (await context.executor.read((tx) => proposalIdsMatching(tx, { status: 'proposed', ...filter! }, MAX_REVIEW)));
    const editMap = checkEdits(edits, chosen.length, decision);
    const reviewed = new Set<string>();
    const results = [];
    for (const id of chosen) {
      try {
        const proposal = await reviewOne(context, id, decision, comment ?? null, editMap, reviewed);
        results.push({ id, proposal, error: null });
      } catch (error) {
        results.push({ id, proposal: null, error: (error as Error).message });
      }
    }
    const joined = await withActors(
      context.auditLog,
      results.flatMap((r) => (r.proposal ? [r.proposal] : [])),
    );
    const byId = new Map(joined.map((p) => [p.id, p]));
    return results.map((r) => ({ ...r, proposal: r.proposal ? byId.get(r.id)! : null }));
  },
};

async function reviewOne(
  context: AppContext,
  id: string,
  decision: ReviewDecision,
  comment: string | null,
  edits: Record<string, unknown> | null,
  reviewed: Set<string>,
) {
  // A proposal reviewed earlier in this call (as a dependency) is reported with its new state.
  if (reviewed.has(id)) {
    const proposal = await context.executor.read((tx) => getProposal(tx, id));
    if (proposal && proposal.status !== 'proposed') return proposal;
  }
  return auditedWrite(context.auditLog, context.actor, (appendPending) =>
    context.executor.write(async (tx) => {
      const { proposal, changes } = await reviewProposal(tx, id, decision, comment, edits);
      for (const change of changes) reviewed.add(change.target);
      await appendPending(changes.map((change) => ({ action: 'reviewProposals', ...change })));
      return proposal;
    }),
  );
}

/** Edits change one fact before it is confirmed: an object of names and numbers (or other plain values). */
function checkEdits(edits: unknown, count: number, decision: ReviewDecision): Record<string, unknown> | null {
  if (edits === null || edits === undefined) return null;
  if (decision !== 'CONFIRM') throw badUserInput('edits apply when confirming; leave them out when rejecting.');
  if (count !== 1) throw badUserInput('edits change one fact: review that proposal alone (one id).');
  if (typeof edits !== 'object' || Array.isArray(edits))
    throw badUserInput('edits is an object of property names and values, e.g. {"name": "泸州白酒产业链"}.');
  for (const [key, value] of Object.entries(edits as Record<string, unknown>)) {
    const plain = ['string', 'number', 'boolean'].includes(typeof value);
    if (!/^[a-z][A-Za-z0-9]*$/.test(key) || !plain)
      throw badUserInput(`edits.${key}: give a camelCase property with a string, number or boolean value.`);
  }
  return edits as Record<string, unknown>;
}

export const ingestionQuery: Pick<QueryResolvers, 'importJob' | 'importJobs' | 'proposalQueue'> = {
  importJob: (_, { id }, context) => {
    requireRole(context, 'editor', 'importJob');
    return getJob(context.executor, id);
  },
  importJobs: (_, { first }, context) => {
    requireRole(context, 'editor', 'importJobs');
    return listJobs(context.executor, pageSize(first, 20, 200));
  },
  proposalQueue: async (_, { filter, first, after }, context) => {
    requireRole(context, 'editor', 'proposalQueue');
    const page = await context.executor.read((tx) => listProposalPage(tx, filter, pageSize(first, 50, 500), after));
    const joined = await withActors(
      context.auditLog,
      page.rows.map((r) => r.proposal),
    );
    return {
      edges: page.rows.map((r, i) => ({ cursor: r.cursor, node: joined[i] })),
      nodes: joined,
      endCursor: page.endCursor,
      hasMore: page.hasMore,
      totalCount: page.totalCount,
    };
  },
};
