// Every root reading field through app.fetch on a real Neo4j: what a user sees, provenance on every
// fact, synthetic data hidden, and ONE transaction per root field whatever the nested selection.
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { codes, gql, testApp } from './helpers.js';

const db = useTestDb();
const app = testApp(db.executor);

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
});

const DEEP_CHAIN = `query($id: ID!) {
  chain(id: $id) {
    id name kind identified enterpriseCount localEnterpriseCount
    citations { quote source { id name url publishedOn } }
    program { id name }
    patrons { relation leader { name title body holders { person { name } validFrom validTo citations { quote } } } citations { quote source { name } } }
    owners { leader { name } }
    segments {
      id name level
      citations { source { id } }
      children {
        name level stage enterpriseCount
        enterprises(first: 10) {
          role citations { quote }
          entity { id name ... on Enterprise { local tags districts { entity { name ... on District { parent { name } } } } spunOffFrom { entity { name } } } }
        }
      }
      feeds { name }
    }
    districts { role entity { id name } citations { quote } }
    supporters { entity { name } }
    kpis { id metric targetValue unit deadline observations { value asOf } }
  }
}`;

describe('chain and chains', () => {
  it('answers a deep nested selection about a chain in one transaction, with citations of every fact', async () => {
    const r = await gql(app, DEEP_CHAIN, { id: F.opto });
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.transactions).toBe(1);
    const chain = r.data!.chain;
    expect(chain).toMatchObject({
      id: F.opto,
      name: '光电信息',
      kind: 'KEY',
      identified: true,
      enterpriseCount: 1,
      localEnterpriseCount: 1,
    });
    expect(chain.program.id).toBe(F.program);
    expect(chain.citations[0]).toMatchObject({ quote: '光电信息', source: { id: F.s1, publishedOn: '2023-08-17' } });
    expect(chain.patrons).toHaveLength(1);
    expect(chain.patrons[0]).toMatchObject({
      relation: 'PATRON_OF',
      leader: { name: '市人大主要领导', body: '市人大' },
    });
    expect(chain.patrons[0].citations[0].quote).toBe('分别由市政府、市人大、市政协主要领导包保推进');
    expect(chain.patrons[0].leader.holders[0]).toMatchObject({
      person: { name: '张三' },
      validFrom: '2022-01-01',
      validTo: '2024-12-31',
    });
    expect(chain.owners[0].leader.name).toContain('未公开姓名');
    expect(chain.segments.map((s: { name: string }) => s.name).sort()).toEqual(['卫星及应用', '集成电路']);
    const satellite = chain.segments.find((s: { id: string }) => s.id === F.satellite);
    expect(satellite.children[0]).toMatchObject({ name: '遥感卫星', level: 2, stage: 'midstream', enterpriseCount: 1 });
    const firm = satellite.children[0].enterprises[0];
    expect(firm).toMatchObject({ role: 'core', entity: { id: F.cgsat, local: true, tags: ['独角兽'] } });
    expect(firm.citations[0].quote).toBe('吉林一号');
    expect(firm.entity.districts[0].entity).toEqual({ name: '长春经济技术开发区', parent: { name: '长春市' } });
    expect(firm.entity.spunOffFrom[0].entity.name).toContain('光学精密机械');
    const chip = chain.segments.find((s: { id: string }) => s.id === F.chip);
    expect(chip.feeds).toEqual([{ name: '卫星及应用' }]);
    expect(chain.districts).toEqual([
      { role: '核心区', entity: { id: F.cetdz, name: '长春经济技术开发区' }, citations: [{ quote: '“4+1”核心区' }] },
    ]);
    expect(chain.kpis[0]).toMatchObject({
      metric: 'output',
      targetValue: 100000000000,
      unit: '亿元',
      deadline: '2025-12-31',
      observations: [{ value: 50000000000, asOf: '2023-12-31' }],
    });
  });

  it('keeps one transaction when the same selection is asked through aliases and fragments', async () => {
    const r = await gql(
      app,
      `query { a: chains { ...C } }
       fragment C on Chain { id segments { id children { id enterprises { entity { ...E } } } } }
       fragment E on Entity { id citations { quote } ... on Enterprise { districts { entity { id } } segments { entity { id ... on Segment { chain { id } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.transactions).toBe(1);
    const opto = r.data!.a.find((c: { id: string }) => c.id === F.opto);
    const firm = opto.segments.find((s: { id: string }) => s.id === F.satellite).children[0].enterprises[0].entity;
    expect(firm.segments[0].entity.chain.id).toBe(F.opto);
  });

  it('lists the chains of the shipped program, key chains first, without synthetic chains', async () => {
    const r = await gql(app, '{ chains { id kind identified } }');
    expect(r.data!.chains.map((c: { id: string }) => c.id)).toEqual([F.opto, F.biomed, F.guarantee]);
    expect(r.data!.chains.at(-1)).toEqual({ id: F.guarantee, kind: 'GUARANTEE', identified: false });
    const guarantee = await gql(app, '{ chains(kind: GUARANTEE) { id } }');
    expect(guarantee.data!.chains).toEqual([{ id: F.guarantee }]);
    const all = await gql(app, '{ chains(includeSynthetic: true) { id synthetic } }');
    expect(all.data!.chains).toContainEqual({ id: F.synthChain, synthetic: true });
  });

  it('hides synthetic firms from real segments and counts', async () => {
    const r = await gql(
      app,
      `{ node(id: "${F.chip}") { ... on Segment { enterpriseCount enterprises { entity { id } } } } }`,
    );
    expect(r.data!.node).toEqual({ enterpriseCount: 0, enterprises: [] });
  });

  it('answers null for an unknown chain and for an id of another label', async () => {
    const r = await gql(app, `{ a: chain(id: "chain:nope") { id } b: chain(id: "${F.cgsat}") { id } }`);
    expect(r.data).toEqual({ a: null, b: null });
  });
});

describe('node, nodes, programs, leaders', () => {
  it('resolves any entity by id with its own fields', async () => {
    const r = await gql(
      app,
      `{ node(id: "${F.cgsat}") { id type name nameEn aliases confidence status synthetic data ... on Enterprise { local chains { id } } } }`,
    );
    expect(r.data!.node).toMatchObject({
      id: F.cgsat,
      type: 'ENTERPRISE',
      aliases: ['长光卫星', '長光衛星'],
      confidence: 'high',
      status: 'confirmed',
      synthetic: false,
      local: true,
      chains: [{ id: F.opto }],
    });
    expect(r.data!.node.data.sources).toEqual([F.s1, F.s2]);
    const source = await gql(
      app,
      `{ node(id: "${F.s1}") { type confidence citations { quote } ... on Source { url publisher kind publishedOn } } }`,
    );
    expect(source.data!.node).toEqual({
      type: 'SOURCE',
      confidence: 'n/a',
      citations: [],
      url: 'http://example.org/s1',
      publisher: '中国吉林网',
      kind: 'repost',
      publishedOn: '2023-08-17',
    });
  });

  it('derives Enterprise.local from the location, for the program asked (default the shipped one)', async () => {
    const r = await gql(
      app,
      `{ nodes(ids: ["${F.cgsat}", "${F.target}"]) { ... on Enterprise { local here: local(programId: "${F.program}") elsewhere: local(programId: "program:nowhere") } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.nodes).toEqual([
      { local: true, here: true, elsewhere: false }, // LOCATED_IN 经开区, WITHIN 长春市 (the program's region)
      { local: false, here: false, elsewhere: false }, // no location
    ]);
    expect(r.extensions?.transactions).toBe(1);
  });

  it('returns nodes in the order asked, null for unknown ids', async () => {
    const r = await gql(app, `{ nodes(ids: ["${F.jlu}", "ent:none", "${F.ciomp}"]) { id } }`);
    expect(r.data!.nodes).toEqual([{ id: F.jlu }, null, { id: F.ciomp }]);
    expect(r.extensions?.transactions).toBe(1);
  });

  it('lists the program with its coordinator and chains', async () => {
    const r = await gql(
      app,
      '{ programs { id declaredKeyChains declaredGuaranteeChains issuedOn coordinators { leader { name } citations { quote } } chains { id } kpis { id } } }',
    );
    expect(r.data!.programs).toHaveLength(1);
    expect(r.data!.programs[0]).toMatchObject({
      id: F.program,
      declaredKeyChains: 10,
      declaredGuaranteeChains: 3,
      issuedOn: '2023-06-28',
    });
    expect(r.data!.programs[0].coordinators[0]).toEqual({
      leader: { name: '市委主要领导' },
      citations: [{ quote: '明确由市委主要领导高位统筹' }],
    });
    expect(r.data!.programs[0].chains).toHaveLength(3);
  });

  it('lists leaders, coordinator first, with what each sponsors or owns', async () => {
    const r = await gql(
      app,
      '{ leaders { id title patronOf { id } ownerOf { id } coordinates { id } roles { relation target { id } } } }',
    );
    const leaders = r.data!.leaders;
    expect(leaders[0].id).toBe(F.party);
    expect(leaders[0].coordinates).toEqual([{ id: F.program }]);
    expect(leaders.find((l: { id: string }) => l.id === F.cppcc).patronOf).toEqual([{ id: F.biomed }]);
    expect(leaders.find((l: { id: string }) => l.id === F.ownerOpto).roles).toEqual([
      { relation: 'OWNER_OF', target: { id: F.opto } },
    ]);
    expect(r.extensions?.transactions).toBe(1);
  });
});

describe('search', () => {
  const search = (text: string, extra = '') =>
    gql(app, `query($t: String!) { search(text: $t${extra}) { score matchedOn entity { id type } } }`, { t: text });

  it('finds a short name (alias) first', async () => {
    const r = await search('光机所');
    expect(r.data!.search[0]).toMatchObject({ matchedOn: 'alias', entity: { id: F.ciomp } });
  });

  it('folds traditional characters to simplified', async () => {
    const r = await search('長光衛星技術');
    expect(r.data!.search[0].entity.id).toBe(F.cgsat);
  });

  it('finds English names, case-insensitively', async () => {
    expect((await search('jilin university')).data!.search[0]).toMatchObject({
      matchedOn: 'nameEn',
      entity: { id: F.jlu },
    });
    expect((await search('Satellite')).data!.search.map((h: { entity: { id: string } }) => h.entity.id)).toContain(
      F.cgsat,
    );
  });

  it('answers one-character queries, exact alias first', async () => {
    const r = await search('芯');
    expect(r.data!.search[0]).toMatchObject({ matchedOn: 'alias', entity: { id: F.chip } });
    const light = await search('光');
    expect(light.data!.search.length).toBeGreaterThan(3);
  });

  it('escapes Lucene syntax instead of failing', async () => {
    for (const text of ['AND', 'OR NOT', '"((', 'a:b*', '\\', '光机所~2^', '[x TO y]', '   ']) {
      const r = await search(text);
      expect(r.errors, text).toBeUndefined();
    }
  });

  it('filters by type, caps first, hides synthetic data unless asked', async () => {
    const chains = await search('光电', ', types: [CHAIN]');
    expect(chains.data!.search.every((h: { entity: { type: string } }) => h.entity.type === 'CHAIN')).toBe(true);
    expect((await search('合成')).data!.search).toEqual([]);
    expect((await search('合成', ', includeSynthetic: true')).data!.search.length).toBeGreaterThan(0);
    expect(codes(await search('光', ', first: -1'))).toEqual(['BAD_USER_INPUT']);
    const capped = await gql(app, '{ search(text: "光", first: 500) { score } }');
    expect(capped.errors).toBeUndefined();
    expect(capped.data!.search.length).toBeLessThanOrEqual(100);
  });
});

describe('neighborhood and path', () => {
  it('returns a slice ready for Cytoscape with citations on edges', async () => {
    const r = await gql(
      app,
      `{ neighborhood(id: "${F.cgsat}") { nodes { id type label data } edges { id source target type data citations { quote source { id } } } truncated } }`,
    );
    const slice = r.data!.neighborhood;
    expect(slice.truncated).toBe(false);
    expect(slice.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [F.cgsat, F.cetdz, F.ciomp, F.satelliteRemote].sort(),
    );
    const inSegment = slice.edges.find((e: { type: string }) => e.type === 'IN_SEGMENT');
    expect(inSegment).toMatchObject({
      source: F.cgsat,
      target: F.satelliteRemote,
      data: { role: 'core' },
      citations: [{ quote: '吉林一号', source: { id: F.s2 } }],
    });
    expect(r.extensions?.transactions).toBe(1);
  });

  it('caps depth and size and says so', async () => {
    const r = await gql(app, `{ neighborhood(id: "${F.cgsat}", depth: 10, limit: 3) { nodes { id } truncated } }`);
    expect(r.data!.neighborhood.nodes).toHaveLength(3);
    expect(r.data!.neighborhood.truncated).toBe(true);
  });

  it('keeps only the asked types (the centre always stays)', async () => {
    const r = await gql(app, `{ neighborhood(id: "${F.cgsat}", depth: 3, types: [DISTRICT]) { nodes { id type } } }`);
    expect(r.data!.neighborhood.nodes.map((n: { type: string }) => n.type).sort()).toEqual([
      'DISTRICT',
      'DISTRICT',
      'ENTERPRISE',
    ]);
  });

  it('answers NOT_FOUND for an unknown centre', async () => {
    const r = await gql(app, '{ neighborhood(id: "ent:nobody") { truncated } }');
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(r.errors![0].message).toMatch(/search can find it/);
  });

  it('finds the shortest paths, or an empty slice, never an error', async () => {
    const r = await gql(
      app,
      `{ path(from: "${F.cgsat}", to: "${F.jlu}") { nodes { id } edges { type citations { source { id } } } truncated } }`,
    );
    expect(r.errors).toBeUndefined();
    const path = r.data!.path;
    expect(path.nodes[0].id).toBe(F.cgsat);
    expect(path.nodes.map((n: { id: string }) => n.id)).toContain(F.jlu);
    expect(path.edges.length).toBe(path.nodes.length - 1);
    const short = await gql(
      app,
      `{ path(from: "${F.cgsat}", to: "${F.jlu}", maxHops: 1) { nodes { id } edges { id } } }`,
    );
    expect(short.data!.path).toEqual({ nodes: [], edges: [] });
    const same = await gql(app, `{ path(from: "${F.jlu}", to: "${F.jlu}") { nodes { id } } }`);
    expect(same.data!.path.nodes).toEqual([{ id: F.jlu }]);
    expect(codes(await gql(app, `{ path(from: "ent:none", to: "${F.jlu}") { truncated } }`))).toEqual(['NOT_FOUND']);
  });
});

describe('responsibility', () => {
  it('leads from a firm to the sponsor, the owner and the coordinator, with paths and holders', async () => {
    const r = await gql(
      app,
      `{ responsibility(id: "${F.cgsat}") { relation hops leader { id } via { id } holders { person { name } } role { citations { quote } } path { nodes { id } edges { type } } } }`,
    );
    const rows = r.data!.responsibility;
    expect(rows.map((x: { relation: string }) => x.relation)).toEqual(['PATRON_OF', 'OWNER_OF', 'COORDINATES']);
    expect(rows[0]).toMatchObject({
      hops: 4,
      leader: { id: F.npc },
      via: { id: F.opto },
      holders: [{ person: { name: '张三' } }],
    });
    expect(rows[0].path.nodes.map((n: { id: string }) => n.id)).toEqual([
      F.cgsat,
      F.satelliteRemote,
      F.satellite,
      F.opto,
      F.npc,
    ]);
    expect(rows[0].path.edges.map((e: { type: string }) => e.type).sort()).toEqual(
      ['IN_SEGMENT', 'PART_OF', 'PART_OF', 'PATRON_OF'].sort(),
    );
    expect(rows[2].leader.id).toBe(F.party);
    expect(r.extensions?.transactions).toBe(1);
  });

  it('works from districts, goals, observations and institutes too', async () => {
    for (const id of [F.cetdz, F.goal, F.obs, F.ciomp, F.opto]) {
      const r = await gql(app, `{ responsibility(id: "${id}") { leader { id } } }`);
      expect(
        r.data!.responsibility.map((x: { leader: { id: string } }) => x.leader.id),
        id,
      ).toContain(F.party);
    }
    const biomed = await gql(app, `{ responsibility(id: "${F.biomed}") { relation leader { name } } }`);
    expect(biomed.data!.responsibility[0]).toEqual({ relation: 'PATRON_OF', leader: { name: '市政协主要领导' } });
  });

  it('keeps only the holders in post on the date asked', async () => {
    const query = (at: string) =>
      gql(app, `{ responsibility(id: "${F.opto}", at: "${at}") { relation holders { person { name } } } }`);
    expect((await query('2023-06-28')).data!.responsibility[0].holders).toEqual([{ person: { name: '张三' } }]);
    expect((await query('2025-06-01')).data!.responsibility[0].holders).toEqual([]);
    expect(codes(await query('2023-13-45'))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('viewer', () => {
  it('says what the caller may do', async () => {
    expect((await gql(app, '{ viewer { role canSeeTargets canCurate canReview publicRead } }')).data!.viewer).toEqual({
      role: 'public',
      canSeeTargets: false,
      canCurate: false,
      canReview: false,
      publicRead: true,
    });
    expect((await gql(app, '{ viewer { role canSeeTargets canCurate } }', {}, 'editor')).data!.viewer).toEqual({
      role: 'editor',
      canSeeTargets: true,
      canCurate: true,
    });
  });
});
