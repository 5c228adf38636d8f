// Hostile data through the API's own inputs on the Changchun data: curation upserts and links, the CSV
// import, proposals and their review. What the model rules store comes back as the very same text; what
// they refuse is refused with a reason naming the rule and writes nothing (docs/reliability.md "Hostile
// data"; the registry and document paths are in hostile-data-files.test.ts).
import { describe, expect, it } from 'vitest';
import { countAll } from '../helpers/neo4j.js';
import { gql } from '../server/helpers.js';
import { code, csvLine, firm, READ, slug, SRC, UPSERT, useHostileApi } from './lib/hostile-data-api.js';
import { REFUSED_NAMES, REFUSED_URLS, STORED_NAMES, STORED_QUOTES } from './lib/hostile-strings.js';

const { db, app, trial } = useHostileApi('api');

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
