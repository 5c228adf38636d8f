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

/** What an import adds to a proposal for review (ingestion contract section 1). */
export interface ProposalMeta {
  programId?: string | null;
  sourceId?: string | null;
  jobId?: string | null;
  start?: number | null;
  end?: number | null;
  rule?: string | null;
  score?: number | null;
  /** Ids of the proposals (of nodes) this one needs; confirmed with it. */
  dependsOn?: string[];
  /** The rejected proposal of the same fact, as found by findEarlierRejection. */
  earlierRejection?: Record<string, unknown> | null;
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
  dependsOn: string[];
  earlierRejection: Record<string, unknown> | null;
  edits: Record<string, unknown> | null;
  /** role:fingerprint, joined from the audit store by the API (never stored on the node). */
  proposedBy?: string | null;
  reviewedBy?: string | null;
}

/** Checks the fact against the graph model and the graph (ends exist, types fit); returns kind and target. */
async function checkFact(
  tx: ManagedTransaction,
  fact: ProposedFact,
  pendingEnds: ReadonlySet<string> = new Set(),
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
    // An end another proposal of the same import introduces is checked when that proposal is confirmed.
    if (!pendingEnds.has(id) && !(await nodeSnapshot(tx, id, [label])))
      throw notFound(`The ${label} ${JSON.stringify(id)}`);
  }
  return { kind: 'RELATIONSHIP', target: edgeId(rel.type, rel.from, rel.to) };
}

/** Stored confidence from a score (thresholds are configuration: KG_CONFIDENCE_HIGH / _MEDIUM). */
export function confidenceOf(score: number, thresholds: { high: number; medium: number }): string {
  return score >= thresholds.high ? 'high' : score >= thresholds.medium ? 'medium' : 'low';
}

