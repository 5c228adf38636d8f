// Document ingestion on a real dev article (facts from its gold file standing in for the extractor):
// the job files a new Program with its region, chains and posts as proposals (nothing attached to the
// shipped program), review confirms exactly what was confirmed with quotes found in the stored text,
// dependencies, re-proposal flags, program filters, a failing job writes nothing, the upload limit.
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/audit-log.js';
import { createJob, getJob, settleInterruptedJobs, updateJob } from '../../graph/queries/jobs.js';
import { startDocumentJob } from '../../server/jobs/document-job.js';
import { countAll, emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { gql, TOKENS, tempAuditFile, testApp } from './helpers.js';
import { goldExtraction } from './ingestion-gold.js';

const db = useTestDb();
const app = testApp(db.executor);
const STEM = '02-luzhou-ecochain-adjustment';
const CITY_QUOTE = '泸州市重点工业产业生态链链长制工作领导小组办公室';
const luzhou = goldExtraction(STEM, 'luzhou', [{ kind: 'NODE', label: 'District', name: '泸州市', quote: CITY_QUOTE }]);
// The gold's District has no kind; the city node of the region does.
for (const f of luzhou.extraction.facts) if (f.node?.name === '泸州市') f.properties = { kind: 'city' };
const programId = luzhou.idOf('Program', '重点工业产业生态链链长制');
luzhou.extraction.programId = programId;
const deps = (reader: () => Promise<{ extraction: typeof luzhou.extraction }>, auditFile = tempAuditFile()) => ({
  executor: db.executor,
  auditLog: new AuditLog(auditFile),
  actor: { role: 'editor', fingerprint: 'test' },
  thresholds: { high: 0.9, medium: 0.6 },
  reader,
});

const QUEUE = `query($filter: ProposalFilter, $first: Int, $after: String) { proposalQueue(filter: $filter, first: $first, after: $after) {
  totalCount hasMore endCursor nodes { id status kind target fact quote start end score confidence programId sourceId jobId dependsOn
  earlierRejection { proposalId sourceId rejectedAt } } } }`;
const REVIEW = `mutation($ids: [ID!], $filter: ProposalFilter, $decision: ReviewDecision!, $edits: JSON) {
  reviewProposals(ids: $ids, filter: $filter, decision: $decision, edits: $edits) { id error proposal { id status edits } } }`;

async function queue(filter: Record<string, unknown>, first = 500) {
  const r = await gql(app, QUEUE, { filter, first }, 'editor');
  expect(r.errors).toBeUndefined();
  return r.data!.proposalQueue;
}

let jobId = '';
let sourceId = '';

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
  const started = await startDocumentJob(
    deps(async () => ({ extraction: luzhou.extraction })),
    {
      meta: { title: luzhou.title, publishedOn: '2025-02-08' },
      text: luzhou.text,
    },
  );
  const job = await started.done;
  expect(job.status).toBe('DONE');
  jobId = job.id;
  sourceId = job.sourceId!;
}, 60_000);

