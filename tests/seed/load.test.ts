// Loading the shipped dataset: every fact has a source that exists, loading twice changes nothing,
// types arrive as the model says (dates, integers, lists), the planners' questions of issue 3 have
// sourced answers, and a dataset with a problem writes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { countGraph } from '../../graph/stats.js';
import { loadIfEmpty } from '../../seed/bootstrap.js';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../seed/load/load.js';
import { ValidationFailed } from '../../seed/load/problems.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { fixtureVariant, replaceOnce } from './fixtures.js';

const db = useTestDb();
const quiet = () => {};

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: quiet });
});

describe('the loaded Changchun dataset', () => {
  it('gives every domain node at least one source that exists as a Source node', async () => {
    const [row] = await db.executor.query(`
      MATCH (n) WHERE NOT n:Source
      WITH n, [s IN coalesce(n.sources, []) WHERE EXISTS { MATCH (:Source {id: s}) }] AS found
      RETURN count(n) AS nodes,
             [x IN collect(CASE WHEN size(found) = 0 OR size(found) <> size(n.sources) THEN n.id END) WHERE x IS NOT NULL][0..10] AS unsourced`);
    expect(row.nodes).toBeGreaterThan(200);
    expect(row.unsourced).toEqual([]);
  });

  it('gives every relationship at least one source that exists as a Source node', async () => {
    const [row] = await db.executor.query(`
      MATCH (a)-[r]->(b)
      WITH a, r, b, [s IN coalesce(r.sources, []) WHERE EXISTS { MATCH (:Source {id: s}) }] AS found
      RETURN count(r) AS rels,
             [x IN collect(CASE WHEN size(found) = 0 OR size(found) <> size(r.sources) THEN type(r) + ' ' + a.id + ' -> ' + b.id END) WHERE x IS NOT NULL][0..10] AS unsourced`);
    expect(row.rels).toBeGreaterThan(200);
    expect(row.unsourced).toEqual([]);
  });

  it('carries confidence and status on every domain node and relationship', async () => {
    const [row] = await db.executor.query(`
      CALL () { MATCH (n) WHERE NOT n:Source AND (n.confidence IS NULL OR n.status IS NULL) RETURN count(n) AS nodes }
      CALL () { MATCH ()-[r]->() WHERE r.confidence IS NULL OR r.status IS NULL RETURN count(r) AS rels }
      RETURN nodes, rels`);
    expect(row).toEqual({ nodes: 0, rels: 0 });
  });

  it('stores dates as Neo4j dates, counts as integers and aliases as lists', async () => {
    const [row] = await db.executor.query(`
      MATCH (p:Program {id: 'program:cc-10plus3'})
      MATCH (s:Segment) WHERE s.level = 1
      WITH p, s LIMIT 1
      MATCH (:Person)-[h:HOLDS]->() WHERE h.observedOn IS NOT NULL
      WITH p, s, h LIMIT 1
      MATCH (i:Institute {id: 'institute:ciomp'})
      RETURN valueType(p.issuedOn) AS issuedOn, valueType(p.declaredKeyChains) AS declared,
             valueType(s.level) AS level, valueType(h.observedOn) AS observedOn, valueType(i.aliases) AS aliases,
             toString(p.issuedOn) AS issued`);
    expect(row).toEqual({
      issuedOn: 'DATE NOT NULL',
      declared: 'INTEGER NOT NULL',
      level: 'INTEGER NOT NULL',
      observedOn: 'LIST<DATE NOT NULL> NOT NULL',
      aliases: 'LIST<STRING NOT NULL> NOT NULL',
      issued: '2023-06-28',
    });
  });

  it('marks English names as translations unless a source gives them', async () => {
    const [row] = await db.executor.query(`
      MATCH (n) WHERE n.nameEn IS NOT NULL AND n.nameEnTranslated IS NULL RETURN count(n) AS unmarked`);
    expect(row.unmarked).toBe(0);
  });

  it('leaves identical counts when loaded a second time', async () => {
    const before = await countGraph(db.executor);
    await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: quiet });
    expect(await countGraph(db.executor)).toEqual(before);
  });

  it('full-text search finds 光机所, 长光卫星 and 吉林一号', async () => {
    const search = (text: string) =>
      db.executor.query(
        "CALL db.index.fulltext.queryNodes('entity_search', $text) YIELD node, score RETURN node.id AS id ORDER BY score DESC LIMIT 3",
        { text },
      );
    expect((await search('光机所'))[0]?.id).toBe('institute:ciomp');
    expect((await search('长光卫星'))[0]?.id).toBe('ent:changguang-satellite');
    expect((await search('吉林一号')).map((r) => r.id)).toContain('ent:changguang-satellite');
  });
});

