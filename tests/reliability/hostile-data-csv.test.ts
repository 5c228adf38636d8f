// The CSV export's cells (web/src/canvas/export/csv.ts): text a spreadsheet would run as a formula gets a
// leading apostrophe; numbers, plain or signed, stay numbers; quoting keeps commas, quotes and line ends.
import { describe, expect, it } from 'vitest';
import { cell } from '../../web/src/canvas/export/csv.js';
import { STORED_NAMES } from './lib/hostile-strings.js';

describe('CSV export cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+cmd', "'+1+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB=1', "'\tTAB=1"],
    ['\r=1', `"'\r=1"`],
    ['=HYPERLINK("http://evil.example/","x")', `"'=HYPERLINK(""http://evil.example/"",""x"")"`],
    ['长光卫星', '长光卫星'],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    [' =1', ' =1'],
  ])('writes %j as %j', (value, expected) => {
    expect(cell(value)).toBe(expected);
  });

  it.each([
    [-5, '-5'],
    [1.5, '1.5'],
    ['-5', '-5'],
    ['+12.5', '+12.5'],
    ['-1e3', '-1e3'],
    [Number.NaN, ''],
  ])('keeps the number %j a number', (value, expected) => {
    expect(cell(value)).toBe(expected);
  });

  it('defuses every formula-looking hostile name', () => {
    for (const name of Object.values(STORED_NAMES)) {
      const out = cell(name).replace(/^"/, '');
      expect(/^[=+\-@\t\r]/.test(out), out).toBe(false);
    }
  });
});
