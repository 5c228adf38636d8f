// Hostile files of the bad-input corpus, as raw multipart uploads through app.fetch: small enough to
// build on every run, each refused by a file check (documents: extract; registry: the upload's own
// check, before a job starts, so nothing is written). tests/reliability/hostile-files-*.test.ts measure them.
import { docxBody, docxParts, LAUGHS, manyEntries, XXE, xlsxParts } from '../../fixtures/hostile/office.js';
import { endlessObjectPdf, selfReferencingPdf, textPdf } from '../../fixtures/hostile/pdf-writer.js';
import { part, writeZip } from '../../fixtures/hostile/zip-writer.js';
import type { CorpusCase, CorpusTokens } from './corpus-types.js';

const BOUNDARY = 'corpus-hostile-file';

function multipart(operations: unknown, map: unknown, file: Uint8Array, fileName: string): Uint8Array {
  const field = (name: string, value: string) =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return Buffer.concat([
    Buffer.from(field('operations', JSON.stringify(operations)) + field('map', JSON.stringify(map))),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

function upload(name: string, token: string, registry: boolean, file: Uint8Array, fileName: string): CorpusCase {
  const operations = registry
    ? { query: 'mutation($f: File!) { importRegistry(file: $f, dryRun: true) { id } }', variables: { f: null } }
    : {
        query: 'mutation($d: DocumentInput!) { extract(document: $d) { sha256 } }',
        variables: { d: { title: 'hostile', file: null } },
      };
  return {
    name: `files/${name}`,
    category: 'files',
    method: 'POST',
    path: '/graphql',
    headers: {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      accept: 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: multipart(operations, { 0: [registry ? 'variables.f' : 'variables.d.file'] }, file, fileName),
    expect: 'error',
  };
}

const docxWith = (documentXml: string, declaredSize?: number) =>
  writeZip(
    docxParts(documentXml).map((p) => (p.name === 'word/document.xml' && declaredSize ? { ...p, declaredSize } : p)),
  );
const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(2048, 1)]);
const elf = Buffer.concat([Buffer.from('\x7fELF', 'latin1'), Buffer.alloc(2048, 2)]);
const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(2048, 3)]);
const html = Buffer.from('<!DOCTYPE html><html><body><table><tr><td>名称</td></tr></table></body></html>');

export function fileCases(tokens: CorpusTokens): CorpusCase[] {
  const doc = (name: string, file: Uint8Array, fileName: string) => upload(name, tokens.editor, false, file, fileName);
  const reg = (name: string, file: Uint8Array, fileName: string) => upload(name, tokens.editor, true, file, fileName);
  const lying = part('word/document.xml', Buffer.alloc(2_000_000));
  return [
    doc('docx-declares-600MB', docxWith(docxBody(''), 600_000_000), 'a.docx'),
    doc(
      'docx-lies-about-size',
      writeZip([...docxParts(docxBody('')).slice(0, 2), { ...lying, declaredSize: 100 }]),
      'a.docx',
    ),
    doc('docx-6000-entries', manyEntries('docx', 6000), 'a.docx'),
    doc(
      'docx-xxe-file',
      docxWith(docxBody('<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>', XXE('file:///etc/passwd'))),
      'a.docx',
    ),
    doc('docx-xxe-http', docxWith(docxBody('<w:p/>', XXE('http://169.254.169.254/latest/meta-data/'))), 'a.docx'),
    doc('docx-billion-laughs', docxWith(docxBody('<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>', LAUGHS)), 'a.docx'),
    doc('pdf-2500-pages', textPdf(2500, 1), 'a.pdf'),
    doc('pdf-self-referencing', selfReferencingPdf(), 'a.pdf'),
    doc('pdf-endless-object', endlessObjectPdf(), 'a.pdf'),
    doc('docx-that-is-pdf', textPdf(1), 'a.docx'),
    doc('docx-that-is-xlsx', writeZip(xlsxParts()), 'a.docx'),
    doc('exe-named-pdf', exe, 'a.pdf'),
    doc('elf-named-docx', elf, 'a.docx'),
    doc('png-named-pdf', png, 'a.pdf'),
    reg('xlsx-that-is-html', html, 'a.xlsx'),
    reg('xlsx-that-is-pdf', textPdf(1), 'a.xlsx'),
    reg('exe-named-csv', exe, 'a.csv'),
    reg('csv-that-is-docx', docxWith(docxBody('')), 'a.csv'),
  ];
}