export async function createProposal(
  tx: ManagedTransaction,
  fact: ProposedFact,
  meta: ProposalMeta = {},
  pendingEnds: ReadonlySet<string> = new Set(),
): Promise<{ proposal: ProposalRow; change: Change }> {
  const { kind, target } = await checkFact(tx, fact, pendingEnds);
  const body = fact.node
    ? { id: fact.node.id, properties: fact.node.properties }
    : { ...fact.relationship, properties: fact.relationship?.properties ?? {} };
  // ends and labelOrType let the review queue filter by chain, segment and label without parsing JSON.
  const ends = fact.node ? [fact.node.id] : [fact.relationship!.from, fact.relationship!.to];
  const labelOrType = fact.node ? labelOfId(fact.node.id) : fact.relationship!.type;
  const [row] = await runRows(
    tx,
    `CREATE (p:Proposal {id: $id, status: 'proposed', kind: $kind, target: $target, fact: $fact, sources: $sources, quote: $quote,
                         confidence: $confidence, comment: $comment, proposedAt: datetime()})
     SET p += $meta
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
      meta: storedMeta(meta, ends, labelOrType),
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

/**
 * Confirms (writes the fact, status confirmed) or rejects a proposal; returns the changes to audit.
 * Confirming first confirms the proposals it depends on (the nodes a relationship needs); rejecting a
 * node also rejects the proposals that depend on it. `edits` (properties) change the fact before it is
 * written and are kept on the proposal.
 */
export async function reviewProposal(
  tx: ManagedTransaction,
  id: string,
  decision: 'CONFIRM' | 'REJECT',
  comment: string | null,
  edits: Record<string, unknown> | null = null,
): Promise<{ proposal: ProposalRow; changes: Change[] }> {
  // The lock first: of two reviews of one proposal at once, the second waits, then sees the first's status.
  const [row] = await runRows(
    tx,
    'MATCH (p:Proposal {id: $id}) SET p._lock = true REMOVE p._lock RETURN properties(p) AS props',
    { id },
  );
  if (!row) throw notFound(`The proposal ${JSON.stringify(id)}`);
  const before = row.props as Record<string, unknown>;
  if (before.status !== 'proposed')
    throw badInput(`The proposal ${id} was already ${String(before.status)}; it cannot be reviewed again.`);
  const proposal = toProposal(before);
  const changes: Change[] = [];
  if (decision === 'CONFIRM') {
    for (const dependency of (proposal.dependsOn as string[]) ?? []) {
      const [dep] = await runRows(tx, 'MATCH (p:Proposal {id: $id}) RETURN p.status AS status', { id: dependency });
      if (dep?.status === 'rejected')
        throw badInput(`The proposal ${id} needs ${dependency}, which was rejected; review that one again first.`);
      if (dep?.status === 'proposed')
        changes.push(...(await reviewProposal(tx, dependency, 'CONFIRM', comment)).changes);
    }
    changes.push(...(await writeFact(tx, proposal, edits)));
  } else if (proposal.kind === 'NODE') {
    const dependents = await runRows(
      tx,
      "MATCH (p:Proposal {status: 'proposed'}) WHERE $id IN p.dependsOn RETURN p.id AS id ORDER BY p.id",
      { id },
    );
    for (const dependent of dependents)
      changes.push(...(await reviewProposal(tx, String(dependent.id), 'REJECT', comment)).changes);
  }
  const [after] = await runRows(
    tx,
    `MATCH (p:Proposal {id: $id})
     SET p.status = $status, p.reviewedAt = datetime(), p.reviewComment = $comment, p.edits = $edits
     RETURN properties(p) AS props`,
    {
      id,
      status: decision === 'CONFIRM' ? 'confirmed' : 'rejected',
      comment,
      edits: edits && decision === 'CONFIRM' ? JSON.stringify(edits) : null,
    },
  );
  changes.push({ target: id, before, after: after.props as Record<string, unknown> });
  return { proposal: toProposal(after.props as Record<string, unknown>), changes };
}

/** Writes a proposal's fact (with edits) through the curation write functions, status confirmed. */
async function writeFact(
  tx: ManagedTransaction,
  proposal: ProposalRow,
  edits: Record<string, unknown> | null,
): Promise<Change[]> {
  const fact = proposal.fact as Partial<
    ProposedFact['relationship'] & { id: string; properties: Record<string, unknown> }
  >;
  const properties = { ...(fact.properties ?? {}), ...(edits ?? {}) };
  const provenance = {
    sources: proposal.sources,
    quote: proposal.quote,
    confidence: proposal.confidence,
    status: 'confirmed',
  };
  const reference =
    proposal.kind === 'NODE'
      ? { node: { id: fact.id!, properties } }
      : { relationship: { ...(fact as ProposedFact['relationship'])!, properties } };
  await checkFact(tx, {
    ...reference,
    sources: proposal.sources,
    quote: proposal.quote ?? '',
    confidence: proposal.confidence,
  });
  if (proposal.kind === 'NODE')
    return [await upsertNode(tx, labelOfId(fact.id!) as Label, fact.id!, { ...properties, ...provenance })];
  const type = fact.type as RelType;
  const spec = RELATIONSHIPS[type];
  return [
    await upsertRelationship(
      tx,
      type,
      { id: fact.from!, labels: spec.from },
      { id: fact.to!, labels: spec.to },
      { ...properties, ...provenance },
    ),
  ];
}

export async function getProposal(tx: ManagedTransaction, id: string): Promise<ProposalRow | null> {
  const [row] = await runRows(tx, 'MATCH (p:Proposal {id: $id}) RETURN properties(p) AS props', { id });
  return row ? toProposal(row.props as Record<string, unknown>) : null;
}

/** The latest rejection of the same fact from another document (a re-proposal is flagged with it). */
export async function findEarlierRejection(
  tx: ManagedTransaction,
  target: string,
  sourceId: string,
): Promise<Record<string, unknown> | null> {
  const [row] = await runRows(
    tx,
    `MATCH (p:Proposal {target: $target, status: 'rejected'}) WHERE coalesce(p.sourceId, '') <> $sourceId
     OPTIONAL MATCH (s:Source {id: p.sourceId})
     RETURN {proposalId: p.id, rejectedAt: toString(p.reviewedAt), sourceId: p.sourceId, sourceName: s.name,
             comment: p.reviewComment} AS rejection
     ORDER BY p.reviewedAt DESC LIMIT 1`,
    { target, sourceId },
  );
  return (row?.rejection as Record<string, unknown>) ?? null;
}

/** Whether this source already filed a proposal of the same fact (a rerun files nothing twice). */
export async function alreadyProposed(tx: ManagedTransaction, target: string, sourceId: string): Promise<boolean> {
  const rows = await runRows(tx, 'MATCH (p:Proposal {target: $target, sourceId: $sourceId}) RETURN p.id LIMIT 1', {
    target,
    sourceId,
  });
  return rows.length > 0;
}

export function storedMeta(meta: ProposalMeta, ends: string[], labelOrType: string | null): Record<string, unknown> {
  const out: Record<string, unknown> = { ends, labelOrType, dependsOn: meta.dependsOn ?? [] };
  for (const key of ['programId', 'sourceId', 'jobId', 'rule', 'score'] as const)
    if (meta[key] !== undefined && meta[key] !== null) out[key] = meta[key];
  for (const key of ['start', 'end'] as const) if (typeof meta[key] === 'number') out[key] = neo4j.int(meta[key]);
  if (meta.earlierRejection) out.earlierRejection = JSON.stringify(meta.earlierRejection);
  return out;
}

export function toProposal(stored: Record<string, unknown>): ProposalRow {
  // proposedBy/reviewedBy on nodes written before the audit store are never read back (graph/audit-migration.ts removes them).
  const { proposedBy: _proposedBy, reviewedBy: _reviewedBy, ...props } = stored;
  return {
    ...props,
    fact: JSON.parse(String(props.fact ?? '{}')),
    sources: (props.sources as string[]) ?? [],
    dependsOn: (props.dependsOn as string[]) ?? [],
    earlierRejection: props.earlierRejection ? JSON.parse(String(props.earlierRejection)) : null,
    edits: props.edits ? JSON.parse(String(props.edits)) : null,
  } as ProposalRow;
}
