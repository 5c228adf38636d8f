// Hostile data through every input path (API upserts and links, CSV import, registry import, document
// ingestion) on the Changchun data: what the model rules store comes back as the very same text, what they
// refuse is refused with a reason naming the rule and writes nothing (docs/reliability.md "Hostile data").
import { writeFileSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../seed/load/load.js';
import { usccCheckChar } from '../../seed/registry/uscc.js';
import { countAll, emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { gql, TOKENS, testApp } from '../server/helpers.js';
import { hostileDocument, REFUSED_NAMES, REFUSED_URLS, STORED_NAMES, STORED_QUOTES } from './lib/hostile-strings.js';

const db = useTestDb();
const app = testApp(db.executor);
const SRC = 'source:hostile-data';
const tally = new Map<string, { tried: number; failed: number }>();

/** Counts a case of `path` and whether its expectations held (a failed expect throws, counted as failed). */
async function trial(path: string, run: () => Promise<void>): Promise<void> {
  const t = tally.get(path) ?? { tried: 0, failed: 0 };
  tally.set(path, t);
  t.tried++;
  try {
    await run();
  } catch (error) {
    t.failed++;
    throw error;
  }
}

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
  const made = await gql(
    app,
    'mutation($i: SourceInput!) { upsertSource(input: $i) { id } }',
    { i: { id: SRC, name: '恶意数据测试来源', url: 'https://example.org/hostile', kind: 'news' } },
    'editor',
  );
  expect(made.errors).toBeUndefined();
}, 180_000);

afterAll(() => {
  const rows = [...tally].map(([path, t]) => ({ path, ...t }));
  console.log('hostile data cases', JSON.stringify(rows));
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync('test-artifacts/hostile-data.json', `${JSON.stringify(rows, null, 1)}\n`);
});

const UPSERT = 'mutation($i: EnterpriseInput!) { upsertEnterprise(input: $i) { id name aliases } }';
const READ = 'query($id: ID!) { node(id: $id) { ... on Enterprise { name aliases citations { quote } } } }';
const firm = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  local: true,
  sources: [SRC],
  confidence: 'LOW',
  ...extra,
});
const slug = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '-');
const code = (e?: { extensions?: { code?: string } }[]) => e?.[0]?.extensions?.code;

describe('API curation', () => {
  it.each(Object.entries(STORED_NAMES))('stores the name %s as the text it is', (key, name) =>
    trial('API upsert (stored)', async () => {
      const id = `ent:hostile-api-${slug(key)}`;
      const alias = name.slice(0, 100);
      const r = await gql(app, UPSERT, { i: firm(id, name, { aliases: [alias] }) }, 'editor');
      expect(r.errors).toBeUndefined();
      const back = await gql(app, READ, { id }, 'analyst');
      expect(back.data!.node).toMatchObject({ name, aliases: [alias] });
    }),
  );

  it.each(Object.entries(STORED_QUOTES))('stores the quote %s as the source’s words', (key, quote) =>
    trial('API upsert (stored)', async () => {
      const id = `ent:hostile-quote-${slug(key)}`;
      const r = await gql(app, UPSERT, { i: firm(id, `引文公司${key}`, { quote }) }, 'editor');
      expect(r.errors).toBeUndefined();
      const back = await gql(app, READ, { id }, 'analyst');
      expect(back.data!.node.citations.map((c: { quote: string }) => c.quote)).toEqual([quote]);
    }),
  );

  it.each(Object.entries(REFUSED_NAMES))('refuses the name %s, as a name and as an alias', (_key, { value, reason }) =>
    trial('API upsert (refused)', async () => {
      const before = await countAll(db.executor);
      for (const input of [
        firm('ent:hostile-refused', value),
        firm('ent:hostile-refused', '别名公司', { aliases: [value] }),
      ]) {
        const r = await gql(app, UPSERT, { i: input }, 'editor');
        expect(code(r.errors)).toBe('BAD_USER_INPUT');
        expect(r.errors![0].message).toMatch(reason);
      }
      expect(await countAll(db.executor)).toEqual(before);
    }),
  );

  it.each(REFUSED_URLS)('refuses the source address %s', (url) =>
    trial('API upsertSource (refused)', async () => {
      const r = await gql(
        app,
        'mutation($i: SourceInput!) { upsertSource(input: $i) { id } }',
        { i: { id: 'source:hostile-url', name: '坏链接', url, kind: 'news' } },
        'editor',
      );
      expect(code(r.errors)).toBe('BAD_USER_INPUT');
      const back = await gql(app, 'query { node(id: "source:hostile-url") { id } }', {}, 'analyst');
      expect(back.data!.node).toBeNull();
    }),
  );

  it('links a firm with a hostile quote and refuses a hostile id', () =>
    trial('API link', async () => {
      const link = 'mutation($i: SegmentLinkInput!) { linkEnterpriseToSegment(input: $i) { id } }';
      const ok = await gql(
        app,
        link,
        {
          i: {
            enterpriseId: 'ent:hostile-api-script',
            segmentId: 'segment:opto-satellite',
            sources: [SRC],
            quote: STORED_QUOTES.imgQuote,
          },
        },
        'editor',
      );
      expect(ok.errors).toBeUndefined();
      const bad = await gql(
        app,
        link,
        { i: { enterpriseId: '<img src=x onerror=alert(1)>', segmentId: 'segment:opto-satellite', sources: [SRC] } },
        'editor',
      );
      expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(code(bad.errors));
    }));
});

