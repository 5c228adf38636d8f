// Hostile data in files from outside on the Changchun data: a registry export whose names, addresses and
// scopes hold markup and bidi text (refused names skipped with their reason), and documents whose title
// and body do, with refused titles, publishers and URLs (docs/reliability.md "Hostile data").
import { describe, expect, it } from 'vitest';
import { countAll } from '../helpers/neo4j.js';
import { gql, TOKENS } from '../server/helpers.js';
import { code, csvLine, READ, uscc, useHostileApi } from './lib/hostile-data-api.js';
import { hostileDocument, REFUSED_NAMES, REFUSED_URLS, STORED_NAMES, STORED_QUOTES } from './lib/hostile-strings.js';

const { db, app, trial, finished } = useHostileApi('files');

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
