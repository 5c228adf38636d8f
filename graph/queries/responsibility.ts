// Responsibility as data: from any entity to the leaders accountable for it. The entity reaches a
// chain or the program along "belongs to" relationships, all pointing towards the chain (a firm
// IN_SEGMENT a segment PART_OF a chain; a district HOSTS it; a goal is GOAL_OF it; an observation
// MEASURES a goal; an institute SUPPORTS it…); the leader PATRON_OF / OWNER_OF the chain or
// COORDINATES the program. One shortest path per chain or program reached, with the office-holders.
import type { ManagedTransaction } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { notFound } from '../errors.js';
import { runRows } from '../executor.js';
import { labelOfId, type RelType } from '../model.js';
import { buildSlice, type GraphSlice, type NodeRow, type RelRow } from '../slice.js';
import { LIVE, NODE_MAP, REL_WITH_ENDS, type RelWithEnds, relTypeExpression } from './common.js';

/** Relationships that lead from a thing towards the chain it belongs to (all point that way). */
export const TOWARDS_CHAIN: RelType[] = [
  'IN_SEGMENT',
  'LEADS',
  'PART_OF',
  'HOSTS',
  'SUPPORTS',
  'GOAL_OF',
  'MEASURES',
  'DESCRIBES',
];
export const MAX_RESPONSIBILITY_HOPS = 7;

export interface ResponsibilityRow {
  leader: NodeRow;
  /** The PATRON_OF / OWNER_OF / COORDINATES relationship. */
  role: RelWithEnds;
  /** The chain or program. */
  via: NodeRow;
  path: GraphSlice;
  hops: number;
  holdings: RelWithEnds[];
}

export async function responsibility(
  tx: ManagedTransaction,
  id: string,
  options: { at?: string | null; canSeeTargets: boolean },
): Promise<ResponsibilityRow[]> {
  const label = labelOfId(id);
  if (!label) throw notFound(`The entity ${JSON.stringify(id)}`);
  const [root] = await runRows(tx, `MATCH (x:${label} {id: $id}) RETURN coalesce(x.synthetic, false) AS synthetic`, {
    id,
  });
  if (!root) throw notFound(`The entity ${JSON.stringify(id)}`);
  // TARGET_FOR leads a target firm to its chain; only analysts may follow it.
  const types = relTypeExpression(options.canSeeTargets ? [...TOWARDS_CHAIN, 'TARGET_FOR'] : TOWARDS_CHAIN);
  const at = options.at ? dateParam(options.at) : null;
  const rows = await runRows(
    tx,
    `MATCH (x:${label} {id: $id})
     MATCH p = SHORTEST 1 (x)(()-[:${types}]->(n WHERE (coalesce(n.synthetic, false) = false OR $synthetic) AND ${LIVE('n')})){0,${MAX_RESPONSIBILITY_HOPS}}(t:Chain|Program)
     MATCH (t)<-[lr:PATRON_OF|OWNER_OF|COORDINATES]-(l:Leader)
     WHERE ((t:Chain AND type(lr) IN ['PATRON_OF', 'OWNER_OF']) OR (t:Program AND type(lr) = 'COORDINATES'))
       AND ${LIVE('lr')} AND ${LIVE('l')}
     CALL (l) {
       MATCH (:Person)-[h:HOLDS]->(l)
       WHERE ${LIVE('h')} AND ($at IS NULL
          OR ((h.validFrom IS NOT NULL OR h.validTo IS NOT NULL)
              AND (h.validFrom IS NULL OR h.validFrom <= $at) AND (h.validTo IS NULL OR h.validTo >= $at))
          OR $at IN coalesce(h.observedOn, []))
       RETURN collect(${REL_WITH_ENDS('h')}) AS holdings
     }
     RETURN ${NODE_MAP('l')} AS leader, ${REL_WITH_ENDS('lr')} AS role, ${NODE_MAP('t')} AS via,
            [n IN nodes(p) | ${NODE_MAP('n')}] AS nodes,
            [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS rels,
            length(p) + 1 AS hops, holdings
     ORDER BY hops, CASE type(lr) WHEN 'PATRON_OF' THEN 0 WHEN 'OWNER_OF' THEN 1 ELSE 2 END, l.name, t.id`,
    { id, synthetic: root.synthetic === true, at },
  );
  return rows.map((r) => {
    const leader = r.leader as NodeRow;
    const role = r.role as RelWithEnds;
    const path = buildSlice(
      [...(r.nodes as NodeRow[]), leader as NodeRow],
      [...(r.rels as RelRow[]), { type: role.type, from: role.start.id, to: role.end.id, props: role.props }],
    );
    return { leader, role, via: r.via as NodeRow, path, hops: r.hops as number, holdings: r.holdings as RelWithEnds[] };
  });
}

function dateParam(iso: string) {
  const [y, m, d] = iso.split('-').map(Number);
  return new neo4j.types.Date(y, m, d);
}