/** One RFC 4180 line: every cell quoted. */
const csvLine = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
const IMPORT = 'mutation($csv: String) { importCsv(csv: $csv) { nodesWritten errors { row column message } } }';

describe('CSV import', () => {
  it('writes every stored name as it is', () =>
    trial('CSV import', async () => {
      const rows = Object.entries(STORED_NAMES).map(([key, name]) =>
        csvLine([`ent:hostile-csv-${slug(key)}`, name, 'true', SRC, STORED_QUOTES.scriptQuote]),
      );
      const csv = [csvLine(['id', 'name', 'local', 'source', 'quote']), ...rows].join('\r\n');
      const r = await gql(app, IMPORT, { csv }, 'editor');
      expect(r.errors).toBeUndefined();
      expect(r.data!.importCsv.errors).toEqual([]);
      for (const [key, name] of Object.entries(STORED_NAMES)) {
        const back = await gql(app, READ, { id: `ent:hostile-csv-${slug(key)}` }, 'analyst');
        expect(back.data!.node.name).toBe(name);
      }
    }));

  it.each(Object.entries(REFUSED_NAMES))(
    'refuses a file holding the name %s and writes nothing',
    (key, { value, reason }) =>
      trial('CSV import (refused)', async () => {
        const before = await countAll(db.executor);
        const csv = [
          csvLine(['id', 'name', 'local', 'source']),
          csvLine(['ent:hostile-csv-good', '好公司', 'true', SRC]),
          csvLine([`ent:hostile-csv-bad-${slug(key)}`, value, 'true', SRC]),
        ].join('\r\n');
        const r = await gql(app, IMPORT, { csv }, 'editor');
        const errors = r.data?.importCsv.errors ?? r.errors ?? [];
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.map((e: { message: string }) => e.message).join(' ')).toMatch(reason);
        expect(await countAll(db.executor)).toEqual(before);
      }),
  );
});

/** A valid 统一社会信用代码 for row `n` (registry rows need one to be written). */
function uscc(n: number): string {
  const first17 = `91220101${String(100000000 + n).slice(-9)}`;
  return first17 + usccCheckChar(first17);
}

