// The document reader on every format (no database): text in any common encoding, HTML article bodies
// (GBK-encoded pages too), DOCX with tracked changes read as accepted, PDF text, and the refusals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, DeletedTextRun, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { asHtmlPage } from '../../seed/extract/eval/renderings.js';
import { DocumentError, readDocument } from '../../seed/extract/index.js';

const pdf = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../fixtures/extract/pdf', name)));
const refusal = async (input: Parameters<typeof readDocument>[0]) => {
  const error = await readDocument(input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DocumentError);
  return error as DocumentError;
};

describe('readDocument', () => {
  it('keeps the article of an HTML page and drops its menu, breadcrumbs and footer (GBK page)', async () => {
    const page = asHtmlPage('咸宁推行链长制\n咸宁把电子信息、机电制造列为2条重点产业链。', 'gbk');
    const read = await readDocument({ file: { bytes: page, filename: 'a.html' } });
    expect(read.format).toBe('html');
    expect(read.text).toContain('咸宁把电子信息、机电制造列为2条重点产业链。');
    for (const noise of ['首页', '当前位置', '版权所有', '热点推荐']) expect(read.text).not.toContain(noise);
  });

  it('reads GBK and UTF-16 plain text and normalises whitespace', async () => {
    const text = '标题\n\n\n\n第一段　　有全角空格。';
    const gbk = await readDocument({ file: { bytes: iconv.encode(text, 'gbk'), filename: 'a.txt' } });
    const utf16 = await readDocument({ file: { bytes: iconv.encode(`\ufeff${text}`, 'utf-16le'), filename: 'a.txt' } });
    expect(gbk.text).toBe('标题\n\n第一段 有全角空格。');
    expect(utf16.text).toBe(gbk.text);
    expect(utf16.sha256).toBe(gbk.sha256);
  });

  it('reads a DOCX with tracked changes as accepted: insertions kept, deletions dropped', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new TextRun('全市'),
                new DeletedTextRun({ text: '6条', id: 1, author: 'a', date: '2025-01-01T00:00:00Z' }),
                new InsertedTextRun({ text: '10条', id: 2, author: 'a', date: '2025-01-01T00:00:00Z' }),
                new TextRun('重点产业链'),
              ],
            }),
          ],
        },
      ],
    });
    const read = await readDocument({
      file: { bytes: new Uint8Array(await Packer.toBuffer(doc)), filename: 'a.docx' },
    });
    expect(read.format).toBe('docx');
    expect(read.text).toBe('全市10条重点产业链');
  });

  it('reads the text of a PDF', async () => {
    const read = await readDocument({ file: { bytes: pdf('text.pdf'), filename: 'a.pdf' } });
    expect(read.format).toBe('pdf');
    expect(read.text.replace(/\s/g, '')).toContain('咸宁把电子信息、机电制造列为2条重点产业链。');
  });

  it('refuses an encrypted PDF and an image-only PDF, saying what to do', async () => {
    const encrypted = await refusal({ file: { bytes: pdf('encrypted.pdf'), filename: 'a.pdf' } });
    expect(encrypted.code).toBe('ENCRYPTED_PDF');
    expect(encrypted.message).toMatch(/encrypted/);
    const scan = await refusal({ file: { bytes: pdf('image-only.pdf'), filename: 'scan.pdf' } });
    expect(scan.code).toBe('IMAGE_ONLY_PDF');
    expect(scan.message).toMatch(/only images/);
  });

  it('refuses an empty file, an old .doc and a zip that is not a DOCX', async () => {
    expect((await refusal({ file: { bytes: new Uint8Array(), filename: 'a.txt' } })).code).toBe('EMPTY');
    expect((await refusal({ file: { bytes: new Uint8Array([0xd0, 0xcf, 0x11]), filename: 'a.doc' } })).code).toBe(
      'UNSUPPORTED_FORMAT',
    );
    expect((await refusal({ file: { bytes: new Uint8Array([0x50, 0x4b, 3, 4]), filename: 'a.xlsx' } })).code).toBe(
      'UNSUPPORTED_FORMAT',
    );
  });
});
