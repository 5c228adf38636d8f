// Lookups an import needs before it writes: which ids exist (and with what provenance), firms by
// 统一社会信用代码, nodes by exact name or alias, sources by URL or title, and existing relationships.
// Run inside one read transaction so that the import validates against one state of the graph.
import type { ManagedTransaction } from 'neo4j-driver';
import { toPlain } from './convert.js';
import { findNodesByIds } from './queries/entities.js';
import { NODE_MAP, type NodeRow } from './slice.js';
import { labelOfId, LABELS, REL_TYPES, type Label, type RelType } from './model.js';

/** Nodes by id (label taken from the id prefix, so the id index is used). */
export async function findNodesById(tx: ManagedTransaction, ids: string[]): Promise<Map<string, NodeRow>> {
  return new Map((await findNodesByIds(tx, ids)).map((node) => [node.id, node]));
}

/** Enterprise ids by 统一社会信用代码. */
export async function findEnterprisesByUscc(tx: ManagedTransaction, usccs: string[]): Promise<Map<string, string[]>> {
  const result = await tx.run(
    'MATCH (n:Enterprise) WHERE n.uscc IN $usccs RETURN n.uscc AS uscc, collect(n.id) AS ids',
    { usccs: [...new Set(usccs)] },
  );
  return new Map(result.records.map((r) => [r.get('uscc') as string, r.get('ids') as string[]]));
}

/** Nodes of the given labels whose name or one of whose aliases equals one of `names`. */
export async function findNodesByName(
  tx: ManagedTransaction,
  labels: readonly Label[],
  names: string[],
): Promise<Map<string, NodeRow[]>> {
  const found = new Map<string, NodeRow[]>();
  const wanted = [...new Set(names)];
  if (!wanted.length) return found;
  for (const label of labels) {
    if (!LABELS.includes(label)) throw new Error(`Unknown label ${label}`);
    const result = await tx.run(
      `MATCH (n:${label})
       WHERE n.name IN $names OR any(alias IN coalesce(n.aliases, []) WHERE alias IN $names)
       RETURN ${NODE_MAP('n')} AS node`,
      { names: wanted },
    );
    for (const record of result.records) {
      const node = toPlain(record.get('node')) as NodeRow;
      const keys = [node.name, ...((node.aliases as string[] | undefined) ?? [])].filter((n) =>
        wanted.includes(n as string),
      );
      for (const key of new Set(keys as string[])) found.set(key, [...(found.get(key) ?? []), node]);
    }
  }
  return found;
}

/** Source ids by URL and by title. */
export async function findSourceIdsByUrlOrTitle(tx: ManagedTransaction, urls: string[], titles: string[]) {
  const result = await tx.run(
    'MATCH (s:Source) WHERE s.url IN $urls OR s.name IN $titles RETURN s.id AS id, s.url AS url, s.name AS name',
    { urls: [...new Set(urls)], titles: [...new Set(titles)] },
  );
  const byUrl = new Map<string, string>();
  const byTitle = new Map<string, string>();
  for (const r of result.records) {
    if (r.get('url')) byUrl.set(r.get('url'), r.get('id'));
    if (r.get('name')) byTitle.set(r.get('name'), r.get('id'));
  }
  return { byUrl, byTitle };
}

export interface RelKey {
  type: RelType;
  from: string;
  to: string;
}
export const relKey = (r: RelKey) => `${r.type}|${r.from}|${r.to}`;

/** Properties of the relationships that already exist, keyed by relKey. */
export async function findRelationships(
  tx: ManagedTransaction,
  rels: RelKey[],
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const groups = new Map<string, RelKey[]>();
  for (const rel of rels) {
    const fromLabel = labelOfId(rel.from);
    const toLabel = labelOfId(rel.to);
    if (!fromLabel || !toLabel || !REL_TYPES.includes(rel.type)) continue;
    const key = `${rel.type}|${fromLabel}|${toLabel}`;
    groups.set(key, [...(groups.get(key) ?? []), rel]);
  }
  for (const [key, list] of groups) {
    const [type, fromLabel, toLabel] = key.split('|') as [RelType, Label, Label];
    const result = await tx.run(
      `UNWIND $pairs AS pair
       MATCH (a:${fromLabel} {id: pair.from})-[r:${type}]->(b:${toLabel} {id: pair.to})
       RETURN pair.from AS from, pair.to AS to, properties(r) AS props`,
      { pairs: list.map(({ from, to }) => ({ from, to })) },
    );
    for (const r of result.records)
      found.set(
        relKey({ type, from: r.get('from'), to: r.get('to') }),
        (toPlain(r.get('props')) ?? {}) as Record<string, unknown>,
      );
  }
  return found;
}
