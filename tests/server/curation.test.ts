// Curation by editors and review by admins: validated inputs (nothing half-written), every write in the
// audit trail with who/when/what/before/after (never the token), target stages with their history,
// proposals confirmed into the graph or rejected, and operational records never shown as entities.
// (tests/server/audit-store.test.ts: the trail is kept out of the graph.)
import { beforeAll, describe, expect, it } from 'vitest';
import { countAll, emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { codes, gql, testApp, TOKENS } from './helpers.js';
import { tokenFingerprint } from '../../server/context.js';

const db = useTestDb();
const app = testApp(db.executor);

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
});

const UPSERT = `mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id name local tags citations { quote source { id } } segments { entity { id } } } }`;
const firm = {
  id: 'ent:new-optics',
  name: '新光学公司',
  local: true,
  tags: ['专精特新'],
  sources: [F.s2],
  quote: '新光学公司落户经开区',
  confidence: 'HIGH',
};

async function audit(first = 50) {
  const r = await gql(
    app,
    `{ auditTrail(first: ${first}) { entries { id action target actorRole actorFingerprint at before after outcome } hasMore endCursor } }`,
    {},
    'admin',
  );
  return r.data!.auditTrail;
}

describe('enterprises and their links', () => {
  it('creates a firm, answers it in the same transaction, and audits the write', async () => {
    const r = await gql(app, UPSERT, { input: firm }, 'editor');
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.transactions).toBe(1);
    expect(r.data!.upsertEnterprise).toEqual({
      id: firm.id,
      name: '新光学公司',
      local: false, // derived from LOCATED_IN: not located anywhere yet (the input's local is only stored)
      tags: ['专精特新'],
      citations: [{ quote: '新光学公司落户经开区', source: { id: F.s2 } }],
      segments: [],
    });
    const [entry] = (await audit()).entries;
    expect(entry).toMatchObject({
      action: 'upsertEnterprise',
      target: firm.id,
      actorRole: 'editor',
      actorFingerprint: tokenFingerprint(TOKENS.editor),
      before: null,
      outcome: 'committed',
    });
    expect(entry.after).toMatchObject({ name: '新光学公司', confidence: 'high', status: 'confirmed', sources: [F.s2] });
    expect(JSON.stringify(entry)).not.toContain(TOKENS.editor);
    expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
  });

  it('updates a firm keeping what was not given, with before and after', async () => {
    const r = await gql(
      app,
      UPSERT,
      { input: { id: firm.id, name: '新光学股份公司', local: true, sources: [F.s2] } },
      'editor',
    );
    expect(r.data!.upsertEnterprise).toMatchObject({ name: '新光学股份公司', tags: ['专精特新'] });
    const [entry] = (await audit()).entries;
    expect(entry.before.name).toBe('新光学公司');
    expect(entry.after.name).toBe('新光学股份公司');
  });

  it('links a firm to a segment and a district', async () => {
    const seg = await gql(
      app,
      `mutation { linkEnterpriseToSegment(input: {enterpriseId: "${firm.id}", segmentId: "${F.chip}", role: CORE, sources: ["${F.s1}"], quote: "芯"}) { segments { role entity { id } citations { quote } } } }`,
      {},
      'editor',
    );
    expect(seg.data!.linkEnterpriseToSegment.segments).toEqual([
      { role: 'core', entity: { id: F.chip }, citations: [{ quote: '芯' }] },
    ]);
    const dist = await gql(
      app,
      `mutation { linkEnterpriseToDistrict(input: {enterpriseId: "${firm.id}", districtId: "${F.cetdz}", sources: ["${F.s1}"]}) { local districts { entity { id } } } }`,
      {},
      'editor',
    );
    expect(dist.data!.linkEnterpriseToDistrict.districts).toEqual([{ entity: { id: F.cetdz } }]);
    expect(dist.data!.linkEnterpriseToDistrict.local).toBe(true); // 经开区 is within the program's region
    const [entry] = (await audit()).entries;
    expect(entry).toMatchObject({
      action: 'linkEnterpriseToDistrict',
      target: `LOCATED_IN:${firm.id}->${F.cetdz}`,
      before: null,
    });
    const chip = await gql(app, `{ node(id: "${F.chip}") { ... on Segment { enterpriseCount } } }`);
    expect(chip.data!.node.enterpriseCount).toBe(1);
  });

  it('lists every problem of a bad input at once and writes nothing', async () => {
    const before = await countAll(db.executor);
    const auditBefore = (await audit(200)).entries.length;
    const r = await gql(
      app,
      UPSERT,
      { input: { id: 'Ent:Bad Id', name: ' ', local: true, sources: [], uscc: '123', outputYuan: -5 } },
      'editor',
    );
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    for (const field of ['input.id', 'input.name', 'input.sources', 'input.uscc', 'input.outputYuan'])
      expect(r.errors![0].message).toContain(field);
    const unknownSource = await gql(
      app,
      UPSERT,
      { input: { ...firm, id: 'ent:other', sources: ['source:nope'] } },
      'editor',
    );
    expect(unknownSource.errors![0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('source:nope'),
    });
    const unknownSegment = await gql(
      app,
      `mutation { linkEnterpriseToSegment(input: {enterpriseId: "${firm.id}", segmentId: "segment:nope", sources: ["${F.s1}"]}) { id } }`,
      {},
      'editor',
    );
    expect(codes(unknownSegment)).toEqual(['NOT_FOUND']);
    const wrongKind = await gql(
      app,
      `mutation { linkEnterpriseToSegment(input: {enterpriseId: "${firm.id}", segmentId: "${F.cetdz}", sources: ["${F.s1}"]}) { id } }`,
      {},
      'editor',
    );
    expect(codes(wrongKind)).toEqual(['BAD_USER_INPUT']);
    expect(await countAll(db.executor)).toEqual(before);
    expect((await audit(200)).entries.length).toBe(auditBefore);
  });
});

