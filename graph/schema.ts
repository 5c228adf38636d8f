// Constraints and indexes of the graph model: a uniqueness constraint on `id` for every label, the
// lookup indexes the API uses, and the CJK full-text index `entity_search`. Idempotent; runs on every load.
import type { Executor } from './executor.js';
import { LABELS, OPERATIONAL_LABELS } from './model.js';

/** Name of the full-text index over name, nameEn and aliases of every label (search). */
export const ENTITY_SEARCH_INDEX = 'entity_search';
/** Properties the full-text index covers; `aliases` is a list of strings (Neo4j indexes each element). */
export const ENTITY_SEARCH_PROPERTIES = ['name', 'nameEn', 'aliases'] as const;
/** Lucene's CJK analyzer: overlapping bigrams, so 光机所 or 吉林一号 match inside longer names and aliases. */
export const ENTITY_SEARCH_ANALYZER = 'cjk';

type Log = (line: string) => void;

/** Labels and properties with a range index: the lookups of the API, the gap analysis and the import. */
const PROPERTY_INDEXES: readonly (readonly [string, string])[] = [
  ['Enterprise', 'local'],
  ['Enterprise', 'uscc'],
  ['Chain', 'kind'],
  ['Segment', 'level'],
  ['District', 'kind'],
  ['Goal', 'code'],
  ['Policy', 'kind'],
  ['Source', 'url'],
  ['Source', 'name'],
  // Programs and chains are listed with or without synthetic data (the API's default hides it).
  ['Program', 'synthetic'],
  ['Chain', 'synthetic'],
  // The review queue and every import look a fact's proposals up by its target (a registry rerun asks
  // for each of its placements); without it each lookup scans every Proposal.
  ['Proposal', 'target'],
];
// Not indexed on purpose: Enterprise.name (exact-name lookups also match aliases, which a range index
// cannot serve; search uses entity_search) and the synthetic flag of large labels (removal scans by
// label and stops at its batch size). Each index on Enterprise slows bulk loads noticeably.

/** Relationship property indexes: the investment-promotion pipeline is queried by stage. */
const RELATIONSHIP_INDEXES: readonly (readonly [string, string])[] = [['TARGET_FOR', 'stage']];

const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function safe(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`Refusing to splice "${name}" into schema Cypher`);
  return name;
}

/** Every schema statement with the name of what it creates. */
export function schemaStatements(): { name: string; cypher: string }[] {
  const constraints = [...LABELS, ...OPERATIONAL_LABELS].map((label) => {
    const name = safe(`uniq_${label}_id`);
    return { name, cypher: `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${safe(label)}) REQUIRE n.id IS UNIQUE` };
  });
  const nodeIndexes = PROPERTY_INDEXES.map(([label, prop]) => {
    const name = safe(`idx_${label}_${prop}`);
    return { name, cypher: `CREATE INDEX ${name} IF NOT EXISTS FOR (n:${safe(label)}) ON (n.${safe(prop)})` };
  });
  const relIndexes = RELATIONSHIP_INDEXES.map(([type, prop]) => {
    const name = safe(`idx_${type}_${prop}`);
    return { name, cypher: `CREATE INDEX ${name} IF NOT EXISTS FOR ()-[r:${safe(type)}]-() ON (r.${safe(prop)})` };
  });
  return [...constraints, ...nodeIndexes, ...relIndexes, { name: ENTITY_SEARCH_INDEX, cypher: fullTextStatement() }];
}

function fullTextStatement(): string {
  const labels = LABELS.map(safe).join('|');
  const props = ENTITY_SEARCH_PROPERTIES.map((p) => `n.${p}`).join(', ');
  return (
    `CREATE FULLTEXT INDEX ${ENTITY_SEARCH_INDEX} IF NOT EXISTS FOR (n:${labels}) ON EACH [${props}] ` +
    `OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${ENTITY_SEARCH_ANALYZER}'}}`
  );
}

/**
 * Creates what is missing and waits until every index is online. An `entity_search` index built for
 * other labels, properties or analyzer (an older model) is dropped and rebuilt, since IF NOT EXISTS
 * would keep it as it is.
 */
export async function ensureSchema(executor: Executor, log: Log = () => {}, awaitSeconds = 300): Promise<void> {
  const [existing] = await executor.query(
    `SHOW FULLTEXT INDEXES
     YIELD name, labelsOrTypes, properties, options
     WHERE name = $name
     RETURN labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer`,
    { name: ENTITY_SEARCH_INDEX },
  );
  if (existing && !sameFullText(existing)) {
    log(`Rebuilding the full-text index ${ENTITY_SEARCH_INDEX} (its labels, properties or analyzer changed).`);
    await executor.mutate(`DROP INDEX ${ENTITY_SEARCH_INDEX} IF EXISTS`);
  }
  // Only what is missing (by name; a constraint's backing index has its name) is created, so a start-up
  // with the schema in place costs two queries.
  // IF NOT EXISTS still guards against an equivalent constraint or index under another name.
  const present = new Set((await executor.query('SHOW INDEXES YIELD name RETURN name')).map((r) => r.name));
  if (existing && !sameFullText(existing)) present.delete(ENTITY_SEARCH_INDEX);
  for (const statement of schemaStatements()) if (!present.has(statement.name)) await executor.mutate(statement.cypher);
  await executor.mutate(
    'CALL db.awaitIndexes($seconds)',
    { seconds: awaitSeconds },
    { timeoutMs: (awaitSeconds + 10) * 1000 },
  );
}

function sameFullText(row: Record<string, unknown>): boolean {
  const sorted = (v: unknown) => [...((v as string[]) ?? [])].sort().join(',');
  return (
    sorted(row.labelsOrTypes) === sorted(LABELS) &&
    sorted(row.properties) === sorted(ENTITY_SEARCH_PROPERTIES) &&
    row.analyzer === ENTITY_SEARCH_ANALYZER
  );
}
