// Access by role: public < analyst < editor < admin. A public caller must not see investment-promotion
// targets (TARGET_FOR, their stages) through any field, filter, slice or path; unknown tokens and
// closed public reading are UNAUTHENTICATED; fields above the caller's role are FORBIDDEN.
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { codes, gql, testApp, type TestRole } from './helpers.js';

const db = useTestDb();
const app = testApp(db.executor);

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
});

const STAGE_WORDS = /在谈|推介|stageSince|stageHistory|TARGET_FOR/;

describe('a public caller cannot see target stages', () => {
  it('is refused the target fields of chains, segments and enterprises', async () => {
    for (const query of [
      `{ chain(id: "${F.opto}") { targets { stage } } }`,
      `{ node(id: "${F.chip}") { ... on Segment { targets { stage } } } }`,
      `{ node(id: "${F.target}") { ... on Enterprise { targetFor { stage history { stage } } } } }`,
      `{ search(text: "外地芯片") { entity { ... on Enterprise { targetFor { target { id } } } } } }`,
    ]) {
      const r = await gql(app, query);
      expect(codes(r), query).toContain('FORBIDDEN');
      expect(JSON.stringify(r.data ?? {}), query).not.toMatch(STAGE_WORDS);
    }
  });

  it('gets slices, paths and responsibility without TARGET_FOR', async () => {
    const neighborhood = await gql(
      app,
      `{ neighborhood(id: "${F.chip}", depth: 3, limit: 1000) { nodes { id data } edges { type data } } }`,
    );
    expect(JSON.stringify(neighborhood.data)).not.toMatch(STAGE_WORDS);
    expect(neighborhood.data!.neighborhood.nodes.map((n: { id: string }) => n.id)).not.toContain(F.target);
    const targetCentre = await gql(
      app,
      `{ neighborhood(id: "${F.target}", depth: 3) { nodes { id } edges { type } } }`,
    );
    expect(targetCentre.data!.neighborhood).toEqual({ nodes: [{ id: F.target }], edges: [] });
    const path = await gql(app, `{ path(from: "${F.target}", to: "${F.chip}") { nodes { id } edges { type data } } }`);
    expect(path.data!.path).toEqual({ nodes: [], edges: [] });
    const responsibility = await gql(
      app,
      `{ responsibility(id: "${F.target}") { leader { id } path { edges { type } } } }`,
    );
    expect(responsibility.data!.responsibility).toEqual([]);
    const entity = await gql(
      app,
      `{ node(id: "${F.target}") { data ... on Enterprise { segments { entity { id } } chains { id } } } }`,
    );
    expect(JSON.stringify(entity.data)).not.toMatch(STAGE_WORDS);
    expect(entity.data!.node.chains).toEqual([]);
  });

  it('cannot reach them through cypher either', async () => {
    const r = await gql(app, '{ cypher(query: "MATCH ()-[r:TARGET_FOR]->() RETURN r.stage AS stage") { rows } }');
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.data).toBeNull();
  });
});

describe('an analyst sees target stages everywhere', () => {
  it('through fields, with the history', async () => {
    const r = await gql(
      app,
      `{ chain(id: "${F.opto}") { targets { stage stageSince history { stage since citations { source { id } } } enterprise { id } target { id } citations { quote } } } }`,
      {},
      'analyst',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.chain.targets).toEqual([
      {
        stage: '在谈',
        stageSince: '2024-03-01',
        history: [{ stage: '推介', since: '2023-10-01', citations: [{ source: { id: F.s2 } }] }],
        enterprise: { id: F.target },
        target: { id: F.chip },
        citations: [{ quote: '正在洽谈' }],
      },
    ]);
    expect(r.extensions?.transactions).toBe(1);
  });

  it('through slices, paths, responsibility and cypher', async () => {
    const slice = await gql(app, `{ neighborhood(id: "${F.target}") { edges { type data } } }`, {}, 'analyst');
    expect(slice.data!.neighborhood.edges).toEqual([
      expect.objectContaining({ type: 'TARGET_FOR', data: expect.objectContaining({ stage: '在谈' }) }),
    ]);
    const path = await gql(app, `{ path(from: "${F.target}", to: "${F.chip}") { edges { type } } }`, {}, 'analyst');
    expect(path.data!.path.edges).toEqual([{ type: 'TARGET_FOR' }]);
    const responsibility = await gql(app, `{ responsibility(id: "${F.target}") { leader { id } } }`, {}, 'analyst');
    expect(responsibility.data!.responsibility.map((x: { leader: { id: string } }) => x.leader.id)).toContain(F.npc);
    const cypher = await gql(
      app,
      '{ cypher(query: "MATCH ()-[r:TARGET_FOR]->() RETURN r.stage AS stage") { rows } }',
      {},
      'analyst',
    );
    expect(cypher.data!.cypher.rows).toEqual([{ stage: '在谈' }]);
  });
});

describe('roles for writing and reviewing', () => {
  const mutation = `mutation { upsertEnterprise(input: {id: "ent:role-test", name: "角色测试", local: true, sources: ["${F.s1}"]}) { id } }`;

  it('refuses writes below editor and review and the audit trail below admin', async () => {
    for (const role of ['public', 'analyst'] as TestRole[])
      expect(codes(await gql(app, mutation, {}, role)), role).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app, '{ proposals { id } }', {}, 'analyst'))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app, '{ auditTrail { hasMore } }', {}, 'editor'))).toEqual(['FORBIDDEN']);
    expect(
      codes(await gql(app, 'mutation { reviewProposal(id: "proposal:x", decision: CONFIRM) { id } }', {}, 'editor')),
    ).toEqual(['FORBIDDEN']);
    const [row] = await db.executor.query('MATCH (n {id: "ent:role-test"}) RETURN count(n) AS n');
    expect(row.n).toBe(0);
  });

  it('says in the message which role is needed and how to send it', async () => {
    const r = await gql(app, mutation, {}, 'analyst');
    expect(r.errors![0].message).toMatch(/editor role.*Bearer/);
  });
});

describe('authentication', () => {
  it('refuses an unknown token with UNAUTHENTICATED (401) instead of reading publicly', async () => {
    const r = await gql(app, '{ programs { id } }', {}, { token: 'not-a-known-token-xyz' });
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.status).toBe(401);
    expect(r.data).toBeNull();
  });

  it('closes public reading with KG_PUBLIC_READ=false, while tokens still read', async () => {
    const closed = testApp(db.executor, { KG_PUBLIC_READ: 'false' });
    const anonymous = await gql(closed, '{ programs { id } }');
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.errors![0].message).toMatch(/KG_PUBLIC_READ=false/);
    const analyst = await gql(closed, '{ programs { id } }', {}, 'analyst');
    expect(analyst.data!.programs).toEqual([{ id: F.program }]);
  });
});
