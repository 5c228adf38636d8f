// Idempotent batched writes: nodes MERGEd on `id`, relationships MERGEd on (start, type, end), in
// `UNWIND $rows` transactions. Labels and types are spliced only from the closed lists of model.ts;
// every value is a parameter. ISO date strings of the date properties become Neo4j Date values.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Executor } from './executor.js';
import type { Label, RelType } from './model.js';
import { checkEnds, checkLabel, stampSet, toStoredProps } from './model-rules.js';

export type { Props } from './model-rules.js';
import type { Props } from './model-rules.js';
export interface NodeWrite {
  label: Label;
  id: string;
  props: Props;
}
export interface RelWrite {
  type: RelType;
  from: string;
  fromLabel: Label;
  to: string;
  toLabel: Label;
  props: Props;
}
export interface GraphWrite {
  nodes: NodeWrite[];
  relationships: RelWrite[];
}

export { DATE_PROPERTIES, INTEGER_PROPERTIES, toStoredProps } from './model-rules.js';

export interface WriteProgress {
  phase: 'nodes' | 'relationships';
  name: string;
  done: number;
  total: number;
}

export interface WriteOptions {
  /** Rows per transaction (default 5000). */
  batchSize?: number;
  /** Properties set on every node and relationship of this write (e.g. `synthetic: true`). */
  common?: Props;
  /** Everything in one transaction: all or nothing (imports). Default: one transaction per batch. */
  singleTransaction?: boolean;
  timeoutMs?: number;
  onProgress?: (progress: WriteProgress) => void;
  /**
   * Transactions run side by side within each phase (default 1). Writers that touch the same node wait
   * for each other's locks, and a deadlock is retried by the driver, so keep this small (2 on 2 cores).
   */
  concurrency?: number;
  /** With singleTransaction: more work in the same transaction after the writes (e.g. an import record). */
  afterWrite?: (tx: ManagedTransaction) => Promise<void>;
  /** The job, import run or audit id stored as `writtenBy` on what this write creates or changes. */
  writtenBy?: string;
}

export interface WriteCounts {
  nodes: number;
  relationships: number;
}

export function upsertNodesCypher(label: Label): string {
  return `UNWIND $rows AS row
MERGE (n:${checkLabel(label)} {id: row.id})
WITH n, row, properties(n) AS before
SET n += $common
SET n += row.props
SET ${stampSet('n', 'before <> properties(n)')}
RETURN count(n) AS written`;
}

export function linkCypher(type: RelType, fromLabel: Label, toLabel: Label): string {
  checkEnds(type, fromLabel, toLabel);
  return `UNWIND $rows AS row
MATCH (a:${fromLabel} {id: row.from})
MATCH (b:${toLabel} {id: row.to})
MERGE (a)-[r:${type}]->(b)
WITH r, row, properties(r) AS before
SET r += $common
SET r += row.props
SET ${stampSet('r', 'before <> properties(r)')}
RETURN count(r) AS written`;
}

/** MERGEs one batch of nodes of one label in the given transaction; returns how many were written. */
export async function upsertNodesTx(
  tx: ManagedTransaction,
  label: Label,
  rows: { id: string; props: Props }[],
  common: Props = {},
  writtenBy: string | null = null,
): Promise<number> {
  const result = await tx.run(upsertNodesCypher(label), {
    rows: rows.map((row) => ({ id: row.id, props: toStoredProps(row.props) })),
    common: toStoredProps(common),
    writtenBy,
  });
  return Number(result.records[0]?.get('written') ?? 0);
}

/** MERGEs one batch of relationships; fails (rolling the transaction back) when an end node is missing. */
export async function linkTx(
  tx: ManagedTransaction,
  type: RelType,
  fromLabel: Label,
  toLabel: Label,
  rows: { from: string; to: string; props: Props }[],
  common: Props = {},
  writtenBy: string | null = null,
): Promise<number> {
  const result = await tx.run(linkCypher(type, fromLabel, toLabel), {
    rows: rows.map((row) => ({ from: row.from, to: row.to, props: toStoredProps(row.props) })),
    common: toStoredProps(common),
    writtenBy,
  });
  const written = Number(result.records[0]?.get('written') ?? 0);
  if (written !== rows.length) {
    throw new Error(
      `${rows.length - written} of ${rows.length} ${type} relationships (${fromLabel} → ${toLabel}) could not be written: an end node does not exist`,
    );
  }
  return written;
}

