// Files many relationship proposals of one import in ONE statement (a registry batch files thousands):
// the same stored shape as createProposal, with the ends checked for the whole batch at once.
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { badInput, notFound } from '../errors.js';
import { runRows } from '../executor.js';
import { edgeId, type Label, labelOfId, RELATIONSHIPS, type RelType } from '../model.js';
import type { Change } from './curation.js';
import { type ProposalMeta, storedMeta } from './proposals.js';

export interface BulkRelationshipProposal {
  type: RelType;
  from: string;
  to: string;
  properties: Record<string, unknown>;
  quote: string;
  confidence: string;
  comment: string | null;
  meta: ProposalMeta;
}

/** Creates the proposals (one source, already in the graph); returns one audit change per proposal. */
export async function createRelationshipProposals(
  tx: ManagedTransaction,
  sourceId: string,
  items: BulkRelationshipProposal[],
): Promise<Change[]> {
  if (items.length === 0) return [];
  for (const it of items) {
    const spec = RELATIONSHIPS[it.type];
    const fromLabel = labelOfId(it.from);
    const toLabel = labelOfId(it.to);
    if (
      !fromLabel ||
      !toLabel ||
      !(spec.from as readonly string[]).includes(fromLabel) ||
      !(spec.to as readonly string[]).includes(toLabel)
    )
      throw badInput(
        `${it.type} goes from ${spec.from.join('/')} to ${spec.to.join('/')}; not ${it.from} -> ${it.to}.`,
      );
  }
  const [source] = await runRows(tx, 'MATCH (s:Source {id: $sourceId}) RETURN s.id AS id', { sourceId });
  if (!source) throw badInput(`The source ${JSON.stringify(sourceId)} does not exist.`);
  // Grouped by the labels of the ends (closed list of graph/model.ts), so each end is an index lookup.
  const groups = new Map<string, { from: Label; to: Label; rows: Record<string, unknown>[] }>();
  for (const it of items) {
    const from = labelOfId(it.from) as Label;
    const to = labelOfId(it.to) as Label;
    const g = groups.get(`${from}>${to}`) ?? { from, to, rows: [] };
    g.rows.push({
      id: `proposal:${randomUUID()}`,
      from: it.from,
      to: it.to,
      target: edgeId(it.type, it.from, it.to),
      fact: JSON.stringify({ type: it.type, from: it.from, to: it.to, properties: it.properties }),
      quote: it.quote,
      confidence: it.confidence,
      comment: it.comment,
      meta: storedMeta(it.meta, [it.from, it.to], it.type),
    });
    groups.set(`${from}>${to}`, g);
  }
  const changes: Change[] = [];
  for (const g of groups.values()) {
    const created = await runRows(
      tx,
      `UNWIND $rows AS w
       MATCH (:${g.from} {id: w.from}), (:${g.to} {id: w.to})
       CREATE (p:Proposal {id: w.id, status: 'proposed', kind: 'RELATIONSHIP', target: w.target, fact: w.fact,
                           sources: [$sourceId], quote: w.quote, confidence: w.confidence, comment: w.comment,
                           proposedAt: datetime()})
       SET p += w.meta
       RETURN properties(p) AS props`,
      { rows: g.rows, sourceId },
    );
    if (created.length !== g.rows.length) {
      const made = new Set(created.map((r) => (r.props as { id: string }).id));
      const missing = g.rows.find((r) => !made.has(String(r.id)));
      throw notFound(`An end of the proposed ${String(missing?.target)}`);
    }
    for (const r of created) {
      const props = r.props as Record<string, unknown>;
      changes.push({ target: String(props.id), before: null, after: props });
    }
  }
  return changes;
}
