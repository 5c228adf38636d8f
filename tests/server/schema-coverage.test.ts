// Unit checks (no database): every field of every entity type has a resolver (nothing falls through to
// graphql's default resolver, which would answer null from an entity record), every relation field has
// its batched Cypher, and that Cypher names only labels and relationship types of the graph model.
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LABELS, REL_TYPES } from '../../graph/model.js';
import { RELATIONS, relationQuery } from '../../graph/queries/relations.js';
import { relationOfField } from '../../server/loading/relation-fields.js';
import { relation } from '../../server/resolvers/entity-fields.js';
import { resolvers } from '../../server/resolvers/index.js';
import { createSchema } from '../../server/schema/index.js';

const schema = createSchema();
const entityTypes = LABELS.map((label) => schema.getType(label)).filter(isObjectType);
const map = resolvers as unknown as Record<string, Record<string, unknown>>;

describe('entity resolvers', () => {
  it('exist for every label of the model', () => {
    expect(entityTypes.map((t) => t.name).sort()).toEqual([...LABELS].sort());
  });

  it.each(entityTypes.map((t) => [t.name, t] as const))('cover every field of %s', (name, type) => {
    const missing = Object.keys(type.getFields()).filter((field) => !map[name]?.[field]);
    expect(missing).toEqual([]);
  });

  it.each(entityTypes.map((t) => [t.name] as const))('have batched Cypher for every relation field of %s', (name) => {
    const relationFields = Object.entries(map[name])
      .filter(([, resolver]) => resolver === relation)
      .map(([field]) => field);
    // Every relation field names a relation graph/ defines, and every relation of the label is read by a field.
    const names = relationFields.map((field) => relationOfField(name, field)?.name);
    const specs = Object.keys(RELATIONS[name as keyof typeof RELATIONS] ?? {}).map((r) => `${name}.${r}`);
    expect(names.sort()).toEqual(specs.sort());
  });
});

describe('relation Cypher', () => {
  const all = Object.entries(RELATIONS).flatMap(([label, fields]) =>
    Object.entries(fields!).flatMap(([field, spec]) =>
      [{}, { descendants: true, first: 5 }].map((args) => [`${label}.${field}`, label, spec, args] as const),
    ),
  );

  it.each(all)('%s uses only labels and types of the model', (_, label, spec, args) => {
    const { cypher } = relationQuery(label as (typeof LABELS)[number], spec, args);
    for (const match of cypher.matchAll(/\[\w*:([A-Z_|]+)/g))
      for (const type of match[1].split('|')) expect(REL_TYPES).toContain(type);
    for (const match of cypher.matchAll(/\(\w*:([A-Za-z|]+)/g))
      for (const l of match[1].split('|')) expect(LABELS).toContain(l);
    expect(cypher).toMatch(/synthetic/);
  });

  it('refuses TARGET_FOR relations below analyst in the graph layer too', async () => {
    const { fetchRelation } = await import('../../graph/queries/relations.js');
    await expect(
      fetchRelation({} as never, 'Chain.targets', ['chain:x'], {}, { canSeeTargets: false }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
