// Spreadsheet bytes → text without asking for the encoding, and text → rows with their spreadsheet row
// numbers, for the encodings and delimiters Chinese office software produces.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeSpreadsheet } from '../../seed/import/csv-decode.js';
import { readCsv } from '../../seed/import/csv-read.js';

const TEXT = '企业名称,是否本地\n长春希达电子,是\n長春光機所,否\n';

describe('decodeSpreadsheet', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(TEXT)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)])],
    ['UTF-16LE', new Uint8Array(iconv.encode(TEXT, 'utf-16le', { addBOM: true }))],
    ['GB18030', new Uint8Array(iconv.encode(TEXT.replace('長春光機所', '长春光机所'), 'gbk'))],
  ])('reads %s', (encoding, bytes) => {
    const decoded = decodeSpreadsheet(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toContain('长春希达电子');
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads GB18030 characters outside GBK', () => {
    const decoded = decodeSpreadsheet(new Uint8Array(iconv.encode('名称\n𠀀测试\n', 'gb18030')));
    expect(decoded).toEqual({ text: '名称\n𠀀测试\n', encoding: 'GB18030' });
  });
});

describe('readCsv', () => {
  it('detects a tab delimiter and keeps spreadsheet row numbers across quoted line breaks', () => {
    const table = readCsv('name\tquote\n甲\t"第一行\n第二行"\n乙\t无\n', 't.csv');
    expect(table.delimiter).toBe('\t');
    expect(table.rows).toEqual([
      { row: 2, cells: ['甲', '第一行\n第二行'] },
      { row: 3, cells: ['乙', '无'] },
    ]);
    expect(table.problems).toEqual([]);
  });

  it('ignores empty lines and the empty cells Excel pads rows with', () => {
    const table = readCsv('name,local\n\n甲,true,,\n', 'p.csv');
    expect(table.rows).toEqual([{ row: 2, cells: ['甲', 'true'] }]);
  });

  it('says an empty file or a header without rows needs data', () => {
    expect(readCsv('', 'e.csv').problems[0].message).toContain('the file is empty');
    expect(readCsv('name,local\n', 'h.csv').problems[0].message).toContain('no data rows');
  });
});