describe('the questions of issue 3, answered with sources', () => {
  it('who sponsors each headline chain', async () => {
    const rows = await db.executor.query(`
      MATCH (l:Leader)-[r:PATRON_OF]->(c:Chain) WHERE c.priority = 1
      RETURN c.id AS chain, l.title AS title, r.sources AS sources ORDER BY chain`);
    expect(rows.map((r) => r.chain)).toEqual(['chain:biomed', 'chain:nev', 'chain:opto']);
    for (const r of rows) expect((r.sources as string[]).length).toBeGreaterThan(0);
  });

  it('which districts form the 光电 "4+1" core area', async () => {
    const rows = await db.executor.query(`
      MATCH (d:District)-[h:HOSTS]->(:Chain {id: 'chain:opto'}) WHERE h.role CONTAINS '4+1'
      RETURN d.name AS name, h.sources AS sources ORDER BY name`);
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r.sources).toContain('source:s1');
  });

  it('what each digit of "16517" means', async () => {
    const rows = await db.executor.query(`
      MATCH (g:Goal)-[:GOAL_OF]->() WHERE g.code STARTS WITH '16517#'
      RETURN DISTINCT g.code AS code, g.metric AS metric, g.sources AS sources ORDER BY code`);
    expect(rows.map((r) => r.code)).toEqual(['16517#1', '16517#2', '16517#3', '16517#4', '16517#5']);
    for (const r of rows) expect((r.sources as string[]).length).toBeGreaterThan(0);
  });

  it('which chains are declared but unnamed', async () => {
    const [row] = await db.executor.query(`
      MATCH (c:Chain {identified: false})-[:PART_OF]->(:Program {id: 'program:cc-10plus3'})
      RETURN count(c) AS unnamed, sum(CASE c.kind WHEN 'guarantee' THEN 1 ELSE 0 END) AS guarantee`);
    expect(row).toEqual({ unnamed: 10, guarantee: 3 });
  });
});

describe('loading refuses bad data and writes nothing', () => {
  it('throws with the problem and leaves every count unchanged', async () => {
    const before = await countGraph(db.executor);
    const dir = fixtureVariant(
      (f) => (f['graph.yaml'] = replaceOnce(f['graph.yaml'], 'to: district:fx-zone,', 'to: district:fx-nowhere,')),
    );
    const error = await validateAndLoad(db.executor, dir, { log: quiet }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error.message).toMatch(
      /graph\.yaml:\d+ relationships\[6\] .* field "to": "district:fx-nowhere" does not exist/,
    );
    expect(await countGraph(db.executor)).toEqual(before);
  });
});

describe('first start (loadIfEmpty)', () => {
  it('loads the shipped data into an empty database and leaves a loaded one alone', async () => {
    await emptyDatabase(db.executor);
    const lines: string[] = [];
    await loadIfEmpty(db.executor, (line) => lines.push(line));
    const loaded = await countGraph(db.executor);
    expect(loaded.labels.Program).toBe(1);
    expect(lines.join('\n')).toContain('loading the shipped dataset');
    await loadIfEmpty(db.executor, (line) => lines.push(line));
    expect(await countGraph(db.executor)).toEqual(loaded);
    expect(lines.at(-1)).toContain('already holds data');
  });

  it('loads the shipped data when only a synthetic program exists', async () => {
    await emptyDatabase(db.executor);
    await db.executor.mutate("CREATE (:Program {id: 'program:synth-9', name: '合成', synthetic: true})");
    await loadIfEmpty(db.executor, quiet);
    const [row] = await db.executor.query('MATCH (p:Program) RETURN count(p) AS programs');
    expect(row.programs).toBe(2);
  });
});
