// The provenance rules of graph/provenance-rules.ts in the seed validator: each kind of problem the data
// audit of issue #10 found is rejected with file, line, record and field, so it cannot come back.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../seed/load/problems.js';
import { validateDataDir } from '../../seed/load/validate.js';
import { sourceTexts } from '../../seed/load/source-texts.js';
import { fixtureVariant } from './fixtures.js';

const person = (id: string, fields: string) =>
  `  - id: ${id}\n    label: Person\n    name: 某人\n${fields}    confidence: medium\n    status: confirmed\n`;

/** The valid fixture plus extra.yaml; source:fx1's kept text is "长春市委常委、副市长某人表示". */
function problemsWith(extra: string): string {
  const dir = fixtureVariant((f) => {
    f['extra.yaml'] = extra;
  });
  mkdirSync(join(dir, 'texts'), { recursive: true });
  writeFileSync(join(dir, 'texts', 'FX1.txt'), '长春市委常委、副市长某人表示,要加快发展。');
  const { problems } = validateDataDir(dir);
  return problems.map(formatProblem).join('\n');
}

describe('provenance rules in seed validation', () => {
  it('rejects a quote joined from several sources with " / "', () => {
    const text = problemsWith(
      `nodes:\n${person('person:fx-a', '    sources: [source:fx1, source:fx2]\n    quote: "副市长某人 / 某人表示"\n')}`,
    );
    expect(text).toMatch(/extra\.yaml:6 nodes\[0\] \(person:fx-a\) field "quote": joins several quotes with " \/ "/);
  });

  it('rejects an English note given as the quote of a Chinese source', () => {
    const text = problemsWith(
      `nodes:\n${person('person:fx-b', '    sources: [source:fx2]\n    quote: "2021 output 223亿, 30% of the province"\n')}`,
    );
    expect(text).toMatch(
      /extra\.yaml:6 nodes\[0\] \(person:fx-b\) field "quote": mixes English words into Chinese text/,
    );
  });

  it('rejects a quote that is not in the kept text of its source', () => {
    const text = problemsWith(
      `nodes:\n${person('person:fx-c', '    sources: [source:fx1]\n    quote: "某人担任市长"\n')}`,
    );
    expect(text).toMatch(/extra\.yaml:6 nodes\[0\] \(person:fx-c\) field "quote": is not in the text of source:fx1/);
  });

  it('checks each quote of a quotes map against its own source, and accepts the source’s words', () => {
    const bad = problemsWith(
      `nodes:\n${person('person:fx-d', '    sources: [source:fx1, source:fx2]\n    quotes:\n      source:fx1: "某人担任市长"\n      source:fx2: "任何话"\n')}`,
    );
    expect(bad).toMatch(/extra\.yaml:\d+ nodes\[0\] \(person:fx-d\) field "quotes\.source:fx1": is not in the text/);
    expect(bad).not.toMatch(/quotes\.source:fx2/);
    const good = problemsWith(
      `nodes:\n${person('person:fx-d', '    sources: [source:fx1, source:fx2]\n    quotes:\n      source:fx1: "副市长某人表示"\n')}`,
    );
    expect(good).not.toMatch(/extra\.yaml/); // (the fixture's own fx1 quotes are not in this short text)
  });

  it('rejects a quotes key that is not one of the sources', () => {
    const text = problemsWith(
      `nodes:\n${person('person:fx-e', '    sources: [source:fx2]\n    quotes:\n      source:fx1: "副市长某人表示"\n')}`,
    );
    expect(text).toMatch(/field "quotes\.source:fx1": source:fx1 is not in sources/);
  });

  it('rejects an office-holding (HOLDS) with neither observedOn nor validFrom', () => {
    const text = problemsWith(
      'relationships:\n  - type: HOLDS\n    from: person:fx-someone\n    to: leader:fx-head\n    sources: [source:fx1]\n    quote: "副市长某人表示"\n    confidence: medium\n    status: confirmed\n',
    );
    expect(text).toMatch(
      /extra\.yaml:2 relationships\[0\] \(HOLDS person:fx-someone -> leader:fx-head\) field "observedOn": an office-holding needs observedOn/,
    );
  });

  it('rejects a second node under a name another node already has (two 长春光谷)', () => {
    const text = problemsWith(
      'nodes:\n  - id: district:fx-other\n    label: District\n    name: 测试人\n    sources: [source:fx2]\n    confidence: low\n    status: unverified\n    kind: area\n',
    );
    // Files are read in name order (extra.yaml first), so the fixture's person is the second holder of the name.
    expect(text).toMatch(
      /graph\.yaml:\d+ nodes\[\d+\] \(person:fx-someone\) field "name": "测试人" already names district:fx-other \(\S*extra\.yaml:2/,
    );
  });

  it('keeps S1 in the repo as source:s1, so S1 quotes are checked without ../shared', () => {
    const s1 = sourceTexts().get('source:s1');
    expect(s1).toContain('分别由市政府、市人大、市政协主要领导包保推进');
  });
});
