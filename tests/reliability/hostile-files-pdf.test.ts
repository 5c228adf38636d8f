// Hostile PDFs and wrong magic bytes over a real port: too many pages, a page tree containing itself,
// an endless object, text extraction past the time budget (the reader process is killed), and files
// whose bytes are not what their names say. A 300-page plan is still read with the defaults.
import { describe, expect, it } from 'vitest';
import { xlsxParts } from '../fixtures/hostile/office.js';
import { endlessObjectPdf, selfReferencingPdf, textPdf } from '../fixtures/hostile/pdf-writer.js';
import { part, writeZip } from '../fixtures/hostile/zip-writer.js';
import { extractFile } from './lib/hostile-harness.js';
import { hostileSuite, ONE_READER, SLOW_BUDGET_MS, T } from './lib/hostile-suite.js';

const { servers, refused, viaExtract, viaImport } = hostileSuite('pdf-magic');

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
        () => extractFile(servers.slow.url, slowPdf, 'plan.pdf'),
        /longer than 3000 ms and was stopped \(KG_READ_TIMEOUT_MS/,
        servers.slow.url,
        SLOW_BUDGET_MS + 15_000,
      );
    },
    T,
  );
  it(
    'admits a real-sized 300-page plan with the defaults',
    async () => {
      const t = performance.now();
      const r = await extractFile(servers.main.url, textPdf(300, 40), 'plan.pdf');
      expect(r.code).toBeUndefined();
      expect(r.message).toMatch(/sha256/);
      console.log(`300-page PDF read and extracted in ${Math.round(performance.now() - t)} ms`);
    },
    T,
  );
});

describe('several hostile files at once', () => {
  it(
    `four 3,000-page PDFs at once with KG_MAX_READERS=${ONE_READER}: one reader process at a time, all refused`,
    async () => {
      const file = textPdf(3000, 1);
      const r = await refused(
        `4 PDFs of 3,000 pages at once, KG_MAX_READERS=${ONE_READER}`,
        async () => {
          const all = await Promise.all([1, 2, 3, 4].map(() => extractFile(servers.single.url, file, 'plan.pdf')));
          const refusedAll = all.every((a) => /KG_MAX_PDF_PAGES/.test(a.message));
          return {
            status: Math.max(...all.map((a) => a.status)),
            message: refusedAll ? all[0].message : JSON.stringify(all),
          };
        },
        /3000 pages; the limit is 2000 \(KG_MAX_PDF_PAGES/,
        servers.single.url,
        60_000,
      );
      expect(r.readersAtOnce).toBe(ONE_READER);
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
