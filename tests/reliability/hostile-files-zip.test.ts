// Hostile DOCX and XLSX over a real port: zip bombs (declared and lying sizes), too many entries,
// external entities and billion laughs, and a DOCX within the zip limits whose reading passes the reader's
// heap cap. Each refused with a message naming the limit, while a cheap query keeps being answered.
import { createServer } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
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
import { writeZip, type ZipPart, zerosPart } from '../fixtures/hostile/zip-writer.js';
import { extractFile } from './lib/hostile-harness.js';
import { hostileSuite, T, TIGHT_HEAP_MB } from './lib/hostile-suite.js';

const { servers, refused, viaExtract, viaImport } = hostileSuite('zip');
let zeros: ZipPart;

beforeAll(async () => {
  // 600 MB of zeros, about 600 kB deflated: past the default KG_MAX_EXPANDED_BYTES (500 MB).
  zeros = await zerosPart('zeros', 600_000_000);
}, 120_000);

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
      const r = await extractFile(servers.main.url, docx(['长春市光电信息产业链']), 'plan.docx');
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
        () => extractFile(servers.tight.url, file, 'plan.docx'),
        /needed more than 96 MB and was stopped \(KG_READ_MAX_HEAP_MB/,
        servers.tight.url,
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
