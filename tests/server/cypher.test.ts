// Researchers' Cypher: only read queries run; writes, file/URL loading, batched transactions, APOC
// writes and administration are refused with a clear message and change nothing. Results come back
// as documented JSON, capped in rows and time.
import { beforeAll, describe, expect, it } from 'vitest';
import { countAll, emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { codes, gql, testApp } from './helpers.js';

const db = useTestDb();
const app = testApp(db.executor, { KG_CYPHER_MAX_ROWS: '5', KG_CYPHER_TIMEOUT_MS: '500' });
const cypher = (query: string, params?: unknown) =>
  gql(
    app,
    'query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { columns rows truncated rowCount } }',
    { q: query, p: params },
    'analyst',
  );

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
});

describe('the read-only guard', () => {
  const refused: [string, string][] = [
    ['CREATE', "CREATE (:Chain {id: 'chain:evil', name: 'x'})"],
    ['MERGE', "MERGE (n:Chain {id: 'chain:evil'}) RETURN n"],
    ['SET', `MATCH (n:Chain {id: '${F.opto}'}) SET n.name = 'x' RETURN n`],
    ['DELETE', `MATCH (n:Chain {id: '${F.opto}'}) DETACH DELETE n`],
    ['REMOVE', `MATCH (n:Chain {id: '${F.opto}'}) REMOVE n.name RETURN n`],
    ['LOAD CSV', "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row"],
    ['LOAD CSV (URL)', "LOAD CSV WITH HEADERS FROM 'https://example.org/x.csv' AS row RETURN row"],
    ['CALL IN TRANSACTIONS', 'MATCH (n) CALL (n) { SET n.touched = true } IN TRANSACTIONS OF 10 ROWS RETURN count(*)'],
    ['APOC write', "CALL apoc.create.node(['Chain'], {id: 'chain:evil'}) YIELD node RETURN node"],
    ['APOC write (backticks)', "CALL `apoc`.`create`.`node`(['Chain'], {}) YIELD node RETURN node"],
    ['apoc.load', "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value"],
    ['apoc.cypher', "CALL apoc.cypher.runWrite('CREATE (n)', {}) YIELD value RETURN value"],
    ['apoc.periodic', "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'SET n.x = 1', {})"],
    ['dbms', 'CALL dbms.listConfig() YIELD name RETURN name'],
    ['db write procedure', "CALL db.createLabel('Evil')"],
    ['administration', 'SHOW USERS'],
    ['USE', 'USE system MATCH (n) RETURN n'],
    ['index', 'CREATE INDEX evil FOR (n:Chain) ON (n.evil)'],
  ];

  it.each(refused)('refuses %s and changes nothing', async (_, query) => {
    const before = await countAll(db.executor);
    const r = await cypher(query);
    expect(['FORBIDDEN', 'BAD_USER_INPUT']).toContain(codes(r)[0]);
    expect(r.errors![0].message.length).toBeGreaterThan(20);
    expect(await countAll(db.executor)).toEqual(before);
    const [row] = await db.executor.query(
      `MATCH (n:Chain {id: '${F.opto}'}) RETURN n.name AS name, n.touched AS touched`,
    );
    expect(row).toEqual({ name: '光电信息', touched: null });
  });

  it('names the problem: writes are read-only, LOAD CSV cannot read files', async () => {
    expect((await cypher('CREATE (n:X) RETURN n')).errors![0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringMatching(/read queries/),
    });
    expect((await cypher("LOAD CSV FROM 'file:///x' AS r RETURN r")).errors![0].message).toMatch(
      /cannot read files or URLs/,
    );
  });

  it('answers BAD_USER_INPUT for a syntax error or several statements', async () => {
    expect(codes(await cypher('MATCH (n RETURN n'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await cypher('MATCH (n) RETURN n; MATCH (m) RETURN m'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await cypher('RETURN 1', [1, 2]))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('results', () => {
  it('returns nodes, relationships and paths in the documented shape, numbers as JSON numbers', async () => {
    const r = await cypher(
      `MATCH p = (e:Enterprise {id: $id})-[r:IN_SEGMENT]->(s) RETURN e, r, p, s.level AS level, e.tags AS tags, 1.5 AS f, date('2023-06-28') AS d LIMIT $n`,
      { id: F.cgsat, n: 1 },
    );
    expect(r.errors).toBeUndefined();
    const { columns, rows, truncated, rowCount } = r.data!.cypher;
    expect(columns).toEqual(['e', 'r', 'p', 'level', 'tags', 'f', 'd']);
    expect(truncated).toBe(false);
    expect(rowCount).toBe(1);
    const [row] = rows;
    expect(row.e).toMatchObject({
      _kind: 'node',
      id: F.cgsat,
      labels: ['Enterprise'],
      properties: { name: '长光卫星技术股份有限公司', local: true },
    });
    expect(typeof row.e.elementId).toBe('string');
    expect(row.r).toMatchObject({
      _kind: 'relationship',
      type: 'IN_SEGMENT',
      startElementId: row.e.elementId,
      properties: { role: 'core' },
    });
    expect(row.p._kind).toBe('path');
    expect(row.p.nodes).toHaveLength(2);
    expect(row.p.relationships).toHaveLength(1);
    expect(row).toMatchObject({ level: 2, tags: ['独角兽'], f: 1.5, d: '2023-06-28' });
  });

  it('caps the rows and says so', async () => {
    const r = await cypher('UNWIND range(1, 100) AS x RETURN x');
    expect(r.data!.cypher).toMatchObject({
      rowCount: 5,
      truncated: true,
      rows: [{ x: 1 }, { x: 2 }, { x: 3 }, { x: 4 }, { x: 5 }],
    });
  });

  it('stops a slow query with TIMEOUT', async () => {
    const started = Date.now();
    const r = await cypher('UNWIND range(1, 100000000) AS x WITH x WHERE x * x = -1 RETURN count(*) AS n');
    expect(codes(r)).toEqual(['TIMEOUT']);
    expect(r.errors![0].message).toMatch(/Narrow it/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('allows read procedures', async () => {
    const r = await cypher('CALL db.labels() YIELD label RETURN label ORDER BY label');
    expect(r.data!.cypher.rows.map((x: { label: string }) => x.label)).toContain('Chain');
  });

  it('runs in one transaction', async () => {
    expect((await cypher('MATCH (c:Chain) RETURN c.id AS id')).extensions?.transactions).toBe(1);
  });
});