async function finished(id: string) {
  for (let i = 0; i < 1200; i++) {
    const r = await gql(app, 'query($id: ID!) { importJob(id: $id) { status message sourceId } }', { id }, 'editor');
    if (['DONE', 'FAILED'].includes(r.data!.importJob.status)) return r.data!.importJob;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('the job did not finish');
}

describe('registry import', () => {
  it(
    'writes hostile names, addresses and scopes as text and skips the refused names with a reason',
    () =>
      trial('registry import', async () => {
        const stored = Object.values(STORED_NAMES);
        const refused = Object.values(REFUSED_NAMES);
        const header = ['企业名称', '统一社会信用代码', '省份', '城市', '区县', '企业地址', '经营范围', '曾用名'];
        const row = (name: string, n: number) =>
          csvLine([
            name,
            uscc(n),
            '吉林省',
            '长春市',
            '朝阳区',
            `${STORED_NAMES.imgOnerror}长春市朝阳区${STORED_QUOTES.bidiQuote}`,
            `光电子器件制造；${STORED_NAMES.script}${'卫星'.repeat(2000)}`,
            `旧名${n}`,
          ]);
        const lines = [
          csvLine(header),
          ...stored.map((s, i) => row(s, i + 1)),
          ...refused.map((r, i) => row(r.value, 500 + i)),
        ];
        const form = new FormData();
        form.append(
          'operations',
          JSON.stringify({
            query: 'mutation($f: File!) { importRegistry(file: $f) { id } }',
            variables: { f: null },
          }),
        );
        form.append('map', JSON.stringify({ 0: ['variables.f'] }));
        form.append('0', new File([lines.join('\r\n')], 'hostile.csv', { type: 'text/csv' }));
        const response = await app.fetch('http://test/graphql', {
          method: 'POST',
          body: form,
          headers: { authorization: `Bearer ${TOKENS.editor}` },
        });
        const started = (await response.json()) as { data: { importRegistry: { id: string } } };
        const job = await finished(started.data.importRegistry.id);
        expect(job.status, job.message).toBe('DONE');
        const report = await gql(
          app,
          'query($id: ID!) { importJob(id: $id) { report(first: 100) { rows { name action enterpriseId problems } } } }',
          { id: started.data.importRegistry.id },
          'editor',
        );
        const rows = report.data!.importJob.report.rows as {
          name: string;
          action: string;
          enterpriseId: string;
          problems: string[];
        }[];
        expect(rows).toHaveLength(stored.length + refused.length);
        for (const [i, name] of stored.entries()) {
          expect(rows[i].action).not.toBe('skipped');
          const back = await gql(app, READ, { id: rows[i].enterpriseId }, 'analyst');
          expect(back.data!.node.name).toBe(name);
        }
        for (const [i, { reason }] of refused.entries()) {
          const r = rows[stored.length + i];
          expect(r.action).toBe('skipped');
          expect(r.problems.join(' ')).toMatch(reason);
          expect(await gql(app, READ, { id: `ent:uscc-${uscc(500 + i).toLowerCase()}` }, 'analyst')).toMatchObject({
            data: { node: null },
          });
        }
      }),
    300_000,
  );
});

const INGEST = 'mutation($d: DocumentInput!) { ingestDocument(document: $d) { job { id } } }';

describe('document ingestion', () => {
  it(
    'files a document whose body and title hold markup and bidi text, with the title as the Source name',
    () =>
      trial('document ingest', async () => {
        const title = STORED_NAMES.attributeBreakout;
        const r = await gql(
          app,
          INGEST,
          { d: { title, text: hostileDocument(), url: 'https://example.org/hostile-doc', publishedOn: '2024-01-02' } },
          'editor',
        );
        expect(r.errors).toBeUndefined();
        const job = await finished(r.data!.ingestDocument.job.id);
        expect(job.status, job.message).toBe('DONE');
        const source = await gql(
          app,
          'query($id: ID!) { node(id: $id) { ... on Source { name url } } }',
          { id: job.sourceId },
          'analyst',
        );
        expect(source.data!.node).toEqual({ name: title, url: 'https://example.org/hostile-doc' });
      }),
    300_000,
  );

  const refusedMeta = [
    ...REFUSED_URLS.map((url) => ({ title: '坏链接文件', url })),
    ...Object.values(REFUSED_NAMES).map((n) => ({ title: n.value })),
    { title: '坏发布者', publisher: '发布\u202E者' },
  ];
  it.each(refusedMeta)('refuses a document described as %j and starts no job', (meta) =>
    trial('document ingest (refused)', async () => {
      const before = await countAll(db.executor);
      const r = await gql(app, INGEST, { d: { ...meta, text: '长春市光电信息产业' } }, 'editor');
      expect(code(r.errors)).toBe('BAD_USER_INPUT');
      expect(await countAll(db.executor)).toEqual(before);
    }),
  );
});

const PROPOSE = 'mutation($i: ProposalInput!) { proposeFact(input: $i) { id status } }';
const REVIEW =
  'mutation($ids: [ID!], $e: JSON) { reviewProposals(ids: $ids, decision: CONFIRM, edits: $e) { id error proposal { status } } }';
const proposal = (id: string, name: string) => ({
  node: { id, properties: { name, local: true } },
  sources: [SRC],
  quote: STORED_QUOTES.scriptQuote,
});

describe('proposals', () => {
  it('files and confirms a proposal whose name holds markup, stored as the text it is', () =>
    trial('proposal (stored)', async () => {
      const filed = await gql(app, PROPOSE, { i: proposal('ent:hostile-proposed', STORED_NAMES.imgOnerror) }, 'editor');
      expect(filed.errors).toBeUndefined();
      const done = await gql(app, REVIEW, { ids: [filed.data!.proposeFact.id] }, 'admin');
      expect(done.data!.reviewProposals[0]).toMatchObject({ error: null, proposal: { status: 'confirmed' } });
      const back = await gql(app, READ, { id: 'ent:hostile-proposed' }, 'analyst');
      expect(back.data!.node.name).toBe(STORED_NAMES.imgOnerror);
    }));

  it.each(Object.entries(REFUSED_NAMES))(
    'refuses to file, or to confirm with edits, the name %s',
    (key, { value, reason }) =>
      trial('proposal (refused)', async () => {
        const refused = await gql(app, PROPOSE, { i: proposal(`ent:hostile-prop-${slug(key)}`, value) }, 'editor');
        expect(code(refused.errors)).toBe('BAD_USER_INPUT');
        expect(refused.errors![0].message).toMatch(reason);
        const filed = await gql(app, PROPOSE, { i: proposal(`ent:hostile-prop-${slug(key)}`, '待修改公司') }, 'editor');
        const id = filed.data!.proposeFact.id;
        const edited = await gql(app, REVIEW, { ids: [id], e: { name: value } }, 'admin');
        const result = edited.data?.reviewProposals?.[0];
        expect(result?.error ?? edited.errors?.[0].message).toMatch(reason);
        expect(await gql(app, READ, { id: `ent:hostile-prop-${slug(key)}` }, 'analyst')).toMatchObject({
          data: { node: null },
        });
      }),
  );
});