describe('ingesting a document about another city', () => {
  it('stores the text once with its sha256 and files every fact as a proposal of the new program', async () => {
    const [source] = await db.executor.query('MATCH (s:Source {id: $id}) RETURN s.text AS text, s.sha256 AS sha', {
      id: sourceId,
    });
    expect(source).toEqual({ text: luzhou.text, sha: luzhou.extraction.sha256 });
    const all = await queue({ jobId });
    // one proposal per fact, plus the DESCRIBES each observation's `of` becomes
    const observations = luzhou.extraction.facts.filter((f) => f.label === 'Observation');
    expect(observations).toHaveLength(6);
    expect(all.totalCount).toBe(luzhou.extraction.facts.length + observations.length);
    const describes = all.nodes.filter((p: any) => p.fact.type === 'DESCRIBES');
    expect(describes.map((p: any) => p.fact.to).sort()).toEqual(
      ['白酒', '白酒', '电子信息', '电子信息', '装备制造', '装备制造'].map((n) => luzhou.idOf('Chain', n)).sort(),
    );
    expect(all.nodes.filter((p: any) => p.fact.properties?.of !== undefined)).toEqual([]);
    expect(all.nodes.every((p: any) => p.programId === programId && p.sourceId === sourceId)).toBe(true);
    expect(all.nodes.every((p: any) => luzhou.text.slice(p.start, p.end) === p.quote)).toBe(true);
    expect(all.nodes.every((p: any) => p.confidence === 'medium' && p.score === 0.8)).toBe(true);
    const program = all.nodes.find((p: any) => p.target === programId);
    expect(program.fact.properties.region).toBe(luzhou.idOf('District', '泸州市'));
    expect(program.dependsOn).toHaveLength(1);
    // Nothing attached to the shipped program's chains, posts or program.
    const shipped = [F.program, F.opto, F.biomed, F.guarantee, F.party, F.npc, F.cppcc, F.city];
    expect(all.nodes.filter((p: any) => shipped.some((id) => p.target.includes(id)))).toEqual([]);
    const job = await gql(
      app,
      'query($id: ID!) { importJob(id: $id) { status progress counts { facts proposals } } }',
      { id: jobId },
      'editor',
    );
    expect(job.data!.importJob).toEqual({
      status: 'DONE',
      progress: 1,
      counts: { facts: luzhou.extraction.facts.length, proposals: all.totalCount },
    });
  });

  it('filters the queue by program, label or type, chain and score', async () => {
    expect((await queue({ programId: F.program })).totalCount).toBe(0);
    expect((await queue({ programId, labelOrType: 'Chain' })).totalCount).toBe(10);
    const baijiu = luzhou.idOf('Chain', '白酒');
    const aboutBaijiu = await queue({ chainId: baijiu });
    expect(aboutBaijiu.nodes.map((p: any) => p.fact.type ?? 'NODE').sort()).toEqual(
      ['DESCRIBES', 'DESCRIBES', 'HOSTS', 'HOSTS', 'HOSTS', 'HOSTS', 'NODE', 'PART_OF'].sort(),
    );
    expect((await queue({ jobId, minScore: 0.9 })).totalCount).toBe(0);
    const first = await queue({ jobId }, 5);
    expect(first.hasMore).toBe(true);
    const next = await gql(app, QUEUE, { filter: { jobId }, first: 5, after: first.endCursor }, 'editor');
    expect(next.data!.proposalQueue.nodes.map((p: any) => p.id)).not.toContain(first.nodes[0].id);
  });

  it('confirming a relationship confirms the nodes it needs; rejecting a node rejects what needs it', async () => {
    const baijiu = luzhou.idOf('Chain', '白酒');
    const partOf = (await queue({ jobId, labelOrType: 'PART_OF', chainId: baijiu })).nodes[0];
    const confirmed = await gql(app, REVIEW, { ids: [partOf.id], decision: 'CONFIRM' }, 'admin');
    expect(confirmed.data!.reviewProposals).toEqual([
      { id: partOf.id, error: null, proposal: { id: partOf.id, status: 'confirmed', edits: null } },
    ]);
    // the chain, the program and the program's region entered the graph, each citing the document
    const rows = await db.executor.query(
      `MATCH (c:Chain {id: $chain})-[r:PART_OF]->(p:Program {id: $program}) OPTIONAL MATCH (d:District {id: p.region})
       RETURN c.status AS cs, c.sources AS csrc, c.quote AS cq, r.quote AS rq, d.kind AS kind, p.region AS region`,
      { chain: baijiu, program: programId },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ cs: 'confirmed', csrc: [sourceId], kind: 'city' });
    expect(luzhou.text.includes(String(rows[0].cq)) && luzhou.text.includes(String(rows[0].rq))).toBe(true);
    // reject the 能源 chain: its PART_OF goes with it
    const energy = (await queue({ jobId, chainId: luzhou.idOf('Chain', '能源'), labelOrType: 'Chain' })).nodes[0];
    const rejected = await gql(app, REVIEW, { ids: [energy.id], decision: 'REJECT' }, 'admin');
    expect(rejected.data!.reviewProposals[0].proposal.status).toBe('rejected');
    const energyRels = await queue({ jobId, chainId: luzhou.idOf('Chain', '能源'), labelOrType: 'PART_OF' });
    expect(energyRels.nodes.map((p: any) => p.status)).toEqual(['rejected']);
    // reviewing it again is a per-item error, the other item still goes through
    const leader = (await queue({ jobId, labelOrType: 'Leader', status: 'proposed' })).nodes[0];
    const mixed = await gql(app, REVIEW, { ids: [energy.id, leader.id], decision: 'CONFIRM', edits: null }, 'admin');
    expect(mixed.data!.reviewProposals.map((r: any) => [r.id, !!r.error, r.proposal?.status ?? null])).toEqual([
      [energy.id, true, null],
      [leader.id, false, 'confirmed'],
    ]);
  });

  it('edits change the fact before confirming and are kept', async () => {
    const chain = (await queue({ jobId, chainId: luzhou.idOf('Chain', '装备制造'), labelOrType: 'Chain' })).nodes[0];
    const r = await gql(
      app,
      REVIEW,
      { ids: [chain.id], decision: 'CONFIRM', edits: { name: '装备制造产业链' } },
      'admin',
    );
    expect(r.data!.reviewProposals[0].proposal.edits).toEqual({ name: '装备制造产业链' });
    const [row] = await db.executor.query('MATCH (c:Chain {id: $id}) RETURN c.name AS name', { id: chain.target });
    expect(row.name).toBe('装备制造产业链');
  });

  it('leaves exactly the confirmed facts in the graph; editors cannot review', async () => {
    const denied = await gql(app, REVIEW, { filter: { jobId }, decision: 'REJECT' }, 'editor');
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const confirmed = await queue({ jobId, status: 'confirmed' });
    const inGraph = await db.executor.query(
      `MATCH (n) WHERE $source IN n.sources AND NOT n:Proposal RETURN n.id AS id
       UNION MATCH (a)-[r]->(b) WHERE $source IN r.sources RETURN type(r) + ':' + a.id + '->' + b.id AS id`,
      { source: sourceId },
    );
    expect(inGraph.map((r) => r.id).sort()).toEqual(confirmed.nodes.map((p: any) => p.target).sort());
  });

  it('read fields answer for the default program unless programId names another', async () => {
    const baijiu = luzhou.idOf('Chain', '白酒');
    const q = 'query($p: ID) { chains(programId: $p) { id } programs { id region { id kind } } }';
    const shipped = await gql(app, q, {});
    expect(shipped.data!.chains.map((c: any) => c.id)).not.toContain(baijiu);
    const other = await gql(app, q, { p: programId });
    expect(other.data!.chains.map((c: any) => c.id)).toEqual([baijiu]);
    expect(other.data!.programs.find((p: any) => p.id === programId).region).toEqual({
      id: luzhou.idOf('District', '泸州市'),
      kind: 'city',
    });
    const search = 'query($p: ID) { search(text: "白酒", programId: $p) { entity { id } } }';
    expect((await gql(app, search, { p: F.program })).data!.search.map((h: any) => h.entity.id)).not.toContain(baijiu);
    expect((await gql(app, search, { p: programId })).data!.search.map((h: any) => h.entity.id)).toContain(baijiu);
    const unknown = await gql(app, q, { p: 'program:nowhere' });
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a fact rejected once is proposed again from another document, flagged with the rejection', async () => {
    const energy = luzhou.idOf('Chain', '能源');
    const other = { ...luzhou.extraction, text: `${luzhou.text}\n（转载）`, sha256: 'f'.repeat(64) };
    other.facts = other.facts.filter((f) => f.node?.id === energy);
    const started = await startDocumentJob(
      deps(async () => ({ extraction: other })),
      {
        meta: { title: '转载' },
        text: other.text,
      },
    );
    const job = await started.done;
    expect(job.counts.reproposed).toBe(1);
    const again = await queue({ jobId: job.id, reproposed: true });
    expect(again.nodes[0].earlierRejection).toMatchObject({ sourceId });
    // a filter reviews every matching proposal, one result each
    const r = await gql(app, REVIEW, { filter: { jobId: job.id }, decision: 'REJECT' }, 'admin');
    expect(r.data!.reviewProposals.map((x: any) => [x.id, x.error, x.proposal.status])).toEqual([
      [again.nodes[0].id, null, 'rejected'],
    ]);
  });

  it('never links a chain or post of another program, even when the extractor matched one', async () => {
    const post = luzhou.extraction.facts.find((f) => f.label === 'Leader')!;
    const text = `${luzhou.text}\n（又一版本）`;
    const foreign = {
      ...luzhou.extraction,
      text,
      sha256: 'd'.repeat(64),
      facts: [
        post,
        {
          ...post,
          kind: 'RELATIONSHIP' as const,
          label: null,
          node: null,
          type: 'OWNER_OF',
          from: post.node!,
          to: { id: F.opto, existing: true, label: 'Chain', name: '光电信息' },
        },
      ],
    };
    const job = await (
      await startDocumentJob(
        deps(async () => ({ extraction: foreign })),
        { meta: { title: '又一版本' }, text },
      )
    ).done;
    expect(job.status).toBe('DONE');
    expect(job.message).toMatch(/links a chain or post of another program/);
    expect((await queue({ jobId: job.id })).nodes.map((p: any) => p.target)).toEqual([post.node!.id]);
  });

  it('the same text twice files nothing new', async () => {
    const before = await countAll(db.executor);
    const started = await startDocumentJob(
      deps(async () => ({ extraction: luzhou.extraction })),
      {
        meta: { title: luzhou.title },
        text: luzhou.text,
      },
    );
    expect(started.alreadyIngested).toBe(true);
    expect(started.sourceId).toBe(sourceId);
    await started.done;
    expect((await countAll(db.executor)).relationships).toBe(before.relationships);
  });
});

