// Pending audit entries resolved by looking at the graph, and the check that the trail agrees with it.
// An entry is appended (pending) before its transaction commits and its outcome after; a crash in
// between leaves it pending. Every audited change stores its stamped after-image in the entry (writtenBy =
// the entry id, version, updatedAt of its transaction), so the graph, or the next entry's before-image,
// tells whether it committed.
import type { AuditEntryLine, AuditLog } from './audit-log.js';
import { type Executor, runRows } from './executor.js';
import { locate } from './queries/stamps.js';

/** JSON with sorted keys: two images are the same state when these are equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const isChange = (e: AuditEntryLine) => e.after !== null && canonical(e.before) !== canonical(e.after);
const importRunOf = (e: AuditEntryLine) => {
  const run = (e.after as { importRunId?: unknown } | null)?.importRunId;
  return typeof run === 'string' ? run : null;
};

/** The stored properties of each target that names a node or relationship (absent ones map to null). */
async function readTargets(
  executor: Executor,
  targets: string[],
): Promise<Map<string, Record<string, unknown> | null>> {
  const found = new Map<string, Record<string, unknown> | null>();
  await executor.read(async (tx) => {
    for (const target of new Set(targets)) {
      const where = locate(target);
      if (!where) continue;
      const [row] = await runRows(tx, `${where.match} RETURN properties(x) AS props`, where.params);
      found.set(target, (row?.props as Record<string, unknown>) ?? null);
    }
  });
  return found;
}

export interface Resolution {
  committed: number;
  failed: number;
  /** Pending entries nothing in the graph speaks for or against (e.g. a change that changed nothing). */
  undetermined: number;
}

/**
 * Decides every pending entry by looking: a change committed when the graph holds its after-image or a
 * later entry's before-image is it; an import committed when facts carry its run id. The entries of one
 * transaction attempt (same group) share the outcome. Appends the decided outcomes to the trail.
 */
export async function resolvePending(log: AuditLog, executor: Executor): Promise<Resolution> {
  const { entries, outcomes } = await log.read();
  const pending = entries.filter((e) => !outcomes.has(e.id));
  if (!pending.length) return { committed: 0, failed: 0, undetermined: 0 };
  const graph = await readTargets(
    executor,
    pending.filter(isChange).map((e) => e.target),
  );
  // target → canonical before-image → groups that read it (under the lock: committed states, except what
  // an earlier write of the same transaction left, hence the group check below)
  const befores = new Map<string, Map<string, Set<string>>>();
  for (const e of entries) {
    if (e.before === null) continue;
    const images = befores.get(e.target) ?? new Map<string, Set<string>>();
    const key = canonical(e.before);
    images.set(key, (images.get(key) ?? new Set()).add(e.group ?? e.id));
    befores.set(e.target, images);
  }
  const readByOther = (e: AuditEntryLine, image: string) =>
    [...(befores.get(e.target)?.get(image) ?? [])].some((group) => group !== (e.group ?? e.id));
  const verdict = new Map<string, boolean | null>(); // true: committed, false: failed, null: cannot tell
  for (const e of pending) {
    const run = importRunOf(e);
    if (run) {
      const [row] = await executor.query(
        'OPTIONAL MATCH (n) WHERE n.importRun = $run WITH count(n) AS n RETURN n > 0 AS found',
        { run },
      );
      verdict.set(e.id, row?.found === true);
    } else if (isChange(e) && graph.has(e.target)) {
      const after = canonical(e.after);
      verdict.set(e.id, canonical(graph.get(e.target)) === after || readByOther(e, after));
    } else verdict.set(e.id, null);
  }
  const groups = new Map<string, AuditEntryLine[]>();
  for (const e of pending) groups.set(e.group ?? e.id, [...(groups.get(e.group ?? e.id) ?? []), e]);
  const decided: { id: string; outcome: 'committed' | 'failed' }[] = [];
  let undetermined = 0;
  for (const members of groups.values()) {
    const seen = members.map((e) => verdict.get(e.id));
    const outcome = seen.includes(true) ? 'committed' : seen.includes(false) ? 'failed' : null;
    if (!outcome) undetermined += members.length;
    else for (const e of members) decided.push({ id: e.id, outcome });
  }
  await log.appendResolved(decided);
  return {
    committed: decided.filter((d) => d.outcome === 'committed').length,
    failed: decided.filter((d) => d.outcome === 'failed').length,
    undetermined,
  };
}

