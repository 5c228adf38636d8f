// Proposed facts (editor) and their review (admin). A Proposal is an operational node holding the
// fact as JSON with its sources and quote; it is never linked to domain nodes, so no slice, path or
// search can reach it. Confirming writes the fact with status confirmed in the same transaction.
// Who proposed or reviewed is not stored here: analysts can read the whole graph, so the actor lives
// in the audit store (graph/audit-trail.ts findActors).
import { randomUUID } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { badInput, notFound } from '../errors.js';
import { runRows } from '../executor.js';
import { DOMAIN_LABELS, edgeId, labelOfId, type Label, RELATIONSHIPS, type RelType } from '../model.js';
import { type Change, nodeSnapshot, requireSources, upsertNode, upsertRelationship } from './curation.js';

export interface ProposedFact {
  node?: { id: string; properties: Record<string, unknown> } | null;
  relationship?: { type: string; from: string; to: string; properties?: Record<string, unknown> | null } | null;
  sources: string[];
  quote: string;
  confidence: string;
  comment?: string | null;
}

export interface ProposalRow extends Record<string, unknown> {
  id: string;
  status: string;
  kind: 'NODE' | 'RELATIONSHIP';
  target: string;
  fact: Record<string, unknown>;
  sources: string[];
  quote: string | null;
  confidence: string;
  /** role:fingerprint, joined from the audit store by the API (never stored on the node). */
  proposedBy?: string | null;
  reviewedBy?: string | null;
}

/** Checks the fact against the graph model and the graph (ends exist, types fit); returns kind and target. */
async function checkFact(
  tx: ManagedTransaction,
  fact: ProposedFact,
): Promise<{ kind: 'NODE' | 'RELATIONSHIP'; target: string }> {
  if (!!fact.node === !!fact.relationship) throw badInput('Give exactly one of node or relationship.');
  await requireSources(tx, fact.sources);
  if (fact.node) {
    const label = labelOfId(fact.node.id);
    if (!label || !(DOMAIN_LABELS as readonly string[]).includes(label)) {
      throw badInput(
        `${JSON.stringify(fact.node.id)} does not start with the prefix of a domain label (chain:, segment:, ent:, district:…). Sources are added with upsertSource.`,
      );
    }
    const existing = await nodeSnapshot(tx, fact.node.id, [label]);
    if (!existing && typeof fact.node.properties.name !== 'string')
      throw badInput(`A new node needs a name: add "name" to properties of ${fact.node.id}.`);
    return { kind: 'NODE', target: fact.node.id };
  }
  const rel = fact.relationship!;
  const spec = RELATIONSHIPS[rel.type as RelType];
  if (!spec)
    throw badInput(
      `${JSON.stringify(rel.type)} is not a relationship type of the graph model (${Object.keys(RELATIONSHIPS).join(', ')}).`,
    );
  if (rel.type === 'TARGET_FOR')
    throw badInput('Record investment-promotion targets with recordTargetStage, which keeps the stage history.');
  for (const [end, id, allowed] of [
    ['from', rel.from, spec.from],
    ['to', rel.to, spec.to],
  ] as const) {
    const label = labelOfId(id);
    if (!label || !(allowed as readonly string[]).includes(label)) {
      throw badInput(
        `${rel.type} goes from ${spec.from.join('/')} to ${spec.to.join('/')}; ${end} ${JSON.stringify(id)} is not a ${(allowed as readonly string[]).join(' or ')}.`,
      );
    }
    if (!(await nodeSnapshot(tx, id, [label]))) throw notFound(`The ${label} ${JSON.stringify(id)}`);
  }
  return { kind: 'RELATIONSHIP', target: edgeId(rel.type, rel.from, rel.to) };
}