describe('the model rules at the API (graph/model-rules.ts, graph/provenance-rules.ts)', () => {
  it('refuses a joined or English-note quote and an unreal date, naming the input field', async () => {
    const joined = await gql(app, UPSERT, { input: { ...firm, id: 'ent:joined', quote: '甲 / 乙' } }, 'editor');
    expect(codes(joined)).toEqual(['BAD_USER_INPUT']);
    expect(joined.errors![0].message).toMatch(/input\.quote.*one quote per source/);
    const note = await gql(
      app,
      UPSERT,
      { input: { ...firm, id: 'ent:note', quote: '2021 output 223亿, 30% of the province' } },
      'editor',
    );
    expect(note.errors![0].message).toMatch(/input\.quote.*English words/);
    const badDay = await gql(
      app,
      `mutation { recordTargetStage(input: {enterpriseId: "${firm.id}", targetId: "${F.satellite}", stage: "在谈", since: "2024-02-30", sources: ["${F.s2}"]}) { stage } }`,
      {},
      'editor',
    );
    expect(codes(badDay)).toEqual(['BAD_USER_INPUT']);
    expect(badDay.errors![0].message).toMatch(/"2024-02-30" is not a date/); // the Date scalar, same rule
  });
});

describe('target pipeline stages', () => {
  const record = (stage: string, since: string) =>
    gql(
      app,
      `mutation { recordTargetStage(input: {enterpriseId: "${firm.id}", targetId: "${F.satellite}", stage: "${stage}", since: "${since}", sources: ["${F.s2}"], quote: "${stage}"}) { stage stageSince history { stage since citations { quote } } target { id } } }`,
      {},
      'editor',
    );

  it('records stages in order and keeps the earlier ones with their dates and sources', async () => {
    expect((await record('推介', '2024-01-10')).data!.recordTargetStage).toEqual({
      stage: '推介',
      stageSince: '2024-01-10',
      history: [],
      target: { id: F.satellite },
    });
    await record('在谈', '2024-03-01');
    const r = await record('签约', '2024-06-15');
    expect(r.data!.recordTargetStage).toEqual({
      stage: '签约',
      stageSince: '2024-06-15',
      history: [
        { stage: '推介', since: '2024-01-10', citations: [{ quote: '推介' }] },
        { stage: '在谈', since: '2024-03-01', citations: [{ quote: '在谈' }] },
      ],
      target: { id: F.satellite },
    });
    const [entry] = (await audit()).entries;
    expect(entry).toMatchObject({ action: 'recordTargetStage', before: { stage: '在谈' }, after: { stage: '签约' } });
  });

  it('refuses an unknown stage and a date before the current stage', async () => {
    expect(codes(await record('招商', '2024-07-01'))).toEqual(['BAD_USER_INPUT']);
    const earlier = await record('到资', '2023-01-01');
    expect(earlier.errors![0].message).toMatch(/date order/);
  });
});

