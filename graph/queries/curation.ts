// Curation writes (editor role): sources, enterprises, their segment and district links, and the
// pipeline stage of a target with its history. Each function runs inside the caller's write
// transaction, checks every reference first (nothing half-written: a thrown error rolls back), and
// returns the state before and after for the audit trail.
import type { ManagedTransaction } from 'neo4j-driver';
import { badInput, notFound } from '../errors.js';
import { runRows } from '../executor.js';
import { edgeId, labelOfId, type Label, PIPELINE_STAGES } from '../model.js';
import { NODE_MAP } from '../slice.js';
import { checkEnds, checkLabel, DATE_PROPERTIES, toNeo4jDate, toStoredProps } from '../model-rules.js';

export interface Provenance {
  sources: string[];
  quote?: string | null;
  confidence: string;
  status: string;
}

export interface Change {
  target: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Kept for callers that name the date keys: the one list lives in graph/model-rules.ts. */
export const DATE_KEYS = DATE_PROPERTIES;

/** Every id must be an existing Source; lists the missing ones. */
export async function requireSources(tx: ManagedTransaction, ids: string[]): Promise<void> {
  if (!ids.length)
    throw badInput(
      'Give at least one source id (a fact without a source does not exist). Create the Source with upsertSource first.',
    );
  const rows = await runRows(
    tx,
    'UNWIND $ids AS id OPTIONAL MATCH (s:Source {id: id}) WITH id, s WHERE s IS NULL RETURN collect(id) AS missing',
    { ids },
  );
  const missing = (rows[0]?.missing as string[]) ?? [];
  if (missing.length)
    throw badInput(`Unknown source ids: ${missing.join(', ')}. Create them with upsertSource first, or fix the ids.`);
}

/** A node's stored properties, or null; the id's prefix must name one of `labels`. */
export async function nodeSnapshot(
  tx: ManagedTransaction,
  id: string,
  labels: readonly Label[],
): Promise<Record<string, unknown> | null> {
  const label = labelOfId(id);
  if (!label || !labels.includes(label))
    throw badInput(
      `${JSON.stringify(id)} is not the id of a ${labels.join(' or ')} (ids start with ${labels.map((l) => `${l.toLowerCase()}:`).join(' / ')}).`,
    );
  const [row] = await runRows(tx, `MATCH (n:${label} {id: $id}) RETURN properties(n) AS props`, { id });
  return (row?.props as Record<string, unknown>) ?? null;
}

/**
 * Takes the write lock of existing nodes (in id order, so two writers never wait on each other in a
 * circle) before their before-image is read: a concurrent writer of the same target waits until this
 * transaction commits and then reads what it wrote, so no update is lost.
 */
export async function lockNodes(tx: ManagedTransaction, nodes: { label: Label; id: string }[]): Promise<void> {
  for (const { label, id } of [...nodes].sort((a, b) => a.id.localeCompare(b.id)))
    await runRows(tx, `MATCH (n:${checkLabel(label)} {id: $id}) SET n._lock = true REMOVE n._lock`, { id });
}

async function requireNode(tx: ManagedTransaction, id: string, labels: readonly Label[]) {
  const snapshot = await nodeSnapshot(tx, id, labels);
  if (!snapshot) throw notFound(`The ${labels.join(' or ')} ${JSON.stringify(id)}`);
  return labelOfId(id) as Label;
}

export async function upsertNode(
  tx: ManagedTransaction,
  label: Label,
  id: string,
  props: Record<string, unknown>,
): Promise<Change> {
  // MERGE takes the lock (of the id's unique index entry for a new node) before the before-image is read
  const [locked] = await runRows(
    tx,
    `MERGE (n:${checkLabel(label)} {id: $id}) ON CREATE SET n._new = true
     SET n._lock = true
     WITH n, coalesce(n._new, false) AS created
     REMOVE n._lock, n._new
     RETURN CASE WHEN created THEN null ELSE properties(n) END AS props`,
    { id },
  );
  const before = (locked.props as Record<string, unknown> | null) ?? null;
  const [row] = await runRows(
    tx,
    `MATCH (n:${checkLabel(label)} {id: $id}) SET n += $props RETURN properties(n) AS props`,
    {
      id,
      props: toStoredProps(props),
    },
  );
  return { target: id, before, after: row.props as Record<string, unknown> };
}

/** MERGEs one relationship between existing nodes and sets its properties. */
export async function upsertRelationship(
  tx: ManagedTransaction,
  type: string,
  from: { id: string; labels: readonly Label[] },
  to: { id: string; labels: readonly Label[] },
  props: Record<string, unknown>,
): Promise<Change> {
  const fromLabel = await requireNode(tx, from.id, from.labels);
  const toLabel = await requireNode(tx, to.id, to.labels);
  // The type is spliced into Cypher: only a closed-list type that may join these two labels.
  checkEnds(type, fromLabel, toLabel);
  await lockNodes(tx, [
    { label: fromLabel, id: from.id },
    { label: toLabel, id: to.id },
  ]);
  const match = `MATCH (a:${fromLabel} {id: $from}), (b:${toLabel} {id: $to})`;
  const [old] = await runRows(tx, `${match} OPTIONAL MATCH (a)-[r:${type}]->(b) RETURN properties(r) AS props`, {
    from: from.id,
    to: to.id,
  });
  const [row] = await runRows(tx, `${match} MERGE (a)-[r:${type}]->(b) SET r += $props RETURN properties(r) AS props`, {
    from: from.id,
    to: to.id,
    props: toStoredProps(props),
  });
  return {
    target: edgeId(type, from.id, to.id),
    before: (old?.props as Record<string, unknown>) ?? null,
    after: row.props as Record<string, unknown>,
  };
}

export interface TargetStage extends Provenance {
  enterpriseId: string;
  targetId: string;
  stage: string;
  since: string;
}

/** Sets the current stage of a TARGET_FOR; the previous stage, date, sources and quote move into the history lists. */
export async function recordTargetStage(tx: ManagedTransaction, input: TargetStage): Promise<Change> {
  if (!(PIPELINE_STAGES as readonly string[]).includes(input.stage)) {
    throw badInput(`stage must be one of ${PIPELINE_STAGES.join(' → ')}; got ${JSON.stringify(input.stage)}.`);
  }
  const since = toNeo4jDate(input.since);
  const enterpriseLabel = await requireNode(tx, input.enterpriseId, ['Enterprise']);
  const targetLabel = await requireNode(tx, input.targetId, ['Segment', 'Chain']);
  await lockNodes(tx, [
    { label: enterpriseLabel, id: input.enterpriseId },
    { label: targetLabel, id: input.targetId },
  ]);
  const match = `MATCH (e:${enterpriseLabel} {id: $from}), (t:${targetLabel} {id: $to})`;
  const params = { from: input.enterpriseId, to: input.targetId };
  const [old] = await runRows(
    tx,
    `${match} OPTIONAL MATCH (e)-[r:TARGET_FOR]->(t) RETURN properties(r) AS props, r.stageSince > $since AS later`,
    { ...params, since },
  );
  if (old?.later === true) {
    throw badInput(
      `The current stage ${String((old.props as Record<string, unknown>).stage)} dates from ${String((old.props as Record<string, unknown>).stageSince)}, after ${input.since}. Record stages in date order.`,
    );
  }
  const [row] = await runRows(
    tx,
    `${match}
     MERGE (e)-[r:TARGET_FOR]->(t)
     WITH r, r.stage IS NOT NULL AND (r.stage <> $stage OR r.stageSince <> $since) AS moved
     SET r.stageHistory = coalesce(r.stageHistory, []) + CASE WHEN moved THEN [r.stage] ELSE [] END,
         r.stageHistoryDates = coalesce(r.stageHistoryDates, []) + CASE WHEN moved THEN [r.stageSince] ELSE [] END,
         r.stageHistorySources = coalesce(r.stageHistorySources, []) + CASE WHEN moved THEN [reduce(s = '', x IN coalesce(r.sources, []) | s + CASE s WHEN '' THEN '' ELSE ',' END + x)] ELSE [] END,
         r.stageHistoryQuotes = coalesce(r.stageHistoryQuotes, []) + CASE WHEN moved THEN [coalesce(r.quote, '')] ELSE [] END
     SET r.stage = $stage, r.stageSince = $since, r.sources = $sources, r.quote = $quote, r.confidence = $confidence, r.status = $status
     RETURN properties(r) AS props`,
    {
      ...params,
      stage: input.stage,
      since,
      sources: input.sources,
      quote: input.quote ?? null,
      confidence: input.confidence,
      status: input.status,
    },
  );
  return {
    target: edgeId('TARGET_FOR', input.enterpriseId, input.targetId),
    before: (old?.props as Record<string, unknown>) ?? null,
    after: row.props as Record<string, unknown>,
  };
}

/** One TARGET_FOR with both ends (properties and labels), as the API answers a stage change. */
export async function targetRelationship(tx: ManagedTransaction, enterpriseId: string, targetId: string) {
  const [row] = await runRows(
    tx,
    `MATCH (e:Enterprise {id: $from})-[r:TARGET_FOR]->(t {id: $to})
     RETURN {type: type(r), props: properties(r), start: ${NODE_MAP('e')}, end: ${NODE_MAP('t')}} AS rel`,
    { from: enterpriseId, to: targetId },
  );
  return row?.rel;
}