describe('failures', () => {
  it('a job whose write fails writes nothing and says why', async () => {
    const before = await countAll(db.executor);
    const fresh = { ...luzhou.extraction, sha256: 'e'.repeat(64) };
    // An audit store that cannot be written (its folder would sit under a file): the write is rolled back.
    const blocker = tempAuditFile();
    writeFileSync(blocker, '');
    const started = await startDocumentJob(
      deps(async () => ({ extraction: fresh }), `${blocker}/x/audit.jsonl`),
      {
        meta: { title: 'x' },
        text: fresh.text,
      },
    );
    const job = await started.done;
    expect(job.status).toBe('FAILED');
    expect(job.message).toMatch(/^Nothing was written: /);
    const after = await countAll(db.executor);
    expect(after.relationships).toBe(before.relationships);
    expect(after.nodes).toBe(before.nodes + 1); // the ImportJob record itself
  });

  it('extract and ingestDocument need an editor and exactly one of file or text (a multipart File reaches them)', async () => {
    const q = 'mutation($d: DocumentInput!) { ingestDocument(document: $d) { alreadyIngested } }';
    const denied = await gql(app, q, { d: { title: 'x', text: '泸州' } }, 'analyst');
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({
        query: 'mutation($f: File) { extract(document: {title: "x", text: "泸州", file: $f}) { sha256 } }',
        variables: { f: null },
      }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    // 3 MB: above KG_MAX_BODY_BYTES (1 MB), below KG_MAX_UPLOAD_BYTES, so it reaches the resolver
    form.append('0', new File(['泸州'.repeat(500_000)], 'a.txt', { type: 'text/plain' }));
    const response = await app.fetch('http://test/graphql', {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${TOKENS.editor}` },
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({
      message: 'Give the document as exactly one of file or text.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('lists jobs newest first for editors', async () => {
    const r = await gql(app, '{ importJobs(first: 50) { id kind status } }', {}, 'editor');
    expect(r.data!.importJobs.map((j: any) => j.id)).toContain(jobId);
    expect(r.data!.importJobs.every((j: any) => j.kind === 'DOCUMENT')).toBe(true);
    expect((await gql(app, '{ importJobs { id } }', {}, 'analyst')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('jobs a stopped server left running are settled at start-up by whether their write committed', async () => {
    await createJob(db.executor, 'job:interrupted', 'DOCUMENT', 'Reading');
    await updateJob(db.executor, 'job:interrupted', { status: 'RUNNING' });
    expect(await settleInterruptedJobs(db.executor)).toBe(1);
    expect(await getJob(db.executor, 'job:interrupted')).toMatchObject({ status: 'FAILED' });
  });

  it('a multipart upload over KG_MAX_UPLOAD_BYTES is refused with a clear message', async () => {
    const small = testApp(db.executor, { KG_MAX_UPLOAD_BYTES: '2048' });
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({
        query: 'mutation($f: File) { extract(document: {title: "x", file: $f}) { sha256 } }',
        variables: { f: null },
      }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new File(['泸'.repeat(4000)], 'big.txt', { type: 'text/plain' }));
    const response = await small.fetch('http://test/graphql', { method: 'POST', body: form });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0].message).toMatch(/upload is larger than 2048 bytes \(KG_MAX_UPLOAD_BYTES\)/);
  });
});
