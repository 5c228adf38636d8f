// Curation mutations (editor), review (admin), proposals and the audit trail. Each mutation is ONE
// write transaction holding the write and its AuditEntry (writeRoot); inputs are validated first.
import { readAuditTrail } from '../../graph/queries/audit.js';
import { recordTargetStage, requireSources, upsertNode, upsertRelationship } from '../../graph/queries/curation.js';
import { findNodesByIds } from '../../graph/queries/entities.js';
import { createProposal, listProposals, reviewProposal } from '../../graph/queries/proposals.js';
import type { RelWithEnds } from '../../graph/queries/common.js';
import { runRows } from '../../graph/executor.js';
import type { MutationResolvers, ProposalResolvers, QueryResolvers } from '../generated/graphql.js';
import { buildTargetRole, entityRecord, type EntityRecord } from '../loading/records.js';
import { requireRole } from '../plugins/access.js';
import { citations } from './entity-fields.js';
import { districtLinkInput, enterpriseInput, parseInput, proposalInput, segmentLinkInput, sourceInput, targetStageInput } from './curation-input.js';
import { pageSize, readRoot, writeRoot } from './root.js';
import type { ManagedTransaction } from 'neo4j-driver';

async function reload(tx: ManagedTransaction, id: string): Promise<EntityRecord> {
  const [node] = await findNodesByIds(tx, [id]);
  return entityRecord(node);
}

const withoutNull = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

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
      const change = await upsertRelationship(tx, 'IN_SEGMENT', { id: enterpriseId, labels: ['Enterprise'] }, { id: segmentId, labels: ['Segment'] }, withoutNull(props));
      return { value: await reload(tx, enterpriseId), changes: [change] };
    });
  },

  linkEnterpriseToDistrict: (_, { input }, context, info) => {
    requireRole(context, 'editor', 'linkEnterpriseToDistrict');
    const link = parseInput(districtLinkInput, input);
    return writeRoot(context, info, async (tx) => {
      await requireSources(tx, link.sources);
      const { enterpriseId, districtId, ...props } = link;
      const change = await upsertRelationship(tx, 'LOCATED_IN', { id: enterpriseId, labels: ['Enterprise'] }, { id: districtId, labels: ['District'] }, withoutNull(props));
      return { value: await reload(tx, enterpriseId), changes: [change] };
    });
  },

  recordTargetStage: (_, { input }, context, info) => {
    requireRole(context, 'editor', 'recordTargetStage');
    const stage = parseInput(targetStageInput, input);
    return writeRoot(context, info, async (tx) => {
      await requireSources(tx, stage.sources);
      const change = await recordTargetStage(tx, { ...stage, status: 'confirmed' });
      const [row] = await runRows(
        tx,
        `MATCH (e:Enterprise {id: $from})-[r:TARGET_FOR]->(t {id: $to})
         RETURN {type: type(r), props: properties(r), start: e {.*, _labels: labels(e)}, end: t {.*, _labels: labels(t)}} AS rel`,
        { from: stage.enterpriseId, to: stage.targetId },
      );
      return { value: buildTargetRole(row.rel as RelWithEnds), changes: [change] };
    });
  },

  proposeFact: (_, { input }, context, info) => {
    requireRole(context, 'editor', 'proposeFact');
    const fact = parseInput(proposalInput, input);
    return writeRoot(context, info, async (tx, actor) => {
      const { proposal, change } = await createProposal(tx, actor, fact);
      return { value: proposal, changes: [change] };
    });
  },

  reviewProposal: (_, { id, decision, comment }, context, info) => {
    requireRole(context, 'admin', 'reviewProposal');
    return writeRoot(context, info, async (tx, actor) => {
      const { proposal, changes } = await reviewProposal(tx, actor, id, decision, comment ?? null);
      return { value: proposal, changes };
    });
  },
};

export const curationQuery: Pick<QueryResolvers, 'proposals' | 'auditTrail'> = {
  proposals: (_, { status, first }, context, info) => {
    requireRole(context, 'editor', 'proposals');
    const limit = pageSize(first, 50, 200);
    return readRoot(context, info, (tx) => listProposals(tx, status ?? null, limit));
  },
  auditTrail: (_, { first, after }, context, info) => {
    requireRole(context, 'admin', 'auditTrail');
    const limit = pageSize(first, 50, 200);
    return readRoot(context, info, (tx) => readAuditTrail(tx, limit, after));
  },
};

export const Proposal: ProposalResolvers = {
  proposedAt: (p) => String(p.proposedAt),
  proposedBy: (p) => String(p.proposedBy),
  reviewedAt: (p) => (p.reviewedAt ? String(p.reviewedAt) : null),
  reviewedBy: (p) => (p.reviewedBy ? String(p.reviewedBy) : null),
  reviewComment: (p) => (p.reviewComment ? String(p.reviewComment) : null),
  comment: (p) => (p.comment ? String(p.comment) : null),
  citations,
};
