// Fallback for values no root field prefetched (e.g. an entity record built by another module without
// hydrating it): relation fields and citations load on demand, batched per selection and tick, so a
// list of N parents still costs one transaction per nesting level, never one per parent.
import type { GraphQLResolveInfo } from 'graphql';
import { fetchRelation } from '../../graph/queries/relations.js';
import { getNamedType } from 'graphql';
import type { AppContext } from '../context.js';
import { inBatch } from './batch.js';
import { loaders } from './loaders.js';
import { relationOfField } from './relation-fields.js';
import { attachCitations, groupRows, hydrateForField, relationValue } from './hydrate.js';
import type { CitationValue, EntityRecord } from './records.js';

/** Loads one relation field of `parent` (and everything selected below it) in a batched read transaction. */
export async function loadRelationLazily(
  parent: EntityRecord,
  args: Record<string, unknown>,
  context: AppContext,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  // Every item of a list shares the field node and therefore its arguments: the batch uses the first's.
  const key = info.fieldNodes[0].alias?.value ?? info.fieldName;
  // Every item of a list shares the field node, hence one batch per field node.
  await inBatch(loaders.relation, context, info.fieldNodes[0], parent, (parents) =>
    context.executor.read(async (tx) => {
      const { name, spec } = relationOfField(parents[0].label, info.fieldName)!;
      const access = context.access;
      const rows = await fetchRelation(
        tx,
        name,
        parents.map((p) => p.id),
        args,
        access,
      );
      const byParent = groupRows(rows);
      const values = parents.map((p) => {
        const value = relationValue(
          spec.kind,
          spec.one === true,
          getNamedType(info.returnType).name,
          byParent.get(p.id) ?? [],
        );
        p.prefetched.set(key, value);
        return value;
      });
      await hydrateForField(tx, info, access, values);
    }),
  );
  return parent.prefetched.get(key);
}

/** Citations of a value no loader filled: one Source query per tick for all such values. */
export async function loadCitationsLazily(target: object, context: AppContext): Promise<CitationValue[]> {
  await inBatch(loaders.citations, context, 'citations', target, (targets) =>
    context.executor.read((tx) => attachCitations(tx, targets)),
  );
  return (target as { citations?: CitationValue[] }).citations ?? [];
}
