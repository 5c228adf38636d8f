// The analyses through the HTTP app (createApp(...).fetch, no port) on the hand-made chain: every
// answer in one transaction, roles (recommendations and pipeline stages for analysts only), goals with
// cited observations and responsible leaders, responsibility of gaps, goals and targets on a date,
// what-if without writes, centrality and the comparison table.
import { beforeAll, describe, expect, it } from 'vitest';
import { smallChain } from '../fixtures/analysis/small-chain.js';
import { writeFixture } from '../fixtures/analysis/write-fixture.js';
import { countAll, emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { codes, gql, testApp } from '../server/helpers.js';

const db = useTestDb();
const app = testApp(db.executor, { KG_GAP_THIN_BELOW: '5', KG_GAP_EXTERNAL_SHARE: '0.5' });

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await writeFixture(db.executor, smallChain);
});

const GAPS = `query($chainId: ID!) { gaps(chainId: $chainId) {
  segment { id name level } status parentId localEnterprises externalSuppliers externalSupplyShare targetsInPipeline
  explanation explanationEn evidence { nodes { id type label } edges { id type source target citations { source { id } } } truncated } } }`;

describe('gaps over GraphQL', () => {
  it('answers every segment with status, counts, evidence and explanations in one transaction (plus the position check)', async () => {
    const r = await gql(app, GAPS, { chainId: 'chain:fx' });
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.transactions).toBe(2); // the database position (for the cache), then the analysis with its hydration
    const byId = new Map(r.data!.gaps.map((g: any) => [g.segment.id, g]));
    expect(r.data!.gaps.map((g: any) => g.segment.level)).toEqual([1, 1, 1, 1, 1, 2, 2, 2]); // level-1 first
    expect(byId.get('segment:fx-a') as any).toMatchObject({
      status: 'ABSENT',
      localEnterprises: 0,
      targetsInPipeline: 2,
    });
    expect((byId.get('segment:fx-a') as any).explanation).toContain('没有记录');
    expect((byId.get('segment:fx-c1') as any).parentId).toBe('segment:fx-c');
    const d = byId.get('segment:fx-d') as any;
    expect(d).toMatchObject({ status: 'EXTERNALLY_DEPENDENT', localEnterprises: 5, externalSuppliers: 2 });
    const supply = d.evidence.edges.find((e: any) => e.id === 'SUPPLIES:ent:x1->ent:b1');
    expect(supply.citations).toEqual([{ source: { id: 'source:fx-s1' } }]);
  });

  it('shows pipeline stages to analysts only, never in the evidence', async () => {
    const q = `{ gaps(chainId: "chain:fx") { segment { id } targetsInPipeline pipeline { enterprise { id } stage } } }`;
    const pub = await gql(app, q);
    expect(codes(pub)).toContain('FORBIDDEN');
    const analyst = await gql(app, q, {}, 'analyst');
    expect(analyst.errors).toBeUndefined();
    const a = analyst.data!.gaps.find((g: any) => g.segment.id === 'segment:fx-a');
    expect(a.pipeline.map((p: any) => [p.enterprise.id, p.stage])).toEqual([
      ['ent:t1', '在谈'],
      ['ent:t2', '签约'],
    ]);
    const evidence = await gql(app, `{ gaps(chainId: "chain:fx") { evidence { edges { type } } } }`);
    expect(evidence.data!.gaps.flatMap((g: any) => g.evidence.edges.map((e: any) => e.type))).not.toContain(
      'TARGET_FOR',
    );
  });

  it('names who is accountable for a gap, with the office-holder on the date asked', async () => {
    const q = `{ gaps(chainId: "chain:fx") { segment { id } before: responsibility(at: "2023-12-01") { relation leader { id } holders { person { id } } }
      after: responsibility(at: "2024-06-01") { relation leader { id } holders { person { id } } path { nodes { id } } } } }`;
    const r = await gql(app, q);
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.transactions).toBe(2);
    const c1 = r.data!.gaps.find((g: any) => g.segment.id === 'segment:fx-c1');
    const owner = (list: any[]) => list.find((x) => x.relation === 'OWNER_OF');
    expect(owner(c1.before).holders.map((h: any) => h.person.id)).toEqual(['person:fx-before']);
    expect(owner(c1.after).holders.map((h: any) => h.person.id)).toEqual(['person:fx-now']);
    expect(owner(c1.after).path.nodes.map((n: any) => n.id)).toEqual([
      'segment:fx-c1',
      'segment:fx-c',
      'chain:fx',
      'leader:fx-owner',
    ]);
    expect(c1.after.map((x: any) => x.relation).sort()).toEqual(['COORDINATES', 'OWNER_OF', 'PATRON_OF']);
    // the same answer as responsibility(id) of the segment itself
    const direct = await gql(
      app,
      `{ responsibility(id: "segment:fx-c1", at: "2024-06-01") { relation leader { id } holders { person { id } } path { nodes { id } } } }`,
    );
    expect(c1.after).toEqual(direct.data!.responsibility);
  });

  it('says what to fix for an unknown chain', async () => {
    const r = await gql(app, GAPS, { chainId: 'chain:nope' });
    expect(codes(r)).toEqual(['NOT_FOUND']);
  });
});

