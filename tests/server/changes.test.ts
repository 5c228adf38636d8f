// The graph over time (issue 13): every API write stamps what it wrote (createdAt, updatedAt,
// confirmedAt, retiredAt, writtenBy = its audit id), `changes` lists a period's facts within a scope
// with their sources (who only for admins), and a retired fact is hidden from reads but kept.
import neo4j from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { gql, testApp, TOKENS } from './helpers.js';
import { tokenFingerprint } from '../../server/context.js';
import { shanghaiToday } from '../../graph/model-rules.js';

const db = useTestDb();
const app = testApp(db.executor);
const today = shanghaiToday();
const FIRM = 'ent:timeline-optics';

const CHANGES = `query($since: Date!, $until: Date, $scope: ChangeScope) {
  changes(since: $since, until: $until, scope: $scope) {
    since until truncated
    changes { kind at target labelOrType name status writtenBy who retiredReason citations { quote source { id name } } }
  }
}`;

async function changes(vars: Record<string, unknown>, role: 'public' | 'analyst' | 'editor' | 'admin' = 'public') {
  const r = await gql(app, CHANGES, vars, role);
  expect(r.errors).toBeUndefined();
  expect(r.extensions?.transactions).toBe(1);
  return r.data!.changes as {
    until: string;
    changes: {
      kind: string;
      target: string;
      at: string;
      who: string | null;
      writtenBy: string | null;
      [k: string]: unknown;
    }[];
  };
}

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
  const firm = await gql(
    app,
    `mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }`,
    {
      input: {
        id: FIRM,
        name: '时间线光学公司',
        local: true,
        sources: [F.s2],
        quote: '时间线光学公司',
        confidence: 'HIGH',
      },
    },
    'editor',
  );
  expect(firm.errors).toBeUndefined();
  const link = await gql(
    app,
    `mutation($input: SegmentLinkInput!) { linkEnterpriseToSegment(input: $input) { id } }`,
    { input: { enterpriseId: FIRM, segmentId: F.chip, role: 'MEMBER', sources: [F.s2], quote: '时间线光学公司' } },
    'editor',
  );
  expect(link.errors).toBeUndefined();
});

describe('write stamps', () => {
  it('stores createdAt, updatedAt and the audit id that wrote a fact', async () => {
    const rows = await db.executor.read((tx) =>
      tx.run(
        `MATCH (e:Enterprise {id: $id})-[r:IN_SEGMENT]->() RETURN e.createdAt AS c, e.updatedAt AS u, e.writtenBy AS w, r.writtenBy AS rw`,
        { id: FIRM },
      ),
    );
    const row = rows.records[0];
    expect(row.get('c')).not.toBeNull();
    expect(String(row.get('u'))).toBe(String(row.get('c')));
    expect(String(row.get('w'))).toMatch(/^audit:/);
    expect(String(row.get('rw'))).toMatch(/^audit:/);
    expect(row.get('rw')).not.toBe(row.get('w'));
  });
});

describe('changes', () => {
  it('lists what was written today in the chain, with its source; who only for admins', async () => {
    const scoped = await changes({ since: today, scope: { chainId: F.opto } });
    expect(scoped.until).toBe(today);
    const link = scoped.changes.find((c) => c.target === `IN_SEGMENT:${FIRM}->${F.chip}`);
    expect(link).toMatchObject({ kind: 'ADDED', labelOrType: 'IN_SEGMENT', who: null });
    expect(link!.citations).toEqual([{ quote: '时间线光学公司', source: { id: F.s2, name: 'Second source' } }]);
    expect(scoped.changes.find((c) => c.target === FIRM)).toMatchObject({ kind: 'ADDED', labelOrType: 'Enterprise' });
    const admin = await changes({ since: today, scope: { chainId: F.opto } }, 'admin');
    const who = admin.changes.find((c) => c.target === FIRM)!.who;
    expect(who).toBe(`editor:${tokenFingerprint(TOKENS.editor)}`);
    // The biomed chain saw nothing of it.
    const other = await changes({ since: today, scope: { chainId: F.biomed } });
    expect(other.changes.map((c) => c.target)).not.toContain(FIRM);
  });

  it('counts a write in the Asia/Shanghai day it happened, and not in the period before', async () => {
    // Moves the firm's stamps to 2025-03-09T17:30Z, which is 2025-03-10 01:30 in Changchun.
    await db.executor.write((tx) =>
      tx.run(`MATCH (e:Enterprise {id: $id}) SET e.createdAt = $at, e.updatedAt = $at, e.confirmedAt = $at`, {
        id: FIRM,
        at: neo4j.types.DateTime.fromStandardDate(new Date('2025-03-09T17:30:00Z')),
      }),
    );
    const march = await changes({ since: '2025-03-10', until: '2025-03-31' });
    expect(march.changes.filter((c) => c.target === FIRM).map((c) => c.kind)).toEqual(['ADDED']);
    expect(march.changes.find((c) => c.target === FIRM)!.at).toBe('2025-03-10T01:30:00+08:00');
    const before = await changes({ since: '2025-02-01', until: '2025-03-09' });
    expect(before.changes.map((c) => c.target)).not.toContain(FIRM);
  });

  it('reports a later update of an older fact as CHANGED', async () => {
    const r = await gql(
      app,
      `mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }`,
      { input: { id: FIRM, name: '时间线光学股份公司', local: true, sources: [F.s2] } },
      'editor',
    );
    expect(r.errors).toBeUndefined();
    const now = await changes({ since: today });
    expect(now.changes.filter((c) => c.target === FIRM).map((c) => c.kind)).toEqual(['CHANGED']);
  });
});

describe('retired facts', () => {
  it('are hidden from reads, kept in the graph, and listed as RETIRED with the reason', async () => {
    const target = `IN_SEGMENT:${FIRM}->${F.chip}`;
    const r = await gql(
      app,
      `mutation { retireFact(target: "${target}", reason: "企业迁出", sources: ["${F.s2}"]) { target status retiredReason } }`,
      {},
      'editor',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.retireFact).toEqual({ target, status: 'retired', retiredReason: '企业迁出' });
    const firm = await gql(app, `{ node(id: "${FIRM}") { ... on Enterprise { segments { entity { id } } } } }`);
    expect(firm.errors).toBeUndefined();
    expect(firm.data!.node.segments).toEqual([]);
    const kept = await db.executor.read((tx) =>
      tx.run(`MATCH (:Enterprise {id: $id})-[r:IN_SEGMENT]->() RETURN r.retiredAt AS at, r.status AS s`, { id: FIRM }),
    );
    expect(kept.records).toHaveLength(1);
    expect(kept.records[0].get('at')).not.toBeNull();
    const listed = await changes({ since: today, scope: { chainId: F.opto } });
    expect(listed.changes.find((c) => c.target === target && c.kind === 'RETIRED')).toMatchObject({
      status: 'retired',
      retiredReason: '企业迁出',
    });
  });

  it('needs the editor role', async () => {
    const r = await gql(
      app,
      `mutation { retireFact(target: "${FIRM}", reason: "x", sources: ["${F.s2}"]) { target } }`,
      {},
      'analyst',
    );
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