type Step = (tx: ManagedTransaction) => Promise<number>;
interface Batch {
  phase: WriteProgress['phase'];
  name: string;
  total: number;
  size: number;
  step: Step;
}

/** Splits the write into batches of one label (nodes first) or one (type, start label, end label). */
function planBatches(write: GraphWrite, batchSize: number, common: Props, writtenBy: string | null): Batch[] {
  const batches: Batch[] = [];
  const nodeGroups = groupBy(write.nodes, (n) => n.label);
  for (const nodes of nodeGroups.values()) {
    const label = nodes[0].label;
    for (let i = 0; i < nodes.length; i += batchSize) {
      const slice = nodes.slice(i, i + batchSize);
      batches.push({
        phase: 'nodes',
        name: label,
        total: nodes.length,
        size: slice.length,
        step: (tx) => upsertNodesTx(tx, label, slice, common, writtenBy),
      });
    }
  }
  const relGroups = groupBy(write.relationships, (r) => `${r.type}|${r.fromLabel}|${r.toLabel}`);
  const relTotals = new Map<string, number>();
  for (const rels of relGroups.values()) relTotals.set(rels[0].type, (relTotals.get(rels[0].type) ?? 0) + rels.length);
  for (const rels of relGroups.values()) {
    const { type, fromLabel, toLabel } = rels[0];
    for (let i = 0; i < rels.length; i += batchSize) {
      const slice = rels.slice(i, i + batchSize);
      batches.push({
        phase: 'relationships',
        name: type,
        total: relTotals.get(type) ?? rels.length,
        size: slice.length,
        step: (tx) => linkTx(tx, type, fromLabel, toLabel, slice, common, writtenBy),
      });
    }
  }
  return batches;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function packBatches(batches: Batch[], limit: number): Batch[][] {
  const packs: Batch[][] = [];
  let current: Batch[] = [];
  let rows = 0;
  for (const batch of batches) {
    if (current.length && (rows + batch.size > limit || batch.phase !== current[0].phase)) {
      packs.push(current);
      current = [];
      rows = 0;
    }
    current.push(batch);
    rows += batch.size;
  }
  if (current.length) packs.push(current);
  return packs;
}

/**
 * Writes nodes, then relationships, in batched MERGE transactions. Idempotent: writing the same data
 * twice leaves the same nodes and relationships. With `singleTransaction`, all or nothing.
 */
export async function writeGraph(
  executor: Executor,
  write: GraphWrite,
  options: WriteOptions = {},
): Promise<WriteCounts> {
  const batches = planBatches(write, options.batchSize ?? 5000, options.common ?? {}, options.writtenBy ?? null);
  const counts: WriteCounts = { nodes: 0, relationships: 0 };
  const done = new Map<string, number>();
  const report = (batch: Batch) => {
    const key = `${batch.phase}:${batch.name}`;
    done.set(key, (done.get(key) ?? 0) + batch.size);
    counts[batch.phase] += batch.size;
    options.onProgress?.({ phase: batch.phase, name: batch.name, done: done.get(key)!, total: batch.total });
  };
  const txOptions = { timeoutMs: options.timeoutMs ?? 120_000 };
  if (options.singleTransaction) {
    await executor.write(async (tx) => {
      for (const batch of batches) await batch.step(tx);
      await options.afterWrite?.(tx);
    }, txOptions);
    for (const batch of batches) report(batch);
    return counts;
  }
  // Small groups (a few nodes of one label) share a transaction, up to batchSize rows. Nodes are all
  // written before any relationship; within a phase, `concurrency` transactions run side by side.
  const packs = packBatches(batches, options.batchSize ?? 5000);
  for (const phase of ['nodes', 'relationships'] as const) {
    const queue = packs.filter((pack) => pack[0].phase === phase);
    const worker = async () => {
      for (let pack = queue.shift(); pack; pack = queue.shift()) {
        const current = pack;
        await executor.write(async (tx) => {
          for (const batch of current) await batch.step(tx);
        }, txOptions);
        current.forEach(report);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  }
  return counts;
}
