// Prefetching of nested selections inside the root field's one transaction. Walks the GraphQL
// selection level by level; for every relation field (Chain.segments, Segment.enterprises…) asked
// at a level it runs ONE batched query for all parents of that level, then goes down. Citations of
// everything asked are turned into Source nodes with one final query. The query count depends on the
// shape of the selection (bounded by the depth/cost limits), never on the number of rows: no N+1.
import {
  type FieldNode,
  getArgumentValues,
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  isCompositeType,
  isObjectType,
} from 'graphql';
import type { ManagedTransaction } from 'neo4j-driver';
import { findSourcesByIds } from '../../graph/queries/entities.js';
import { fetchRelation, type RelationRow } from '../../graph/queries/relations.js';
import { collectSubfields, type SelectionScope } from './collect-fields.js';
import { relationOfField } from './relation-fields.js';
import {
  buildRelationValue,
  type CitationValue,
  entityRecord,
  type EntityRecord,
  isEntityRecord,
  provenanceOf,
} from './records.js';

export interface Access {
  canSeeTargets: boolean;
  defaultProgram?: string;
}

interface Scope extends SelectionScope {
  tx: ManagedTransaction;
  access: Access;
  citing: object[];
  /** The root field's `asOf` day: every relation read below it answers for that day. */
  asOf: string | null;
}

/** The `asOf` argument of the root field (chains, chain…) this field is under, if it has one. */
export function rootAsOf(info: GraphQLResolveInfo): string | null {
  let path = info.path;
  while (path.prev) path = path.prev;
  const rootType = info.operation.operation === 'query' ? info.schema.getQueryType() : null;
  const node = info.operation.selectionSet.selections.find(
    (s): s is FieldNode => s.kind === 'Field' && (s.alias?.value ?? s.name.value) === path.key,
  );
  const field = node ? rootType?.getFields()[node.name.value] : undefined;
  if (!node || !field?.args.some((a) => a.name === 'asOf')) return null;
  const value = getArgumentValues(field, node, info.variableValues).asOf;
  return typeof value === 'string' ? value : null;
}

/** Hydrates the values a root (or lazily loaded) field returns, for the selection of `info`, inside `tx`. */
export async function hydrateForField(
  tx: ManagedTransaction,
  info: GraphQLResolveInfo,
  access: Access,
  values: unknown[],
): Promise<void> {
  const type = getNamedType(info.returnType);
  if (!isCompositeType(type)) return;
  const scope: Scope = {
    tx,
    access,
    citing: [],
    asOf: rootAsOf(info),
    schema: info.schema,
    fragments: info.fragments,
    variables: info.variableValues,
  };
  await hydrate(scope, values, type, info.fieldNodes);
  await attachCitations(tx, scope.citing);
}

function concreteType(scope: Scope, type: GraphQLCompositeType, value: unknown): GraphQLObjectType | null {
  if (isObjectType(type)) return type;
  const name = isEntityRecord(value) ? value.label : (value as { __typename?: string })?.__typename;
  const found = name ? scope.schema.getType(name) : null;
  return found && isObjectType(found) ? found : null;
}

async function hydrate(
  scope: Scope,
  values: unknown[],
  type: GraphQLCompositeType,
  fieldNodes: readonly FieldNode[],
): Promise<void> {
  const groups = new Map<GraphQLObjectType, unknown[]>();
  for (const value of values.flat(Infinity)) {
    if (value === null || value === undefined || typeof value !== 'object') continue;
    const concrete = concreteType(scope, type, value);
    if (concrete) groups.set(concrete, [...(groups.get(concrete) ?? []), value]);
  }
  // Sibling fields are fetched concurrently: the driver pipelines their queries in the one transaction.
  const work: Promise<void>[] = [];
  for (const [objectType, group] of groups) {
    for (const [key, nodes] of collectSubfields(scope, objectType, fieldNodes))
      work.push(hydrateField(scope, objectType, group, key, nodes));
  }
  await settleAll(work);
}

async function hydrateField(
  scope: Scope,
  objectType: GraphQLObjectType,
  group: unknown[],
  key: string,
  nodes: FieldNode[],
): Promise<void> {
  const name = nodes[0].name.value;
  const definition = objectType.getFields()[name];
  if (!definition) return;
  const childType = getNamedType(definition.type);
  if (name === 'citations') {
    scope.citing.push(...(group as object[]));
    return;
  }
  let children: unknown[] = [];
  const relation = isEntityRecord(group[0]) ? relationOfField(objectType.name, name) : null;
  if (relation) {
    const { spec } = relation;
    // TARGET_FOR for a caller below analyst: not fetched; the field's resolver answers FORBIDDEN.
    if (spec.needsTargets && !scope.access.canSeeTargets) return;
    const args = getArgumentValues(definition, nodes[0], scope.variables);
    if (scope.asOf && args.asOf == null) args.asOf = scope.asOf;
    const records = group as EntityRecord[];
    const rows = await fetchRelation(
      scope.tx,
      relation.name,
      records.map((r) => r.id),
      args,
      scope.access,
    );
    const byParent = groupRows(rows);
    for (const record of records) {
      const value = relationValue(spec.kind, spec.one === true, childType.name, byParent.get(record.id) ?? []);
      record.prefetched.set(key, value);
      children.push(value);
    }
  } else if (isCompositeType(childType)) {
    children = group.map((v) => (v as Record<string, unknown>)[name]);
  }
  if (isCompositeType(childType) && children.length) await hydrate(scope, children, childType, nodes);
}

/** Like Promise.all, but waits for every query to finish before failing, so none runs on after the transaction ends. */
async function settleAll(work: Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(work);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

export function groupRows(rows: RelationRow[]): Map<string, RelationRow[]> {
  const byParent = new Map<string, RelationRow[]>();
  for (const row of rows) byParent.set(row.pid, [...(byParent.get(row.pid) ?? []), row]);
  return byParent;
}

/** The value of one relation field of one parent, from its rows. */
export function relationValue(kind: string, one: boolean, typeName: string, rows: RelationRow[]): unknown {
  // a count read as a Boolean field (Enterprise.local): whether there is any
  if (kind === 'count') return typeName === 'Boolean' ? Number(rows[0]?.value ?? 0) > 0 : Number(rows[0]?.value ?? 0);
  const items = rows.map((row) =>
    kind === 'rels' && row.rel ? buildRelationValue(typeName, row.rel, String(row.node?.id)) : entityRecord(row.node!),
  );
  return one ? (items[0] ?? null) : items;
}

/** Fills `citations` of entities, relationship facts and slice edges with one query for their Source nodes. */
export async function attachCitations(tx: ManagedTransaction, targets: object[]): Promise<void> {
  if (!targets.length) return;
  const provenance = targets.map((t) => provenanceOf(t));
  const sources = await findSourcesByIds(tx, [...new Set(provenance.flatMap((p) => p.ids))]);
  const byId = new Map(sources.map((s) => [s.id, s]));
  targets.forEach((target, i) => {
    const { ids, quotes } = provenance[i];
    const citations: CitationValue[] = ids.flatMap((id, k) => {
      const source = byId.get(id);
      return source ? [{ source: entityRecord(source), quote: quotes[k] }] : [];
    });
    (target as { citations?: CitationValue[] }).citations = citations;
  });
}
