// Write stamps for the API and ingestion writes: after a transaction's work, each changed node or
// relationship (a Change of the audit trail) gets createdAt / updatedAt / confirmedAt / retiredAt and
// writtenBy = the id of its own audit entry, so a change in the graph leads back to who made it, and
// version + 1: the entry records the version and the stamped after-image, so the next entry's before
// (read under the write lock) is exactly this after.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';
import { labelOfId } from '../model.js';
import { checkEnds, checkLabel, STAMP_PROPERTIES } from '../model-rules.js';
import type { Change } from './curation.js';

export interface StampedChange extends Change {
  /** The audit entry id this change is recorded under. */
  id: string;
  /** Filled in by stampChanges: the target's version after the write (null for untracked targets). */
  version?: number | null;
}

const EDGE_ID = /^([A-Z_]+):(.+?)->(.+)$/;

/** The properties without the stamps, compared value by value (key order does not matter). */
function sameFacts(a: Record<string, unknown> | null, b: Record<string, unknown> | null): boolean {
  if (!a || !b) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !STAMP_PROPERTIES.has(k)));
  for (const k of keys) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return false;
  return true;
}

/** Where to find a change's target: a node by label and id, or a relationship by type and ends. */
export function locate(target: string): { match: string; params: Record<string, string> } | null {
  const edge = EDGE_ID.exec(target);
  if (edge) {
    const [, type, from, to] = edge;
    const fromLabel = labelOfId(from);
    const toLabel = labelOfId(to);
    if (!fromLabel || !toLabel) return null;
    checkEnds(type, fromLabel, toLabel); // the type and labels are spliced: closed lists only
    return { match: `MATCH (:${fromLabel} {id: $from})-[x:${type}]->(:${toLabel} {id: $to})`, params: { from, to } };
  }
  const label = labelOfId(target);
  if (!label) return null; // proposals, jobs, files: operational records with times of their own
  return { match: `MATCH (x:${checkLabel(label)} {id: $id})`, params: { id: target } };
}

/** Targets grouped by how they are found (one label, or one type between two labels): one query each. */
interface TargetGroup {
  /** MATCH of one row's target, `r` being the row ({id} for a node, {from, to} for a relationship). */
  match: string;
  rows: { target: string; params: Record<string, string> }[];
}

function groupTargets(targets: Iterable<string>): TargetGroup[] {
  const groups = new Map<string, TargetGroup>();
  for (const target of targets) {
    const where = locate(target);
    if (!where) throw new Error(`not a node or relationship id: ${target}`);
    const match = where.match.replace(/\$(from|to|id)\b/g, 'r.$1');
    const group = groups.get(match) ?? { match, rows: [] };
    group.rows.push({ target, params: where.params });
    groups.set(match, group);
  }
  return [...groups.values()];
}

/**
 * Stamps every changed fact of the transaction (unchanged ones keep their stamps and version), and fills
 * in each change's `version` and its after-image as stored, stamps included, for the audit entry.
 */
export async function stampChanges(tx: ManagedTransaction, changes: StampedChange[]): Promise<void> {
  const toStamp: StampedChange[] = [];
  for (const change of changes) {
    const where = change.after ? locate(change.target) : null;
    if (!change.after || !where || sameFacts(change.before, change.after)) {
      change.version = where ? (versionOf(change.after) ?? null) : null;
      continue;
    }
    toStamp.push(change);
  }
  // one query per kind of target (a registry batch stamps hundreds of firms and relationships); a target
  // changed twice in one transaction is stamped twice, in order, in rounds that hold each target once
  const pending = [...toStamp];
  while (pending.length) {
    const round: StampedChange[] = [];
    const inRound = new Set<string>();
    for (let i = 0; i < pending.length; ) {
      if (inRound.has(pending[i]!.target)) i++;
      else {
        inRound.add(pending[i]!.target);
        round.push(...pending.splice(i, 1));
      }
    }
    const byTarget = new Map(round.map((c) => [c.target, c]));
    for (const group of groupTargets(byTarget.keys())) {
      const rows = group.rows.map((r) => {
        const c = byTarget.get(r.target)!;
        const before = c.before?.status ?? null;
        const after = c.after!.status ?? null;
        return {
          ...r.params,
          target: r.target,
          writtenBy: c.id,
          confirmed: after === 'confirmed' && before !== 'confirmed',
          retired: (after === 'rejected' || after === 'retired') && before !== after,
        };
      });
      const stamped = await runRows(
        tx,
        `UNWIND $rows AS r
         ${group.match}
         SET x.version = coalesce(x.version, 0) + 1
         SET x.createdAt = coalesce(x.createdAt, datetime.transaction()), x.updatedAt = datetime.transaction(),
             x.writtenBy = r.writtenBy
         FOREACH (_ IN CASE WHEN r.confirmed THEN [1] ELSE [] END | SET x.confirmedAt = datetime.transaction() REMOVE x.retiredAt)
         FOREACH (_ IN CASE WHEN r.retired THEN [1] ELSE [] END | SET x.retiredAt = coalesce(x.retiredAt, datetime.transaction()))
         RETURN r.target AS target, properties(x) AS props`,
        { rows },
      );
      for (const row of stamped) {
        const change = byTarget.get(row.target as string)!;
        change.after = row.props as Record<string, unknown>;
        change.version = versionOf(change.after) ?? null;
      }
    }
  }
}

function versionOf(props: Record<string, unknown> | null): number | undefined {
  const v = props?.version;
  return typeof v === 'number' ? v : undefined;
}

/**
 * The stored properties of each target (null when absent), each node or relationship write-locked first,
 * so the image is the committed state no other writer changes before this transaction ends: the
 * before-images of writers that do not go through upsertNode (registry batches).
 */
export async function lockedImages(
  tx: ManagedTransaction,
  targets: string[],
): Promise<Map<string, Record<string, unknown> | null>> {
  return images(tx, targets, 'SET x._lock = true REMOVE x._lock');
}

/** The stored properties of each target as this transaction sees them (null when absent). */
export async function currentImages(
  tx: ManagedTransaction,
  targets: string[],
): Promise<Map<string, Record<string, unknown> | null>> {
  return images(tx, targets, '');
}

async function images(
  tx: ManagedTransaction,
  targets: string[],
  lock: string,
): Promise<Map<string, Record<string, unknown> | null>> {
  const found = new Map<string, Record<string, unknown> | null>();
  for (const group of groupTargets(new Set(targets))) {
    const rows = await runRows(
      tx,
      `UNWIND $rows AS r
       OPTIONAL ${group.match} ${lock ? lock.replace(/^SET /, 'FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | SET ').concat(')') : ''}
       RETURN r.target AS target, properties(x) AS props`,
      { rows: group.rows.map((r) => ({ ...r.params, target: r.target })) },
    );
    // OPTIONAL MATCH gives every target a row (props null when absent); the first, as a single MATCH gave it
    for (const row of rows)
      if (!found.has(row.target as string))
        found.set(row.target as string, (row.props as Record<string, unknown>) ?? null);
  }
  return found;
}