describe('proposals and review', () => {
  const propose = (input: Record<string, unknown>) =>
    gql(
      app,
      'mutation($input: ProposalInput!) { proposeFact(input: $input) { id status kind target fact citations { quote source { id } } proposedBy } }',
      { input },
      'editor',
    );

  it('proposes a relationship, which an admin confirms into the graph', async () => {
    const r = await propose({
      relationship: { type: 'SUPPORTS', from: F.jlu, to: F.opto },
      sources: [F.s2],
      quote: '吉林大学支撑光电信息产业',
      comment: 'from the 2024 report',
    });
    expect(r.errors).toBeUndefined();
    const proposal = r.data!.proposeFact;
    expect(proposal).toMatchObject({
      status: 'proposed',
      kind: 'RELATIONSHIP',
      target: `SUPPORTS:${F.jlu}->${F.opto}`,
      citations: [{ quote: '吉林大学支撑光电信息产业', source: { id: F.s2 } }],
      proposedBy: `editor:${tokenFingerprint(TOKENS.editor)}`,
    });
    const before = await gql(app, `{ chain(id: "${F.opto}") { supporters { entity { id } } } }`);
    expect(before.data!.chain.supporters.map((s: { entity: { id: string } }) => s.entity.id)).not.toContain(F.jlu);
    const listed = await gql(app, '{ proposals { id proposedBy reviewedBy } }', {}, 'editor');
    expect(listed.data!.proposals).toContainEqual({
      id: proposal.id,
      proposedBy: `editor:${tokenFingerprint(TOKENS.editor)}`,
      reviewedBy: null,
    });

    const review = await gql(
      app,
      `mutation { reviewProposal(id: "${proposal.id}", decision: CONFIRM, comment: "checked") { status reviewedBy reviewComment } }`,
      {},
      'admin',
    );
    expect(review.data!.reviewProposal).toEqual({
      status: 'confirmed',
      reviewedBy: `admin:${tokenFingerprint(TOKENS.admin)}`,
      reviewComment: 'checked',
    });
    const after = await gql(
      app,
      `{ chain(id: "${F.opto}") { supporters { entity { id } status citations { quote } } } }`,
    );
    expect(after.data!.chain.supporters).toContainEqual({
      entity: { id: F.jlu },
      status: 'confirmed',
      citations: [{ quote: '吉林大学支撑光电信息产业' }],
    });
    const entries = (await audit()).entries
      .slice(0, 2)
      .map((e: { action: string; target: string }) => [e.action, e.target]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ['reviewProposal', proposal.id],
        ['reviewProposal', `SUPPORTS:${F.jlu}->${F.opto}`],
      ]),
    );
    const reviewed = await gql(app, '{ proposals(status: "confirmed") { id proposedBy reviewedBy } }', {}, 'admin');
    expect(reviewed.data!.proposals).toContainEqual({
      id: proposal.id,
      proposedBy: `editor:${tokenFingerprint(TOKENS.editor)}`,
      reviewedBy: `admin:${tokenFingerprint(TOKENS.admin)}`,
    });
    const again = await gql(
      app,
      `mutation { reviewProposal(id: "${proposal.id}", decision: REJECT) { status } }`,
      {},
      'admin',
    );
    expect(again.errors![0].message).toMatch(/already confirmed/);
  });

  it('proposes a node change, which an admin rejects: nothing changes', async () => {
    const r = await propose({ node: { id: F.jlu, properties: { nameEn: 'Wrong name' } }, sources: [F.s1], quote: 'x' });
    const review = await gql(
      app,
      `mutation { reviewProposal(id: "${r.data!.proposeFact.id}", decision: REJECT) { status } }`,
      {},
      'admin',
    );
    expect(review.data!.reviewProposal.status).toBe('rejected');
    const jlu = await gql(app, `{ node(id: "${F.jlu}") { nameEn } }`);
    expect(jlu.data!.node.nameEn).toBe('Jilin University');
  });

  it('refuses facts that do not fit the model', async () => {
    expect(
      codes(await propose({ relationship: { type: 'OWNS', from: F.jlu, to: F.opto }, sources: [F.s1], quote: 'x' })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      (await propose({ relationship: { type: 'PATRON_OF', from: F.jlu, to: F.opto }, sources: [F.s1], quote: 'x' }))
        .errors![0].message,
    ).toMatch(/PATRON_OF goes from Leader/);
    expect(
      codes(await propose({ node: { id: 'ent:brand-new', properties: { local: true } }, sources: [F.s1], quote: 'x' })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await propose({
          node: { id: F.jlu, properties: { status: 'confirmed', validFrom: 'soon' } },
          sources: [F.s1],
          quote: 'x',
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await propose({
          node: { id: F.jlu, properties: {} },
          relationship: { type: 'SUPPORTS', from: F.jlu, to: F.opto },
          sources: [F.s1],
          quote: 'x',
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });
});

describe('operational records stay out of the domain', () => {
  it('never returns proposals or audit entries as entities', async () => {
    const [ids] = await db.executor.query('MATCH (p:Proposal) RETURN collect(p.id)[0] AS proposal');
    const auditId = (await audit(1)).entries[0].id;
    expect(auditId).toMatch(/^audit:/);
    expect(ids.proposal).toBeTruthy();
    for (const id of [auditId, ids.proposal] as string[]) {
      expect((await gql(app, `{ node(id: "${id}") { id } }`)).data!.node).toBeNull();
      expect(codes(await gql(app, `{ neighborhood(id: "${id}") { truncated } }`))).toEqual(['NOT_FOUND']);
    }
    const search = await gql(app, '{ search(text: "吉林大学支撑光电信息产业") { entity { id } } }');
    expect(JSON.stringify(search.data)).not.toMatch(/audit:|proposal:/);
  });

  it('pages the audit trail newest first', async () => {
    const first = await gql(app, '{ auditTrail(first: 2) { entries { id at } hasMore endCursor } }', {}, 'admin');
    const page = first.data!.auditTrail;
    expect(page.entries).toHaveLength(2);
    expect(page.hasMore).toBe(true);
    const next = await gql(
      app,
      `{ auditTrail(first: 2, after: "${page.endCursor}") { entries { id at } } }`,
      {},
      'admin',
    );
    const ids = new Set([...page.entries, ...next.data!.auditTrail.entries].map((e: { id: string }) => e.id));
    expect(ids.size).toBe(4);
    expect(Date.parse(next.data!.auditTrail.entries[0].at)).toBeLessThanOrEqual(Date.parse(page.entries[1].at));
    expect(codes(await gql(app, '{ auditTrail(after: "garbage") { hasMore } }', {}, 'admin'))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
