// Hostile files on the upload routes, over a real port: zip bombs, XML entities, PDFs too long, looping
// or too slow, uploads past KG_MAX_UPLOAD_BYTES however framed, CSVs too wide or with one endless line,
// wrong magic bytes. Each must be refused with a message naming the limit or the real file type, within
// bounded time and memory, while a cheap query keeps being answered. Figures: test-artifacts/hostile-files.json.
import { createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../graph/runtime/instance-config.js';
import { createApp } from '../../server/app.js';
import { runReader } from '../../server/jobs/run-reader.js';
import { DEFAULT_FILE_LIMITS } from '../../seed/file-limits.js';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../seed/load/load.js';
import { registryContext } from '../../seed/registry/cli-registry.js';
import { DEFAULT_PLACEMENT } from '../../seed/registry/config.js';
import {
  bomb,
  docx,
  docxBody,
  docxParts,
  hugeDocx,
  LAUGHS,
  manyEntries,
  XXE,
  xlsxParts,
} from '../fixtures/hostile/office.js';
import { endlessObjectPdf, selfReferencingPdf, textPdf } from '../fixtures/hostile/pdf-writer.js';
import { part, writeZip, type ZipPart, zerosPart } from '../fixtures/hostile/zip-writer.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { TOKENS, testConfig } from '../server/helpers.js';
import {
  extractFile,
  importFile,
  listen,
  type Measured,
  measure,
  type Refusal,
  rawPost,
} from './lib/hostile-harness.js';

const db = useTestDb();
const UPLOAD_LIMIT = 20_000_000;
const SLOW_BUDGET_MS = 3000;
let main: Awaited<ReturnType<typeof listen>>;
let slow: Awaited<ReturnType<typeof listen>>;
let tight: Awaited<ReturnType<typeof listen>>;
const TIGHT_HEAP_MB = 96;
let zeros: ZipPart;
const results: Measured[] = [];

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
  const app = (env: Record<string, string>) =>
    createApp({ executor: db.executor, config: testConfig(env), webRoot: '/nonexistent-web-root' });
  // Default file limits; only the upload limit lowered so the oversized uploads stay quick to send.
  main = await listen(app({ KG_MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT) }));
  slow = await listen(app({ KG_READ_TIMEOUT_MS: String(SLOW_BUDGET_MS) }));
  tight = await listen(app({ KG_READ_MAX_HEAP_MB: String(TIGHT_HEAP_MB) }));
  // 600 MB of zeros, about 600 kB deflated: past the default KG_MAX_EXPANDED_BYTES (500 MB).
  zeros = await zerosPart('zeros', 600_000_000);
}, 300_000);

afterAll(async () => {
  await main?.close();
  await slow?.close();
  await tight?.close();
  const lines = results.map(
    (r) =>
      `| ${r.name} | ${r.ms} | ${r.peakRssDeltaMb} | ${r.maxRssGrowthMb} | ${r.cheapQueries} (slowest ${r.cheapMaxMs} ms, longest gap ${r.cheapMaxGapMs} ms, ${r.cheapFailures} failed) | ${r.status} ${r.code ?? ''} | ${r.message.slice(0, 140).replace(/\|/g, '/')} |`,
  );
  console.log(
    `hostile files: ${results.length} cases\n| case | ms to refuse | peak RSS Δ MB | maxRSS growth MB | cheap queries meanwhile | status | message |\n|---|---|---|---|---|---|---|\n${lines.join('\n')}`,
  );
  mkdirSync(join(projectRoot, 'test-artifacts'), { recursive: true });
  writeFileSync(join(projectRoot, 'test-artifacts/hostile-files.json'), JSON.stringify(results, null, 1));
});

/** Runs one case on a server, keeps its figures and checks the common bounds. */
async function refused(name: string, run: () => Promise<Refusal>, expected: RegExp, base = main.url, maxMs = 30_000) {
  const r = await measure(name, base, run);
  results.push(r);
  expect(r.message).toMatch(expected);
  expect(r.status).toBeLessThan(500);
  expect(r.ms).toBeLessThan(maxMs);
  // A reader thread loading pdfjs costs a few hundred MB by itself; its heap is capped (KG_READ_MAX_HEAP_MB).
  expect(r.peakRssDeltaMb).toBeLessThan(DEFAULT_FILE_LIMITS.readHeapMb);
  expect(r.cheapFailures).toBe(0);
  expect(r.cheapMaxMs).toBeLessThan(5000);
  expect(r.cheapMaxGapMs).toBeLessThan(5000);
  return r;
}

