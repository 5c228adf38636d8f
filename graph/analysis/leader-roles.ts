// The leaders responsible for chains and programs, as sourced relationships (LeaderRole): the
// sponsors (PATRON_OF) and owners (OWNER_OF) of each chain, and the leaders who coordinate
// (COORDINATES) the program the chain belongs to. Runs inside the caller's read transaction.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';
import { NODE_MAP, REL_MAP, type NodeRow, type RelRow } from '../slice.js';
import { counts, type Scope } from './scope.js';

export interface LeaderRoleRow {
  leader: NodeRow;
  /** PATRON_OF | OWNER_OF | COORDINATES */
  relation: string;
  /** The chain or program the leader is responsible for. */
  target: NodeRow;
  validFrom: string | null;
  validTo: string | null;
  confidence: string | null;
  status: string | null;
  sources: string[];
  quote: string | null;
  /** The relationship as stored (for slices and exports). */
  rel: RelRow;
}

const ROLES = `
UNWIND $chainIds AS cid
MATCH (c:Chain {id: cid})
CALL (c) {
  MATCH (l:Leader)-[r:PATRON_OF|OWNER_OF]->(c)
  WHERE ${counts('l')} AND ${counts('r')}
  RETURN l, r, c AS t
  UNION
  MATCH (c)-[pc:PART_OF]->(t:Program)<-[r:COORDINATES]-(l:Leader)
  WHERE ${counts('pc')} AND ${counts('t')} AND ${counts('l')} AND ${counts('r')}
  RETURN l, r, t
}
RETURN cid AS key, ${NODE_MAP('l')} AS leader, ${REL_MAP('r')} AS rel, ${NODE_MAP('t')} AS target
UNION
UNWIND $programIds AS pid
MATCH (t:Program {id: pid})<-[r:COORDINATES]-(l:Leader)
WHERE ${counts('l')} AND ${counts('r')}
RETURN pid AS key, ${NODE_MAP('l')} AS leader, ${REL_MAP('r')} AS rel, ${NODE_MAP('t')} AS target`;

const RELATION_ORDER = ['PATRON_OF', 'OWNER_OF', 'COORDINATES'];

export function toLeaderRole(leader: NodeRow, rel: RelRow, target: NodeRow): LeaderRoleRow {
  const p = rel.props ?? {};
  return {
    leader,
    relation: rel.type,
    target,
    validFrom: (p.validFrom as string) ?? null,
    validTo: (p.validTo as string) ?? null,
    confidence: (p.confidence as string) ?? null,
    status: (p.status as string) ?? null,
    sources: (p.sources as string[]) ?? [],
    quote: (p.quote as string) ?? null,
    rel,
  };
}

/** chain or program id → its responsible leaders (sponsors, owners, then coordinators). */
export async function loadLeaderRoles(
  tx: ManagedTransaction,
  ids: { chainIds: string[]; programIds: string[] },
  scope: Scope,
): Promise<Map<string, LeaderRoleRow[]>> {
  const out = new Map<string, LeaderRoleRow[]>();
  if (!ids.chainIds.length && !ids.programIds.length) return out;
  for (const row of await runRows(tx, ROLES, { ...ids, ...scope })) {
    const key = String(row.key);
    out.set(key, [
      ...(out.get(key) ?? []),
      toLeaderRole(row.leader as NodeRow, row.rel as RelRow, row.target as NodeRow),
    ]);
  }
  for (const list of out.values()) {
    list.sort(
      (a, b) =>
        RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation) ||
        a.leader.id.localeCompare(b.leader.id),
    );
  }
  return out;
}
