// Curation mutations (editor), review (admin), proposals and the audit trail. Each mutation is ONE
// write transaction whose audit entry reaches the audit store before commit (writeRoot); inputs are
// validated first. The trail and who proposed/reviewed are read from the store, never from the graph.
import type { AuditLog } from '../../graph/audit-log.js';
import { actorLabel, findActors, readAuditTrail } from '../../graph/audit-trail.js';
import {
  recordTargetStage,
  requireSources,
  targetRelationship,
  upsertNode,
  upsertRelationship,
} from '../../graph/queries/curation.js';
import { findNodesByIds } from '../../graph/queries/entities.js';
import { createProposal, listProposals, type ProposalRow, reviewProposal } from '../../graph/queries/proposals.js';
import type { RelWithEnds } from '../../graph/queries/common.js';
import type { MutationResolvers, ProposalResolvers, QueryResolvers } from '../generated/graphql.js';
import { buildTargetRole, entityRecord, type EntityRecord } from '../loading/records.js';
import { requireRole } from '../plugins/access.js';
import { citations } from './entity-fields.js';
import {
  districtLinkInput,
  enterpriseInput,
  parseInput,
  proposalInput,
  segmentLinkInput,
  sourceInput,
  targetStageInput,
} from './curation-input.js';
import { pageSize, readRoot, writeRoot } from './root.js';
import type { ManagedTransaction } from 'neo4j-driver';

async function reload(tx: ManagedTransaction, id: string): Promise<EntityRecord> {
  const [node] = await findNodesByIds(tx, [id]);
  return entityRecord(node);
}

/** Who proposed and who reviewed each proposal, from the audit store in one read. */
export async function withActors(log: AuditLog, proposals: ProposalRow[]): Promise<ProposalRow[]> {
  const ids = proposals.map((p) => p.id);
  // Proposals are filed by proposeFact or an ingestion; reviewed one by one or in bulk.
  const [proposers, ingested, reviewers, bulk] = await Promise.all([
    findActors(log, 'proposeFact', ids),
    findActors(log, 'ingestDocument', ids),
    findActors(log, 'reviewProposal', ids),
    findActors(log, 'reviewProposals', ids),
  ]);
  return proposals.map((p) => ({
    ...p,
    proposedBy: p.proposedBy ?? proposers.get(p.id) ?? ingested.get(p.id) ?? null,
    reviewedBy: p.reviewedBy ?? reviewers.get(p.id) ?? bulk.get(p.id) ?? null,
  }));
}

const withoutNull = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

export const Mutation: MutationResolvers = {
  upsertSource: (_, { input }, context, info) => {
    requireRole(context, 'editor', 'upsertSource');
    const source = parseInput(sourceInput, input);
    return writeRoot(context, info, async (tx) => {
      const { id, ...props } = source;
      const change = await upsertNode(tx, 'Source', id, withoutNull(props));
      return { value: await reload(tx, id), changes: [change] };
    });
  },

  upsertEnterprise: (_, { input }, context, info) => {
    requireRole(context, 'editor', 'upsertEnterprise');
    const firm = parseInput(enterpriseInput, input);
    return writeRoot(context, info, async (tx) => {
      await requireSources(tx, firm.sources);
      const { id, ...props } = firm;
      const change = await upsertNode(tx, 'Enterprise', id, withoutNull(props));
      return { value: await reload(tx, id), changes: [change] };
    });
  },

  linkEnterpriseToSegment: (_, { input }, context, info) => {
    requireRole(context, 'editor', 'linkEnterpriseToSegment');
    const link = parseInput(segmentLinkInput, input);
    return writeRoot(context, info, async (tx) => {
      await requireSources(tx, link.sources);
      const { enterpriseId, segmentId, ...props } = link;
      const change = await upsertRelationship(
        tx,
        'IN_SEGMENT',
        { id: enterpriseId, labels: ['Enterprise'] },
        { id: segmentId, labels: ['Segment'] },
        withoutNull(props),
      );
      return { value: await reload(tx, enterpriseId), changes: [change] };
    });
  },

  linkEnterpriseToDistrict: (_, { input }, context, info) => {
    requireRole(context, 'editor', 'linkEnterpriseToDistrict');
    const link = parseInput(districtLinkInput, input);
    return writeRoot(context, info, async (tx) => {
      await requireSources(tx, link.sources);
      const { enterpriseId, districtId, ...props } = link;
      const change = await upsertRelationship(
        tx,
        'LOCATED_IN',
        { id: enterpriseId, labels: ['Enterprise'] },
        { id: districtId, labels: ['District'] },
        withoutNull(props),
      );
      return { value: await reload(tx, enterpriseId), changes: [change] };
    });
  },

  recordTargetStage: (_, { input }, context, info) => {
    requireRole(context, 'editor', 'recordTargetStage');
    const stage = parseInput(targetStageInput, input);
    return writeRoot(context, info, async (tx) => {
      await requireSources(tx, stage.sources);
      const change = await recordTargetStage(tx, { ...stage, status: 'confirmed' });
      const rel = await targetRelationship(tx, stage.enterpriseId, stage.targetId);
      return { value: buildTargetRole(rel as RelWithEnds), changes: [change] };
    });
  },

  proposeFact: (_, { input }, context, info) => {
    requireRole(context, 'editor', 'proposeFact');
    const fact = parseInput(proposalInput, input);
    return writeRoot(context, info, async (tx, actor) => {
      const { proposal, change } = await createProposal(tx, fact);
      return { value: { ...proposal, proposedBy: actorLabel(actor) }, changes: [change] };
    });
  },

  reviewProposal: async (_, { id, decision, comment }, context, info) => {
    requireRole(context, 'admin', 'reviewProposal');
    const proposal = await writeRoot(context, info, async (tx, actor) => {
      const { proposal, changes } = await reviewProposal(tx, id, decision, comment ?? null);
      return { value: { ...proposal, reviewedBy: actorLabel(actor) }, changes };
    });
    const [joined] = await withActors(context.auditLog, [proposal]);
    return joined;
  },
};

export const curationQuery: Pick<QueryResolvers, 'proposals' | 'auditTrail'> = {
  proposals: async (_, { status, first }, context, info) => {
    requireRole(context, 'editor', 'proposals');
    const limit = pageSize(first, 50, 200);
    const proposals = await readRoot(context, info, (tx) => listProposals(tx, status ?? null, limit));
    return withActors(context.auditLog, proposals);
  },
  // No transaction: the trail is not in the graph.
  auditTrail: (_, { first, after }, context) => {
    requireRole(context, 'admin', 'auditTrail');
    return readAuditTrail(context.auditLog, pageSize(first, 50, 200), after);
  },
};

export const Proposal: ProposalResolvers = {
  proposedAt: (p) => String(p.proposedAt),
  // Unknown when the audit store has no entry for it (e.g. KG_AUDIT_FILE was pointed at a new file).
  proposedBy: (p) => p.proposedBy ?? 'unknown',
  reviewedAt: (p) => (p.reviewedAt ? String(p.reviewedAt) : null),
  reviewedBy: (p) => p.reviewedBy ?? (p.reviewedAt ? 'unknown' : null),
  reviewComment: (p) => (p.reviewComment ? String(p.reviewComment) : null),
  comment: (p) => (p.comment ? String(p.comment) : null),
  citations,
};