describe('recommendTargets over GraphQL', () => {
  const q = `query($s: ID!, $first: Int) { recommendTargets(segmentId: $s, first: $first) { enterprise { id local } score stage
    reasons { kind weight text textEn path { nodes { id } edges { id type } } } } }`;

  it('is refused below analyst and answered for analysts and editors', async () => {
    expect(codes(await gql(app, q, { s: 'segment:fx-a' }))).toEqual(['FORBIDDEN']);
    const analyst = await gql(app, q, { s: 'segment:fx-a' }, 'analyst');
    expect(analyst.errors).toBeUndefined();
    expect(analyst.extensions?.transactions).toBe(2);
    expect(analyst.data!.recommendTargets.map((r: any) => r.enterprise.id)).toEqual(['ent:t2', 'ent:out-a', 'ent:t1']);
    const top = analyst.data!.recommendTargets[0];
    expect(top.reasons.map((r: any) => r.weight)).toEqual(
      [...top.reasons.map((r: any) => r.weight)].sort((a: number, b: number) => b - a),
    );
    expect((await gql(app, q, { s: 'segment:fx-a', first: 1 }, 'editor')).data!.recommendTargets).toHaveLength(1);
    expect(codes(await gql(app, q, { s: 'segment:fx-a', first: 0 }, 'analyst'))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('goals over GraphQL', () => {
  it('shows the newest cited observation, the basis and the responsible leaders', async () => {
    const q = `{ goals(chainId: "chain:fx") { goal { id code } metric basis progress coverage graphCount countRule daysLeft met explanation
      latest { id value asOf citations { source { id url } quote } } observations { id asOf }
      responsible { relation leader { id title } citations { source { id } } } } }`;
    const r = await gql(app, q);
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.transactions).toBe(1);
    const output = r.data!.goals.find((g: any) => g.goal.id === 'goal:fx-output');
    expect(output).toMatchObject({
      basis: 'SOURCED',
      met: false,
      latest: { id: 'obs:fx-2024', value: 9.002e10, asOf: '2024-12-31' },
    });
    expect(output.latest.citations).toEqual([
      { source: { id: 'source:fx-s1', url: 'https://example.org/fx' }, quote: '产值达900.2亿元' },
    ]);
    expect(output.observations.map((o: any) => o.asOf)).toEqual(['2024-12-31', '2023-12-31']);
    expect(output.responsible.map((x: any) => x.relation)).toEqual(['PATRON_OF', 'OWNER_OF', 'COORDINATES']);
    expect(output.responsible[0].citations).toEqual([{ source: { id: 'source:fx-s1' } }]);
    const firms = r.data!.goals.find((g: any) => g.goal.id === 'goal:fx-firms');
    expect(firms).toMatchObject({
      basis: 'GRAPH_COUNT',
      graphCount: 16,
      countRule: 'local firms (metric)',
      progress: null,
    });
    expect(firms.coverage).toBeCloseTo(0.4);
  });

  it('answers Chain.goals for a list of chains without a transaction per chain', async () => {
    const r = await gql(
      app,
      `{ chains(programId: "program:fx") { id goals { goal { id } basis responsible { leader { id } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.transactions).toBeLessThanOrEqual(2);
    const fx = r.data!.chains.find((c: any) => c.id === 'chain:fx');
    expect(fx.goals.map((g: any) => g.goal.id).sort()).toEqual(['goal:fx-firms', 'goal:fx-output', 'goal:fx-rnd']);
    expect(r.data!.chains.find((c: any) => c.id === 'chain:fx-other').goals).toEqual([]);
  });

  it('lets responsibility(id) reach the leaders of a goal and, for analysts, of a target firm', async () => {
    const q = `query($id: ID!) { responsibility(id: $id, at: "2024-06-01") { relation leader { id } holders { person { id } } } }`;
    const goal = await gql(app, q, { id: 'goal:fx-output' });
    expect(goal.data!.responsibility.map((x: any) => x.relation).sort()).toEqual([
      'COORDINATES',
      'OWNER_OF',
      'PATRON_OF',
    ]);
    const target = await gql(app, q, { id: 'ent:t1' }, 'analyst');
    expect(target.data!.responsibility.find((x: any) => x.relation === 'OWNER_OF').holders).toEqual([
      { person: { id: 'person:fx-now' } },
    ]);
    expect((await gql(app, q, { id: 'ent:t1' })).data!.responsibility).toEqual([]); // TARGET_FOR is not followed below analyst
  });
});

describe('what-if, centrality and comparison over GraphQL', () => {
  it('gives statuses before and after and writes nothing', async () => {
    const before = await countAll(db.executor);
    const r = await gql(
      app,
      `{ whatIf(chainId: "chain:fx", landing: [{enterpriseId: "ent:x1", segmentId: "segment:fx-b"}]) { segment { id } before after changed } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(
      r
        .data!.whatIf.filter((w: any) => w.changed && w.before !== w.after)
        .map((w: any) => [w.segment.id, w.before, w.after]),
    ).toEqual([
      ['segment:fx-b', 'SINGLE_FIRM', 'THIN'],
      ['segment:fx-d', 'EXTERNALLY_DEPENDENT', 'COVERED'],
    ]);
    expect(await countAll(db.executor)).toEqual(before);
  });

  it('computes centrality and communities of a chosen subgraph, and the comparison of chains', async () => {
    const c = await gql(
      app,
      `{ centrality(chainId: "chain:fx", depth: 2) { nodes { node { id } degree betweenness community } communities { size members { id } } modularity truncated } }`,
    );
    expect(c.errors).toBeUndefined();
    expect(c.data!.centrality.nodes[0].node.id).toBe('chain:fx');
    expect(c.data!.centrality.communities.reduce((s: number, x: any) => s + x.size, 0)).toBe(
      c.data!.centrality.nodes.length,
    );
    const cmp = await gql(
      app,
      `{ chainComparison(programId: "program:fx") { chain { id } segments localEnterprises gaps { absent singleFirm thin externallyDependent covered } goalsMet goalsTotal } }`,
    );
    expect(cmp.errors).toBeUndefined();
    expect(cmp.data!.chainComparison[0]).toEqual({
      chain: { id: 'chain:fx' },
      segments: 8,
      localEnterprises: 16,
      gaps: { absent: 2, singleFirm: 1, thin: 3, externallyDependent: 1, covered: 1 },
      goalsMet: 0,
      goalsTotal: 3,
    });
  });
});