export interface TrailCheck {
  /** Committed, versioned changes checked. */
  entries: number;
  pending: number;
  /** Two committed entries claiming the same version of one target (a lost update). */
  lostUpdates: string[];
  /** Entries whose before is not the after of the committed entry of the previous version. */
  chainBreaks: string[];
  /** Targets whose newest committed entry disagrees with the graph (an acknowledged write missing). */
  headMismatches: string[];
  /** Facts stamped by an audit entry that is not a committed entry of the trail. */
  unauditedFacts: string[];
}

/** Checks the committed entries of the trail against each other (by version) and against the graph. */
export async function checkTrail(log: AuditLog, executor: Executor): Promise<TrailCheck> {
  const { entries, outcomes } = await log.read();
  const committed = entries.filter(
    (e) => outcomes.get(e.id)?.outcome === 'committed' && isChange(e) && typeof e.version === 'number',
  );
  const byTarget = new Map<string, Map<number, AuditEntryLine[]>>();
  for (const e of committed) {
    const versions = byTarget.get(e.target) ?? new Map<number, AuditEntryLine[]>();
    versions.set(e.version!, [...(versions.get(e.version!) ?? []), e]);
    byTarget.set(e.target, versions);
  }
  const check: TrailCheck = {
    entries: committed.length,
    pending: entries.filter((e) => !outcomes.has(e.id)).length,
    lostUpdates: [],
    chainBreaks: [],
    headMismatches: [],
    unauditedFacts: [],
  };
  const graph = await readTargets(executor, [...byTarget.keys()]);
  for (const [target, versions] of byTarget) {
    for (const [version, claims] of versions) {
      if (claims.length > 1) check.lostUpdates.push(`${target} v${version}: ${claims.map((c) => c.id).join(', ')}`);
      for (const e of claims) {
        const previous = versions.get(version - 1)?.[0];
        const beforeVersion = (e.before as { version?: unknown } | null)?.version ?? 0;
        if (beforeVersion !== version - 1 || (previous && canonical(e.before) !== canonical(previous.after)))
          check.chainBreaks.push(`${target} v${version}: ${e.id}`);
      }
    }
    const newest = Math.max(...versions.keys());
    const head = versions.get(newest)![0];
    const stored = graph.get(target);
    if (!graph.has(target)) continue; // not a node or relationship id
    const storedVersion = (stored as { version?: unknown } | null)?.version;
    if (typeof storedVersion !== 'number' || storedVersion < newest)
      check.headMismatches.push(`${target}: trail v${newest}, graph v${String(storedVersion ?? 'none')}`);
    else if (storedVersion === newest && canonical(stored) !== canonical(head.after))
      check.headMismatches.push(`${target} v${newest}: the graph differs from the entry ${head.id}`);
  }
  const ok = new Set(entries.filter((e) => outcomes.get(e.id)?.outcome === 'committed').map((e) => e.id));
  const stamped = await executor.query(
    `CALL { MATCH (n) WHERE n.writtenBy STARTS WITH 'audit:' RETURN n.writtenBy AS id
            UNION ALL MATCH ()-[r]->() WHERE r.writtenBy STARTS WITH 'audit:' RETURN r.writtenBy AS id }
     RETURN DISTINCT id`,
  );
  for (const { id } of stamped) if (!ok.has(id as string)) check.unauditedFacts.push(id as string);
  return check;
}
