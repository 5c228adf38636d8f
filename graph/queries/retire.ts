// Retiring a fact: it stays in the graph with status retired, why and on which sources (a source that
// says it ended is a fact too), and retiredAt from the write stamps; reads stop showing it
// (queries/common.ts LIVE) while `changes` lists it as RETIRED.
import type { ManagedTransaction } from 'neo4j-driver';
import { badInput, notFound } from '../errors.js';
import { runRows } from '../executor.js';
import type { Change } from './curation.js';
import { locate } from './stamps.js';

export async function retireFact(
  tx: ManagedTransaction,
  target: string,
  reason: string,
  sources: string[],
): Promise<Change> {
  const where = locate(target);
  if (!where)
    throw badInput(`${JSON.stringify(target)} is neither a node id (chain:…) nor a relationship (TYPE:from->to).`);
  const [old] = await runRows(tx, `${where.match} RETURN properties(x) AS props`, where.params);
  if (!old) throw notFound(`The fact ${JSON.stringify(target)}`);
  const before = old.props as Record<string, unknown>;
  if (before.status === 'retired') throw badInput(`${target} was retired already (${String(before.retiredAt)}).`);
  const [row] = await runRows(
    tx,
    `${where.match} SET x.status = 'retired', x.statusBeforeRetired = x.status, x.retiredReason = $reason, x.retiredSources = $sources
     RETURN properties(x) AS props`,
    { ...where.params, reason, sources },
  );
  return { target, before, after: row.props as Record<string, unknown> };
}