export async function createProposal(
  tx: ManagedTransaction,
  fact: ProposedFact,
): Promise<{ proposal: ProposalRow; change: Change }> {
  const { kind, target } = await checkFact(tx, fact);
  const body = fact.node
    ? { id: fact.node.id, properties: fact.node.properties }
    : { ...fact.relationship, properties: fact.relationship?.properties ?? {} };
  const [row] = await runRows(
    tx,
    `CREATE (p:Proposal {id: $id, status: 'proposed', kind: $kind, target: $target, fact: $fact, sources: $sources, quote: $quote,
                         confidence: $confidence, comment: $comment, proposedAt: datetime()})
     RETURN properties(p) AS props`,
    {
      id: `proposal:${randomUUID()}`,
      kind,
      target,
      fact: JSON.stringify(body),
      sources: fact.sources,
      quote: fact.quote,
      confidence: fact.confidence,
      comment: fact.comment ?? null,
    },
  );
  const proposal = toProposal(row.props as Record<string, unknown>);
  return { proposal, change: { target: proposal.id, before: null, after: row.props as Record<string, unknown> } };
}

export async function listProposals(
  tx: ManagedTransaction,
  status: string | null,
  first: number,
): Promise<ProposalRow[]> {
  const rows = await runRows(
    tx,
    `MATCH (p:Proposal) WHERE $status IS NULL OR p.status = $status
     RETURN properties(p) AS props ORDER BY p.proposedAt DESC, p.id LIMIT $first`,
    { status, first: neo4j.int(first) },
  );
  return rows.map((r) => toProposal(r.props as Record<string, unknown>));
}

/** Confirms (writes the fact, status confirmed) or rejects a proposal; returns the changes to audit. */
export async function reviewProposal(
  tx: ManagedTransaction,
  id: string,
  decision: 'CONFIRM' | 'REJECT',
  comment: string | null,
): Promise<{ proposal: ProposalRow; changes: Change[] }> {
  const [row] = await runRows(tx, 'MATCH (p:Proposal {id: $id}) RETURN properties(p) AS props', { id });
  if (!row) throw notFound(`The proposal ${JSON.stringify(id)}`);
  const before = row.props as Record<string, unknown>;
  if (before.status !== 'proposed')
    throw badInput(`The proposal ${id} was already ${String(before.status)}; it cannot be reviewed again.`);
  const proposal = toProposal(before);
  const changes: Change[] = [];
  if (decision === 'CONFIRM') {
    const fact = proposal.fact as Partial<
      ProposedFact['relationship'] & { id: string; properties: Record<string, unknown> }
    >;
    const provenance = {
      sources: proposal.sources,
      quote: proposal.quote,
      confidence: proposal.confidence,
      status: 'confirmed',
    };
    const reference =
      proposal.kind === 'NODE'
        ? { node: fact as ProposedFact['node'] }
        : { relationship: fact as ProposedFact['relationship'] };
    await checkFact(tx, {
      ...reference,
      sources: proposal.sources,
      quote: proposal.quote ?? '',
      confidence: proposal.confidence,
    });
    if (proposal.kind === 'NODE') {
      changes.push(
        await upsertNode(tx, labelOfId(fact.id!) as Label, fact.id!, { ...(fact.properties ?? {}), ...provenance }),
      );
    } else {
      const type = fact.type as RelType;
      const spec = RELATIONSHIPS[type];
      changes.push(
        await upsertRelationship(
          tx,
          type,
          { id: fact.from!, labels: spec.from },
          { id: fact.to!, labels: spec.to },
          { ...(fact.properties ?? {}), ...provenance },
        ),
      );
    }
  }
  const [after] = await runRows(
    tx,
    `MATCH (p:Proposal {id: $id})
     SET p.status = $status, p.reviewedAt = datetime(), p.reviewComment = $comment
     RETURN properties(p) AS props`,
    { id, status: decision === 'CONFIRM' ? 'confirmed' : 'rejected', comment },
  );
  changes.push({ target: id, before, after: after.props as Record<string, unknown> });
  return { proposal: toProposal(after.props as Record<string, unknown>), changes };
}

function toProposal(stored: Record<string, unknown>): ProposalRow {
  // proposedBy/reviewedBy on nodes written before the audit store are never read back (graph/audit-migration.ts removes them).
  const { proposedBy: _proposedBy, reviewedBy: _reviewedBy, ...props } = stored;
  return {
    ...props,
    fact: JSON.parse(String(props.fact ?? '{}')),
    sources: (props.sources as string[]) ?? [],
  } as ProposalRow;
}
