// The role rules on sentences of the genre written for these tests (not taken from any evaluated
// article): 链主 → LEADS, 承载地/核心区 → HOSTS, 支撑/共建 → SUPPORTS, 位于/落户 → LOCATED_IN or WITHIN,
// 链长 pairing by 分别 and clause, and the words that must not become facts.
import { describe, expect, it } from 'vitest';
import { EMPTY_DICTIONARY, extractFacts } from '../../seed/extract/index.js';

const HEAD =
  '襄阳召开产业链链长制推进会\n本网襄阳5月6日讯 襄阳市推行产业链链长制，将新能源汽车、高端装备、生物医药、电子信息列为4条重点产业链。';

function facts(body: string): string[] {
  const text = HEAD + body;
  const ex = extractFacts(text, { dictionary: EMPTY_DICTIONARY, publishedOn: '2024-05-06' });
  for (const f of ex.facts) expect(text.slice(f.start, f.end)).toBe(f.quote);
  return ex.facts.map((f) =>
    f.kind === 'NODE' ? `${f.label} ${f.node!.name}` : `${f.type} ${f.from!.name} → ${f.to!.name}`,
  );
}

describe('role rules', () => {
  it('pairs firms and chains by 分别 and reads 链主 in several turns of phrase', () => {
    const got = facts(
      '比亚迪、东风汽车分别是新能源汽车、高端装备产业链链主。电子信息产业链链主企业有华为、中航光电。作为生物医药产业链的链主企业，人福药业今年加快新药上市。',
    );
    expect(got).toEqual(
      expect.arrayContaining([
        'LEADS 比亚迪 → 新能源汽车',
        'LEADS 东风汽车 → 高端装备',
        'LEADS 华为 → 电子信息',
        'LEADS 中航光电 → 电子信息',
        'LEADS 人福药业 → 生物医药',
      ]),
    );
    expect(got).not.toContain('LEADS 比亚迪 → 高端装备');
    const two = facts('华为为电子信息产业链链主、航宇救生为高端装备产业链链主。');
    expect(two).toEqual(expect.arrayContaining(['LEADS 华为 → 电子信息', 'LEADS 航宇救生 → 高端装备']));
  });
  it('reads hosts, locations and supports', () => {
    const got = facts(
      '樊城区、襄州区作为新能源汽车产业链的重要承载地。襄阳机器人产业园位于襄州区，是高端装备产业链的主阵地。航宇救生总部位于樊城区。湖北文理学院、襄阳职业技术学院分别为高端装备、电子信息产业链提供人才支撑。',
    );
    expect(got).toEqual(
      expect.arrayContaining([
        'HOSTS 樊城区 → 新能源汽车',
        'HOSTS 襄州区 → 新能源汽车',
        'HOSTS 襄阳机器人产业园 → 高端装备',
        'WITHIN 襄阳机器人产业园 → 襄州区',
        'SUPPORTS 湖北文理学院 → 高端装备',
        'SUPPORTS 襄阳职业技术学院 → 电子信息',
      ]),
    );
    expect(got).not.toContain('HOSTS 襄州区 → 高端装备');
    expect(got).not.toContain('SUPPORTS 湖北文理学院 → 电子信息');
  });
  it('gives 链长 to the posts of its own clause, through a person’s principal post', () => {
    const got = facts(
      '由市委书记、市长共同担任总链长，4条产业链均由市领导担任链长。其中，市委常委、常务副市长张伟任新能源汽车、高端装备2条产业链链长；生物医药、电子信息产业链链长分别由副市长李强、副市长王敏担任。',
    );
    expect(got).toEqual(
      expect.arrayContaining([
        'OWNER_OF 常务副市长 → 新能源汽车',
        'OWNER_OF 常务副市长 → 高端装备',
        'OWNER_OF 副市长 → 生物医药',
        'OWNER_OF 副市长 → 电子信息',
        'COORDINATES 市长 → 产业链链长制',
      ]),
    );
    expect(got.filter((f) => f.startsWith('OWNER_OF 市长') || f.startsWith('OWNER_OF 市委常委'))).toEqual([]);
  });
  it('gives each 链长 of one clause its own post', () => {
    const got = facts('常务副市长张伟任新能源汽车产业链链长、副市长李强任高端装备产业链链长。');
    expect(got).toEqual(expect.arrayContaining(['OWNER_OF 常务副市长 → 新能源汽车', 'OWNER_OF 副市长 → 高端装备']));
    expect(got).not.toContain('OWNER_OF 副市长 → 新能源汽车');
    expect(got).not.toContain('OWNER_OF 常务副市长 → 高端装备');
  });
  it('reads a chain after 包保 and a clause that opens with 任 as its subject’s', () => {
    const got = facts('市人大常委会主任包保高端装备产业链。市政协主席陈刚挂帅生物医药产业链，任链长。');
    expect(got).toEqual(
      expect.arrayContaining([
        'PATRON_OF 市人大常委会主任 → 高端装备',
        'Person 陈刚',
        'OWNER_OF 市政协主席 → 生物医药',
      ]),
    );
  });
  it('keeps generic words and role words out of names', () => {
    const got = facts(
      '襄阳已成为全国重要的新能源汽车产业集聚地。高端装备、电子信息两条产业链分别由市人大常委会、市政协主要负责同志包保。',
    );
    expect(got.some((f) => f.includes('襄阳已'))).toBe(false);
    const pointers = facts('该区是高端装备产业链的核心区。在产业科技，企业获得感增强。');
    expect(pointers.some((f) => f.includes('该区') || f.includes('产业科技'))).toBe(false);
    expect(got.some((f) => f.startsWith('Person'))).toBe(false);
    expect(got).toEqual(
      expect.arrayContaining([
        'PATRON_OF 市人大常委会主要负责同志 → 高端装备',
        'PATRON_OF 市政协主要负责同志 → 电子信息',
      ]),
    );
  });
  it('reads chain lists without a count, with 等 before the count, and drops N大', () => {
    const read = (body: string) =>
      extractFacts(`标题\n本网讯 某市推行产业链链长制，${body}`, { dictionary: EMPTY_DICTIONARY })
        .facts.filter((f) => f.type === 'PART_OF')
        .map((f) => f.from!.name);
    expect(read('重点打造集成电路、新型显示、人工智能等产业链。')).toEqual(['集成电路', '新型显示', '人工智能']);
    expect(read('确定电子信息、装备制造、新材料等10条产业链为首批重点产业链。')).toEqual([
      '电子信息',
      '装备制造',
      '新材料',
    ]);
    expect(read('围绕集成电路、新型显示、人工智能三大产业链建立工作机制。')).toEqual([
      '集成电路',
      '新型显示',
      '人工智能',
    ]);
  });
});
