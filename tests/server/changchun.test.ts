// The "Done when" on the shipped Changchun data, loaded through the seed loader: search finds
// the institute by its short name and 长光卫星 from traditional characters; the biomed chain shows its
// sponsor with the citation, its eight fields, its districts with roles and its goals; responsibility
// leads from a 光电 firm to 市人大主要领导; the path 长光卫星 → 吉林大学 never errors. One transaction each.
import { beforeAll, describe, expect, it } from 'vitest';
import { validateAndLoad } from '../../seed/load/load.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { gql, testApp } from './helpers.js';

const db = useTestDb();
const app = testApp(db.executor);

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor);
}, 180_000);

describe('the Changchun data through the API', () => {
  it('search("光机所") finds the institute first', async () => {
    const r = await gql(app, '{ search(text: "光机所") { matchedOn entity { id type name } } }');
    expect(r.data!.search[0].entity).toMatchObject({ id: 'institute:ciomp', type: 'INSTITUTE' });
    expect(r.extensions?.transactions).toBe(1);
  });

  it('search("長光衛星") finds 长光卫星 first', async () => {
    const r = await gql(app, '{ search(text: "長光衛星") { entity { id name } } }');
    expect(r.data!.search[0].entity.id).toBe('ent:changguang-satellite');
    expect(r.data!.search[0].entity.name).toContain('长光卫星');
  });

  it('chain(biomed) returns its sponsor with the citation, its eight fields, its districts with roles, its goals', async () => {
    const r = await gql(
      app,
      `{ chain(id: "chain:biomed") {
          name
          patrons { leader { name } citations { quote source { id name url } } }
          segments { id name level children { name } }
          districts { role entity { id name } citations { quote } }
          goals { goal { id name } metric targetValue unit basis }
        } }`,
    );
    expect(r.errors).toBeUndefined();
    const chain = r.data!.chain;
    const sponsor = chain.patrons.find((p: { leader: { name: string } }) => p.leader.name === '市政协主要领导');
    expect(sponsor).toBeDefined();
    expect(sponsor.citations.length).toBeGreaterThan(0);
    expect(sponsor.citations[0].quote).toMatch(/政协/);
    expect(sponsor.citations[0].source.url).toMatch(/^https?:/);
    expect(chain.segments).toHaveLength(8);
    expect(chain.segments.every((s: { level: number }) => s.level === 1)).toBe(true);
    expect(chain.districts.length).toBeGreaterThan(0);
    expect(chain.districts.some((d: { role: string | null }) => !!d.role)).toBe(true);
    expect(chain.districts.every((d: { citations: unknown[] }) => d.citations.length > 0)).toBe(true);
    expect(chain.goals.length).toBeGreaterThan(0);
  });

  it('answers the chain view (sponsors, fields, districts) in one transaction', async () => {
    // Chain.goals (analysis) is read by its own batched loader: one more transaction per request for
    // all chains at once, so it is left out here.
    const r = await gql(
      app,
      '{ chain(id: "chain:biomed") { patrons { leader { name } citations { quote source { name } } } segments { name children { name enterprises { entity { name } } } } districts { role entity { name } } kpis { metric } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.transactions).toBe(1);
  });

  it('responsibility from a firm in a 光电 segment reaches 市人大主要领导 with the path', async () => {
    const [firm] = await db.executor.query(
      `MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:PART_OF]->{1,6}(:Chain {id: 'chain:opto'})
       RETURN e.id AS id ORDER BY e.id LIMIT 1`,
    );
    expect(firm?.id).toBeTruthy();
    const r = await gql(
      app,
      `{ responsibility(id: "${firm.id}") { relation hops leader { name } via { id } path { nodes { id type } edges { type citations { quote } } } } }`,
    );
    expect(r.extensions?.transactions).toBe(1);
    const npc = r.data!.responsibility.find((x: { leader: { name: string } }) => x.leader.name === '市人大主要领导');
    expect(npc).toMatchObject({ relation: 'PATRON_OF', via: { id: 'chain:opto' } });
    const ids = npc.path.nodes.map((n: { id: string }) => n.id);
    expect(ids[0]).toBe(firm.id);
    expect(ids).toContain('chain:opto');
    expect(npc.path.nodes.at(-1).type).toBe('LEADER');
    expect(npc.path.edges).toHaveLength(npc.hops);
    expect(npc.path.edges.find((e: { type: string }) => e.type === 'PATRON_OF').citations.length).toBeGreaterThan(0);
  });

  it('path between 长光卫星 and 吉林大学 is a path or empty, never an error', async () => {
    const r = await gql(
      app,
      '{ path(from: "ent:changguang-satellite", to: "university:jlu") { nodes { id } edges { type } truncated } }',
    );
    expect(r.errors).toBeUndefined();
    const path = r.data!.path;
    if (path.nodes.length) {
      expect(path.nodes[0].id).toBe('ent:changguang-satellite');
      expect(path.nodes.map((n: { id: string }) => n.id)).toContain('university:jlu');
    } else {
      expect(path.edges).toEqual([]);
    }
  });

  it('lists the 13 chains of 10+3, the unnamed ones honestly', async () => {
    const r = await gql(app, '{ chains { id name kind identified owners { leader { name } } } }');
    expect(r.data!.chains).toHaveLength(13);
    expect(r.data!.chains.filter((c: { kind: string }) => c.kind === 'GUARANTEE')).toHaveLength(3);
    expect(
      r
        .data!.chains.filter((c: { identified: boolean }) => !c.identified)
        .every((c: { name: string }) => /未公开/.test(c.name)),
    ).toBe(true);
  });
});

describe('spreadsheet import through the API', () => {
  const csv = [
    'id,name,nameEn,aliases,uscc,local,tags,district,segment,role,outputYuan,source,sourceTitle,quote,confidence,status',
    'ent:api-import-test,接口导入测试企业,,,,true,,,,,,source:s1,,光电信息产业,low,unverified', // a quote of S1 is S1's words
  ].join('\n');

  it('imports for an editor, refuses below, and lists the run in the audit trail', async () => {
    const refused = await gql(app, 'mutation($csv: String) { importCsv(csv: $csv) { rows } }', { csv }, 'analyst');
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    const r = await gql(
      app,
      'mutation($csv: String) { importCsv(csv: $csv, fileName: "test.csv") { kind rows nodesWritten errors { row column message } importRunId } }',
      { csv },
      'editor',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.importCsv).toMatchObject({ kind: 'ENTERPRISES', rows: 1, errors: [] });
    expect(r.data!.importCsv.nodesWritten).toBeGreaterThan(0);
    const node = await gql(app, '{ node(id: "ent:api-import-test") { name } }');
    expect(node.data!.node).toEqual({ name: '接口导入测试企业' });
    const trail = await gql(
      app,
      '{ auditTrail(first: 5) { entries { action target actorRole after outcome } } }',
      {},
      'admin',
    );
    expect(trail.data!.auditTrail.entries[0]).toMatchObject({
      action: 'importCsv',
      target: 'test.csv',
      actorRole: 'editor',
      after: { importRunId: r.data!.importCsv.importRunId },
      outcome: 'committed',
    });
  });

  it('reports every problem and writes nothing for a bad file', async () => {
    const bad = csv.replace('ent:api-import-test,接口导入测试企业', 'ent:api-import-bad,').replace(',true,', ',maybe,');
    const r = await gql(
      app,
      'mutation($csv: String) { importCsv(csv: $csv) { nodesWritten errors { row column message } } }',
      { csv: bad },
      'editor',
    );
    expect(r.data!.importCsv.nodesWritten).toBe(0);
    expect(r.data!.importCsv.errors.length).toBeGreaterThanOrEqual(2);
    expect((await gql(app, '{ node(id: "ent:api-import-bad") { id } }')).data!.node).toBeNull();
  });
});