const viaExtract = (name: string, file: Uint8Array, fileName: string, expected: RegExp) =>
  refused(name, () => extractFile(main.url, file, fileName), expected);
const viaImport = (name: string, file: Uint8Array, fileName: string, expected: RegExp) =>
  refused(name, () => importFile(main.url, file, fileName), expected);
const T = 120_000;

describe('hostile DOCX (documents: extract)', () => {
  it(
    'a zip bomb declaring its 600 MB',
    () =>
      viaExtract(
        'DOCX bomb, 600 MB declared',
        bomb('docx', zeros),
        'plan.docx',
        /would expand to 600 MB.*KG_MAX_EXPANDED_BYTES/,
      ),
    T,
  );
  it(
    'a zip bomb declaring 1 kB and inflating to 600 MB',
    () =>
      viaExtract(
        'DOCX bomb, 1 kB declared, 600 MB real',
        bomb('docx', zeros, 1000),
        'plan.docx',
        /inflates to more than the 1 kB its zip directory declares/,
      ),
    T,
  );
  it(
    '10,000 entries',
    () =>
      viaExtract(
        'DOCX with 10,000 entries',
        manyEntries('docx', 10_000),
        'plan.docx',
        /10003 files inside; the limit is 5000 \(KG_MAX_ZIP_ENTRIES/,
      ),
    T,
  );
  it(
    'an external entity, and nothing is fetched',
    async () => {
      let hits = 0;
      const bait = createServer((_, res) => {
        hits++;
        res.end('secret');
      });
      await new Promise<void>((ok) => bait.listen(0, '127.0.0.1', ok));
      const url = `http://127.0.0.1:${(bait.address() as { port: number }).port}/xxe`;
      const file = writeZip(docxParts(docxBody('<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>', XXE(url))));
      await viaExtract('DOCX with an external entity (XXE)', file, 'plan.docx', /declares a DOCTYPE or ENTITY/);
      await new Promise((ok) => bait.close(ok));
      expect(hits).toBe(0);
    },
    T,
  );
  it(
    'billion laughs',
    () =>
      viaExtract(
        'DOCX billion laughs',
        writeZip(docxParts(docxBody('<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>', LAUGHS))),
        'plan.docx',
        /declares a DOCTYPE or ENTITY/,
      ),
    T,
  );
  it(
    'still reads an honest DOCX',
    async () => {
      const r = await extractFile(main.url, docx(['长春市光电信息产业链']), 'plan.docx');
      expect(r.status).toBe(200);
      expect(r.code).toBeUndefined();
    },
    T,
  );
});

describe('within the zip limits but too big to hold', () => {
  it(
    `a DOCX of 200 MB (under KG_MAX_EXPANDED_BYTES) read with KG_READ_MAX_HEAP_MB=${TIGHT_HEAP_MB}: the reader thread is stopped`,
    async () => {
      const file = await hugeDocx(100_000_000);
      await refused(
        `DOCX of 100 MB of paragraphs read past KG_READ_MAX_HEAP_MB=${TIGHT_HEAP_MB}`,
        () => extractFile(tight.url, file, 'plan.docx'),
        /needed more than 96 MB and was stopped \(KG_READ_MAX_HEAP_MB/,
        tight.url,
      );
    },
    T,
  );
});

describe('hostile XLSX (registry: importRegistry)', () => {
  it(
    'a zip bomb declaring its 600 MB',
    () =>
      viaImport(
        'XLSX bomb, 600 MB declared',
        bomb('xlsx', zeros),
        'firms.xlsx',
        /would expand to 600 MB.*KG_MAX_EXPANDED_BYTES/,
      ),
    T,
  );
  it(
    'a zip bomb declaring 1 kB and inflating to 600 MB',
    () =>
      viaImport(
        'XLSX bomb, 1 kB declared, 600 MB real',
        bomb('xlsx', zeros, 1000),
        'firms.xlsx',
        /inflates to more than the 1 kB/,
      ),
    T,
  );
  it(
    '10,000 entries',
    () => viaImport('XLSX with 10,000 entries', manyEntries('xlsx', 10_000), 'firms.xlsx', /KG_MAX_ZIP_ENTRIES/),
    T,
  );
  it(
    'an external entity in the shared strings',
    () =>
      viaImport(
        'XLSX with an external entity (XXE)',
        writeZip(xlsxParts(`<?xml version="1.0"?>${XXE('file:///etc/passwd')}<sst><si><t>&xxe;</t></si></sst>`)),
        'firms.xlsx',
        /sharedStrings.xml .*declares a DOCTYPE or ENTITY/,
      ),
    T,
  );
  it(
    'billion laughs in the shared strings',
    () =>
      viaImport(
        'XLSX billion laughs',
        writeZip(xlsxParts(`<?xml version="1.0"?>${LAUGHS}<sst><si><t>&lol9;</t></si></sst>`)),
        'firms.xlsx',
        /declares a DOCTYPE or ENTITY/,
      ),
    T,
  );
});

describe('hostile PDF', () => {
  it(
    '3,000 pages (past the default 2,000)',
    () =>
      viaExtract(
        'PDF with 3,000 pages',
        textPdf(3000, 1),
        'plan.pdf',
        /3000 pages; the limit is 2000 \(KG_MAX_PDF_PAGES/,
      ),
    T,
  );
  it(
    'a page tree that contains itself',
    () =>
      viaExtract(
        'PDF whose page tree contains itself',
        selfReferencingPdf(),
        'plan.pdf',
        /cannot be read \(Pages tree contains circular reference/,
      ),
    T,
  );
  it(
    'an endless object (a stream whose length is itself, never ended)',
    () => viaExtract('PDF with an endless object', endlessObjectPdf(), 'plan.pdf', /not a readable PDF|cannot be read/),
    T,
  );
  it(
    'text extraction past the time budget: the reader thread is terminated',
    () => {
      const slowPdf = textPdf(1900, 40);
      return refused(
        `PDF of 1,900 pages read past KG_READ_TIMEOUT_MS=${SLOW_BUDGET_MS}`,
        () => extractFile(slow.url, slowPdf, 'plan.pdf'),
        /longer than 3000 ms and was stopped \(KG_READ_TIMEOUT_MS/,
        slow.url,
        SLOW_BUDGET_MS + 15_000,
      );
    },
    T,
  );
  it(
    'admits a real-sized 300-page plan with the defaults',
    async () => {
      const t = performance.now();
      const r = await extractFile(main.url, textPdf(300, 40), 'plan.pdf');
      expect(r.code).toBeUndefined();
      expect(r.message).toMatch(/sha256/);
      console.log(`300-page PDF read and extracted in ${Math.round(performance.now() - t)} ms`);
    },
    T,
  );
});

const multipart = { 'content-type': 'multipart/form-data; boundary=hostile' };
const MB = Buffer.alloc(1 << 20, 'a');

describe(`uploads past KG_MAX_UPLOAD_BYTES (${UPLOAD_LIMIT} here)`, () => {
  it(
    'declared by Content-Length: refused before the body is read',
    () =>
      refused(
        'upload with Content-Length past the limit',
        () => rawPost(main.url, { ...multipart, 'content-length': String(UPLOAD_LIMIT + 1) }, async () => {}),
        /larger than 20000000 bytes \(KG_MAX_UPLOAD_BYTES\)/,
      ),
    T,
  );
  it(
    'chunked, without Content-Length: refused once the limit is passed',
    async () => {
      const r = await refused(
        'chunked upload past the limit',
        () =>
          rawPost(main.url, { ...multipart, 'transfer-encoding': 'chunked' }, async (write) => {
            for (let i = 0; i < 3 * (UPLOAD_LIMIT >> 20); i++)
              if (
                !(await write(Buffer.concat([Buffer.from(`${MB.length.toString(16)}\r\n`), MB, Buffer.from('\r\n')])))
              )
                return;
          }),
        /larger than 20000000 bytes \(KG_MAX_UPLOAD_BYTES\)/,
      );
      expect(r.status).toBe(413);
    },
    T,
  );
  it(
    'a lying Content-Length (1 kB declared, 40 MB sent): only the declared bytes are read',
    async () => {
      const r = await refused(
        'multipart with a lying Content-Length',
        () =>
          rawPost(main.url, { ...multipart, 'content-length': '1000' }, async (write) => {
            for (let i = 0; i < 40; i++) if (!(await write(MB))) return;
          }),
        /not a valid HTTP request.*Content-Length/,
      );
      expect(r.status).toBe(400);
      // The server stopped reading at the first bytes past the declared length, not after 40 MB.
      expect(r.sent).toBeLessThan(40 << 20);
    },
    T,
  );
});

describe('hostile CSV (registry)', () => {
  it(
    'a million columns',
    () =>
      viaImport(
        'CSV with 1,000,000 columns',
        Buffer.from(`名称,统一社会信用代码${','.repeat(1_000_000)}\n`),
        'firms.csv',
        /1000002 cells; the limit is 1000 columns \(KG_MAX_CSV_COLUMNS/,
      ),
    T,
  );
  it(
    '200,000 columns through importCsv (the API CSV import)',
    () =>
      refused(
        'importCsv with 200,000 columns',
        async () => {
          const csv = `名称,统一社会信用代码${','.repeat(200_000)}\n长春测试企业,\n`;
          const r = await fetch(`${main.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.editor}` },
            body: JSON.stringify({
              query: 'mutation($csv: String) { importCsv(csv: $csv) { nodesWritten errors { message } } }',
              variables: { csv },
            }),
          });
          const body = (await r.json()) as {
            data?: { importCsv: { nodesWritten: number; errors: { message: string }[] } };
          };
          expect(body.data?.importCsv.nodesWritten).toBe(0);
          return {
            status: r.status,
            code: 'errors',
            message: body.data?.importCsv.errors[0]?.message ?? JSON.stringify(body),
          };
        },
        /the header has 200002 columns; the limit is 1000 \(KG_MAX_CSV_COLUMNS/,
      ),
    T,
  );
  it(
    'a 5 MB line through the upload',
    () =>
      viaImport(
        'CSV with one 5 MB line (upload)',
        Buffer.alloc(5_000_000, '长'),
        'firms.csv',
        /longer than 1000000 characters; the limit is KG_MAX_LINE_CHARS/,
      ),
    T,
  );
  it(
    'a single 100 MB line through the registry reader process (the file a job or the CLI reads)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kg-hostile-'));
      const path = join(dir, 'firms.csv');
      const out = createWriteStream(path);
      for (let i = 0; i < 100; i++) if (!out.write(MB)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      await new Promise((ok) => out.end(ok));
      const ctx = await registryContext(db.executor, 'program:cc-10plus3');
      await refused(
        'CSV with one 100 MB line (reader process)',
        async () => {
          const url = new URL('../../server/jobs/registry-worker-entry.mjs', import.meta.url);
          const request = { path, limits: DEFAULT_PLACEMENT, ctx, fileLimits: DEFAULT_FILE_LIMITS };
          const error = await runReader(url, request, DEFAULT_FILE_LIMITS, 'the registry file').then(
            () => new Error('read without a refusal'),
            (e: Error) => e,
          );
          return { status: 0, code: (error as { code?: string }).code, message: error.message };
        },
        /KG_MAX_LINE_CHARS/,
      );
    },
    T,
  );
});

describe('wrong magic bytes', () => {
  it(
    'a .docx that is a PDF',
    () =>
      viaExtract(
        '.docx that is a PDF',
        textPdf(1),
        'plan.docx',
        /named as DOCX but is really a PDF document; accepted here/,
      ),
    T,
  );
  it(
    'an EXE named .pdf',
    () =>
      viaExtract(
        'EXE named .pdf',
        Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(4096, 7)]),
        'plan.pdf',
        /really a Windows program.*accepted here: a PDF, a DOCX/,
      ),
    T,
  );
  it(
    'an .xlsx that is HTML',
    () =>
      viaImport(
        '.xlsx that is HTML',
        Buffer.from('<!DOCTYPE html><html><body><table><tr><td>名称</td></tr></table></body></html>'),
        'firms.xlsx',
        /really an HTML page.*accepted here: an XLSX workbook/,
      ),
    T,
  );
  it(
    'an EXE named .csv',
    () =>
      viaImport(
        'EXE named .csv',
        Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(4096, 0)]),
        'firms.csv',
        /really a Windows program.*accepted here: a CSV file/,
      ),
    T,
  );
  it(
    'a .docx that is really an XLSX',
    () =>
      viaExtract(
        '.docx that is an XLSX',
        writeZip([...xlsxParts(), part('xl/worksheets/sheet1.xml', '<worksheet/>')]),
        'plan.docx',
        /really an XLSX workbook/,
      ),
    T,
  );
});
