// The extractor's contract on its own (no database): quotes are slices of the text, numbers and dates
// normalised as the contract says, program-scoped ids, names the graph holds matched within the program.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldDocuments } from '../../seed/extract/eval/corpus.js';
import { EMPTY_DICTIONARY, extractFacts } from '../../seed/extract/index.js';
import { dateInClause, findQuantities } from '../../seed/extract/numbers.js';

describe('numbers and dates', () => {
  it('normalises money, counts and percentages', () => {
    const one = (t: string) => findQuantities(t)[0];
    expect(one('总产值要达到2100亿元')).toMatchObject({ value: 210000000000, unit: '亿元' });
    expect(one('产值突破1万亿元')).toMatchObject({ value: 1e12, unit: '万亿元' });
    expect(one('企业达到500户以上')).toMatchObject({ value: 500, unit: '户' });
    expect(one('占比提高到90%以上')).toMatchObject({ value: 90, unit: '%' });
    expect(one('从业人员约1.5万人')).toMatchObject({ value: 15000, unit: '人' });
    expect(one('采购需求超过百亿元')).toMatchObject({ value: 1e10, unit: '亿元' });
    expect(one('165.2亿元')!.value).toBe(16520000000);
  });
  it('dates a figure by its year, month or the document', () => {
    expect(dateInClause('到2023年', '2021-07-28').date).toBe('2023-12-31');
    expect(dateInClause('2023年1—8月', undefined).date).toBe('2023-08-31');
    expect(dateInClause('2022年前9个月', undefined).date).toBe('2022-09-30');
    expect(dateInClause('截至10月底', '2023-11-02').date).toBe('2023-10-31');
    expect(dateInClause('目前', '2023-05-15').date).toBe('2023-05-15');
  });
});

describe('extractFacts', () => {
  const docs = goldDocuments();
  it('quotes are exact slices of the text for every fact of every annotated document', () => {
    for (const doc of docs) {
      const ex = extractFacts(doc.text, { dictionary: EMPTY_DICTIONARY, publishedOn: doc.publishedOn });
      expect(ex.facts.length).toBeGreaterThan(0);
      for (const f of ex.facts) expect(doc.text.slice(f.start, f.end)).toBe(f.quote);
      for (const f of ex.facts) expect(f.score).toBeGreaterThan(0);
    }
  });
  it('gives a new city its own program with program-scoped ids', () => {
    const luzhou = docs.find((d) => d.file.includes('luzhou'))!;
    const ex = extractFacts(luzhou.text, { dictionary: EMPTY_DICTIONARY, publishedOn: luzhou.publishedOn });
    expect(ex.programId).toBe('program:luzhou');
    const chain = ex.facts.find((f) => f.label === 'Chain' && f.node?.name === '白酒')!;
    expect(chain.node).toMatchObject({ id: 'chain:luzhou-baijiu', existing: false });
    const program = ex.facts.find((f) => f.label === 'Program')!;
    const region = ex.facts.find((f) => f.label === 'District' && f.node?.name === '泸州市')!;
    expect(region.properties.kind).toBe('city');
    expect(program.properties.region).toBe(region.node!.id);
  });
  it('matches names the graph holds: shared labels anywhere, chains only within the program', () => {
    const text = '本网讯 长沙市副市长张三表示，三一重工是工程机械产业链链主企业。';
    const dictionary = {
      programs: [
        { id: 'program:cs', name: '产业链链长制', aliases: [], regionId: 'district:changsha', regionName: '长沙市' },
      ],
      entries: [
        { id: 'ent:sany', label: 'Enterprise', name: '三一重工', aliases: [], programId: null },
        { id: 'chain:other-gcjx', label: 'Chain', name: '工程机械', aliases: [], programId: 'program:other' },
      ],
    };
    const ex = extractFacts(`标题\n${text}`, { dictionary });
    expect(ex.programId).toBe('program:cs');
    expect(ex.facts.find((f) => f.label === 'Enterprise')!.node).toMatchObject({ id: 'ent:sany', existing: true });
    expect(ex.facts.find((f) => f.label === 'Chain')!.node).toMatchObject({
      existing: false,
      id: 'chain:cs-gongchengjixie',
    });
  });
  it('a document with no facts is an empty list, not an error', () => {
    const ex = extractFacts('今日天气\n今天天气晴朗，适合出行。', { dictionary: EMPTY_DICTIONARY });
    expect(ex.facts).toEqual([]);
  });
  it('reads a 5,000-character article well within a second', () => {
    const s1 = readFileSync(join(__dirname, '../fixtures/extract/s1/S1-changchun-jiugehao-2023-08-17.txt'), 'utf8');
    const text = s1.repeat(2).slice(0, 5000);
    const started = performance.now();
    extractFacts(text, { dictionary: EMPTY_DICTIONARY });
    expect(performance.now() - started).toBeLessThan(10_000); // a hang guard; speed is measured by the bench
  });
});
