// Field resolvers shared by every entity type: properties of the record, relation fields served from
// the prefetch (or loaded lazily when nothing prefetched them), and the fields every Entity has.
import type { GraphQLResolveInfo } from 'graphql';
import { entityTypeOf } from '../../graph/model.js';
import type { AppContext } from '../context.js';
import { loadCitationsLazily, loadRelationLazily } from '../loading/lazy.js';
import { relationOfField } from '../loading/relation-fields.js';
import type { CitationValue, EntityRecord } from '../loading/records.js';
import { requireRole } from '../plugins/access.js';

/** A stored property named like the field (null when absent). */
export const prop = (record: EntityRecord, _args: unknown, _context: AppContext, info: GraphQLResolveInfo) =>
  (record.props[info.fieldName] ?? null) as never;

/** A list property (empty when absent). */
export const listProp = (record: EntityRecord, _args: unknown, _context: AppContext, info: GraphQLResolveInfo) => {
  const value = record.props[info.fieldName];
  return (Array.isArray(value) ? value.map(String) : []) as never;
};

/** A relation field (Chain.patrons, Segment.enterprises…): from the prefetch of the root transaction. */
export async function relation(
  record: EntityRecord,
  args: Record<string, unknown>,
  context: AppContext,
  info: GraphQLResolveInfo,
): Promise<never> {
  const spec = relationOfField(record.label, info.fieldName)?.spec;
  if (spec?.needsTargets)
    requireRole(context, 'analyst', `${record.label}.${info.fieldName} (investment-promotion targets)`);
  const key = info.fieldNodes[0].alias?.value ?? info.fieldName;
  if (record.prefetched.has(key)) return record.prefetched.get(key) as never;
  return (await loadRelationLazily(record, args, context, info)) as never;
}

/** Citations of anything with provenance: filled by the prefetch, else loaded lazily. */
export async function citations(value: object, _args: unknown, context: AppContext): Promise<CitationValue[]> {
  const filled = (value as { citations?: CitationValue[] }).citations;
  return filled ?? loadCitationsLazily(value, context);
}

const isSource = (r: EntityRecord) => r.label === 'Source';

export const entityFields = {
  id: (r: EntityRecord) => r.id,
  type: (r: EntityRecord) => entityTypeOf(r.label) as never,
  name: (r: EntityRecord) => String(r.props.name ?? r.id),
  nameEn: prop,
  aliases: listProp,
  confidence: (r: EntityRecord) => String(r.props.confidence ?? (isSource(r) ? 'n/a' : 'unknown')),
  status: (r: EntityRecord) => String(r.props.status ?? (isSource(r) ? 'n/a' : 'unknown')),
  citations: (r: EntityRecord, args: unknown, context: AppContext) => citations(r, args, context),
  synthetic: (r: EntityRecord) => r.props.synthetic === true,
  data: (r: EntityRecord) => r.props,
};
