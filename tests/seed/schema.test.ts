// The schema: one uniqueness constraint on id per label, lookup indexes, and the CJK full-text index
// over name, nameEn and aliases; set-up is idempotent and repairs an outdated full-text index.
import { beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../graph/model.js';
import { ENTITY_SEARCH_INDEX, ensureSchema } from '../../graph/schema.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await ensureSchema(db.executor);
});

const fullText = async () => {
  const [row] = await db.executor.query(
    `SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options, state WHERE name = $name
     RETURN labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer, state`,
    { name: ENTITY_SEARCH_INDEX },
  );
  return row;
};

describe('ensureSchema', () => {
  it('puts a uniqueness constraint on id for every label', async () => {
    const rows = await db.executor.query(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' AND properties = ['id'] RETURN labelsOrTypes[0] AS label",
    );
    const constrained = rows.map((r) => r.label);
    for (const label of LABELS) expect(constrained).toContain(label);
  });

  it('refuses a second node with the same id', async () => {
    await db.executor.mutate("CREATE (:Enterprise {id: 'ent:schema-probe', name: '探针'})");
    await expect(db.executor.mutate("CREATE (:Enterprise {id: 'ent:schema-probe', name: '探针二'})")).rejects.toThrow(
      /already exists/,
    );
    await db.executor.mutate("MATCH (n:Enterprise {id: 'ent:schema-probe'}) DELETE n");
  });

  it('builds the CJK full-text index over name, nameEn and aliases of every label', async () => {
    const row = await fullText();
    expect(row.analyzer).toBe('cjk');
    expect([...(row.properties as string[])].sort()).toEqual(['aliases', 'name', 'nameEn']);
    expect([...(row.labelsOrTypes as string[])].sort()).toEqual([...LABELS].sort());
    expect(row.state).toBe('ONLINE');
  });

  it('indexes the lookups of the API', async () => {
    const rows = await db.executor.query(
      "SHOW RANGE INDEXES YIELD labelsOrTypes, properties RETURN labelsOrTypes[0] + '.' + properties[0] AS key",
    );
    const keys = rows.map((r) => r.key);
    for (const key of [
      'Enterprise.local',
      'Chain.kind',
      'Segment.level',
      'Goal.code',
      'Chain.synthetic',
      'TARGET_FOR.stage',
    ])
      expect(keys).toContain(key);
  });

  it('is idempotent and rebuilds a full-text index made with another analyzer', async () => {
    await ensureSchema(db.executor);
    await db.executor.mutate(`DROP INDEX ${ENTITY_SEARCH_INDEX}`);
    await db.executor.mutate(
      `CREATE FULLTEXT INDEX ${ENTITY_SEARCH_INDEX} FOR (n:Enterprise) ON EACH [n.name] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'standard'}}`,
    );
    const lines: string[] = [];
    await ensureSchema(db.executor, (line) => lines.push(line));
    expect(lines.join('\n')).toContain('Rebuilding the full-text index');
    expect((await fullText()).analyzer).toBe('cjk');
  });

  it('finds a node by an alias inside a list and by part of a CJK name', async () => {
    await db.executor.mutate(
      "CREATE (:Institute {id: 'institute:probe', name: '中国科学院测试光学精密机械研究所', aliases: ['测光所', '测试光机所']})",
    );
    await db.executor.mutate('CALL db.awaitIndexes(60)');
    const search = (text: string) =>
      db.executor.query(
        `CALL db.index.fulltext.queryNodes('${ENTITY_SEARCH_INDEX}', $text) YIELD node RETURN node.id AS id`,
        { text },
      );
    // Full-text updates become visible after the index refresh; allow it a few seconds.
    for (let i = 0; i < 20 && (await search('测光所')).length === 0; i++) await new Promise((r) => setTimeout(r, 250));
    expect((await search('测光所')).map((r) => r.id)).toEqual(['institute:probe']);
    expect((await search('精密机械')).map((r) => r.id)).toEqual(['institute:probe']);
  });
});
