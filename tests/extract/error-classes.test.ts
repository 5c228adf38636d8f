// The error classes issue #11's extraction round fixed, on sentences written for these tests (an
// invented article about a real city, not taken from any evaluated file): filler words before the
// mechanism's name or a chain's, "name（post）" lists, a figure's own year, firms written with their zone.
import { describe, expect, it } from 'vitest';
import { EMPTY_DICTIONARY, extractFacts } from '../../seed/extract/index.js';

const HEAD = '滁州印发产业链工作要点\n';

function read(body: string) {
  const text = HEAD + body;
  const ex = extractFacts(text, { dictionary: EMPTY_DICTIONARY, publishedOn: '2024-06-20' });
  for (const f of ex.facts) expect(text.slice(f.start, f.end)).toBe(f.quote);
  const names = ex.facts.map((f) =>
    f.kind === 'NODE' ? `${f.label} ${f.node!.name}` : `${f.type} ${f.from!.name} → ${f.to!.name}`,
  );
  return { facts: ex.facts, names };
}

describe('extraction error classes', () => {
  it('names the mechanism without the verbs and offices before it, and lists its chains after 依次为', () => {
    const { names } = read(
      '市发展改革委负责重点产业链链长制日常工作。全市纳入链长制管理的重点产业链调整为3条，依次为：智能家电、光伏新能源、绿色食品。',
    );
    expect(names).toContain('Program 重点产业链链长制');
    expect(names.filter((n) => n.startsWith('Program '))).toEqual(['Program 重点产业链链长制']);
    for (const chain of ['智能家电', '光伏新能源', '绿色食品'])
      expect(names).toContain(`PART_OF ${chain} → 重点产业链链长制`);
  });

  it('reads a chain list after a reporting verb, and never makes a chain of a clause', () => {
    const { names } = read(
      '滁州实施产业链链长制。会议听取了智能家电、光伏新能源、绿色食品3条产业链运行情况，要求各地动态更新产业链图谱，每季度至少召开一次产业链推进会，研究解决产业链堵点问题，部分产业链仍需补短板。',
    );
    const chains = names.filter((n) => n.startsWith('Chain ')).sort();
    expect(chains).toEqual(['Chain 光伏新能源', 'Chain 智能家电', 'Chain 绿色食品']);
  });

  it('reads an annex of “name（post）” and a second name joined by 、', () => {
    const { names } = read(
      '滁州实施产业链链长制。\n附件\n1．智能家电产业链　链长：冯立新（常务副市长）\n2．绿色食品产业链　链长：袁晓梅（副市长）\n会上，副市长袁晓梅、段志强出席。',
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'Person 冯立新',
        'HOLDS 冯立新 → 常务副市长',
        'Person 袁晓梅',
        'HOLDS 袁晓梅 → 副市长',
        'Person 段志强',
        'HOLDS 段志强 → 副市长',
        'OWNER_OF 常务副市长 → 智能家电',
      ]),
    );
  });

  it('reads joined posts in brackets, 总链长 before its holder, and 面向…产业链 as support', () => {
    const { names } = read(
      '滁州实施产业链链长制。总链长：韩东升（市委副书记、市长）。滁州学院面向智能家电产业链定向培养技能人才。',
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'HOLDS 韩东升 → 市委副书记',
        'HOLDS 韩东升 → 市长',
        'COORDINATES 市长 → 产业链链长制',
        'SUPPORTS 滁州学院 → 智能家电',
      ]),
    );
    expect(names).not.toContain('COORDINATES 市委副书记 → 产业链链长制');
  });

  it('names the holder after 总链长, a second name before 及, a 集团有限责任公司 whole, support clause by clause', () => {
    const { names, facts } = read(
      '滁州实施产业链链长制。市委书记、总链长韩东升出席，副市长袁晓梅、段志强及有关部门负责同志参加。' +
        '位于滁州高新区的皖东电器集团有限责任公司作为智能家电产业链链主，今年计划带动本地配套企业20家。' +
        '滁州学院面向智能家电产业链开展技术攻关，安徽科技学院与绿色食品产业链企业共建联合实验室。',
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'HOLDS 韩东升 → 市委书记',
        'HOLDS 段志强 → 副市长',
        'LEADS 皖东电器集团有限责任公司 → 智能家电',
        'LOCATED_IN 皖东电器集团有限责任公司 → 滁州高新区',
        'SUPPORTS 滁州学院 → 智能家电',
        'SUPPORTS 安徽科技学院 → 绿色食品',
      ]),
    );
    expect(names).not.toContain('SUPPORTS 滁州学院 → 绿色食品');
    expect(names).not.toContain('Enterprise 皖东电器集团');
    const goal = facts.find((f) => f.label === 'Goal' && f.properties.targetValue === 20);
    expect(goal?.properties.deadline).toBe('2024-12-31');
  });

  it('keeps a governing verb out of the first name of a list, and reads a zone before 管委会', () => {
    const { names } = read(
      '滁州实施产业链链长制。各县市区，滁州经济技术开发区管委会：支持皖东电器有限公司、金禾粮油有限公司等链主企业做大做强，推动南谯区、琅琊区和来安县错位发展，带动苏滁现代产业园集聚配套企业。',
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'District 滁州经济技术开发区',
        'Enterprise 皖东电器有限公司',
        'District 南谯区',
        'District 琅琊区',
        'District 来安县',
        'District 苏滁现代产业园',
      ]),
    );
    expect(names.some((n) => /^(?:Enterprise 支持|District 动)/.test(n))).toBe(false);
  });

  it('dates a month of the document year stated in its own clause, and keeps short forms out of the chains', () => {
    const { names, facts } = read(
      '滁州实施产业链链长制，智能家电、机器人及智能装备2条产业链发展势头强劲。1—5月，智能家电产业链实现产值310亿元。' +
        '截至5月底，机器人产业链集聚企业86家。滁州学院依托智能制造研究院，为机器人及智能装备产业链提供技术支撑。',
    );
    const obs = (value: number) =>
      facts.find((f) => f.label === 'Observation' && f.properties.value === value)?.properties.asOf;
    expect(obs(31_000_000_000)).toBe('2024-05-31');
    expect(obs(86)).toBe('2024-05-31');
    expect(names).not.toContain('Chain 机器人');
    expect(names).toContain('SUPPORTS 滁州学院 → 机器人及智能装备');
  });

  it('reads 产业链“链长制” as the mechanism, and 总部位于 for the firm named before', () => {
    const { names } = read(
      '滁州深入推行产业链“链长制”，把智能家电、绿色食品列为2条重点产业链。皖东电器有限公司是智能家电产业链链主企业，总部位于滁州经济技术开发区。',
    );
    expect(names).toContain('Program 产业链链长制');
    expect(names).toContain('LOCATED_IN 皖东电器有限公司 → 滁州经济技术开发区');
  });

  it('skips thresholds and counts of a policy package, and dates 前三季度 in the document year', () => {
    const { facts } = read(
      '滁州实施产业链链长制，同步出台6个配套政策文件。申报链主企业原则上上年度营业收入不低于30亿元。智能家电产业链前三季度营业收入同比增长18.6%，是3条产业链中增速最快的一条。',
    );
    const values = facts.filter((f) => f.label === 'Observation').map((f) => f.properties.value);
    const each = read('滁州实施产业链链长制，每条产业链明确1名市领导担任链长、1家链主企业和1所链创高校。').facts;
    expect(each.filter((f) => f.label === 'Observation')).toEqual([]);
    expect(values).not.toContain(6);
    expect(values).not.toContain(3_000_000_000);
    const growth = facts.find((f) => f.label === 'Observation' && f.properties.value === 18.6);
    expect(growth?.properties.asOf).toBe('2024-09-30');
  });

  it('keeps 及 inside a chain name, and reads 该公司 after 作为…链主企业 as the firm named before', () => {
    const { names } = read(
      '滁州深入推进产业链链长制，硅基新材料及应用产业链上半年营业收入增长12%。“链长制让我们找到了主心骨。”皖东硅材料有限公司相关负责人说。作为硅基新材料及应用产业链链主企业，该公司牵头组建产业联盟。',
    );
    expect(names).toContain('Chain 硅基新材料及应用');
    expect(names).not.toContain('Chain 应用');
    expect(names).toContain('LEADS 皖东硅材料有限公司 → 硅基新材料及应用');
  });

  it('reads numbered items about one chain each: its 链长 and its listed 链主企业, and a target under a plain year', () => {
    const { names, facts } = read(
      '滁州公布重点产业链链长及链主企业名单。\n（一）智能家电产业链。链长：市委副书记韩东升；链主企业：皖东电器有限公司。\n' +
        '（二）绿色食品产业链。链长：副市长袁晓梅；链主企业：金禾粮油有限公司、滁州乳业有限公司。\n2024年全市重点产业链力争完成投资300亿元。',
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'OWNER_OF 市委副书记 → 智能家电',
        'OWNER_OF 副市长 → 绿色食品',
        'LEADS 皖东电器有限公司 → 智能家电',
        'LEADS 滁州乳业有限公司 → 绿色食品',
      ]),
    );
    expect(names).not.toContain('OWNER_OF 副市长 → 智能家电');
    const goal = facts.find((f) => f.label === 'Goal' && f.properties.targetValue === 30_000_000_000);
    expect(goal?.properties.deadline).toBe('2024-12-31');
  });

  it('dates a figure by the year nearest before it, and keeps a sentence year for 其中', () => {
    const { facts } = read(
      '滁州实施产业链链长制。智能家电产业链本地配套率由2021年的35%提升至2023年的52%。2023年，全市3条重点产业链产值1200亿元。其中，绿色食品产业链产值达到310亿元。',
    );
    const obs = (value: number) =>
      facts.find((f) => f.label === 'Observation' && f.properties.value === value)?.properties.asOf;
    expect(obs(52)).toBe('2023-12-31');
    expect(obs(31_000_000_000)).toBe('2023-12-31');
  });

  it('takes firms without the words that place them, with LOCATED_IN the place', () => {
    const { names } = read(
      '滁州实施产业链链长制。地处滁州经济技术开发区的皖东电器有限公司作为智能家电产业链链主，带动配套企业集聚。由苏滁现代产业园的金禾粮油有限公司牵头组建联盟。',
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'Enterprise 皖东电器有限公司',
        'LEADS 皖东电器有限公司 → 智能家电',
        'LOCATED_IN 皖东电器有限公司 → 滁州经济技术开发区',
        'Enterprise 金禾粮油有限公司',
        'LOCATED_IN 金禾粮油有限公司 → 苏滁现代产业园',
      ]),
    );
    expect(names.some((n) => /Enterprise .*(?:地处|的)/.test(n))).toBe(false);
  });
  it('reads an annex table: a header row names the columns, each row its chain, owner post and holder', () => {
    const { names } = read(
      '滁州实施重点产业链链长制。\n附件\n序号｜产业链｜链长｜副链长｜链主企业\n1｜智能家电｜常务副市长 冯立新｜市政府副秘书长 郑敏｜滁州安和电器有限公司\n2｜绿色食品｜副市长 袁晓梅｜市政府副秘书长 郑敏｜—\n会议要求各链加快推进。',
    );
    for (const fact of [
      'PART_OF 智能家电 → 重点产业链链长制',
      'OWNER_OF 常务副市长 → 智能家电',
      'OWNER_OF 副市长 → 绿色食品',
      'HOLDS 冯立新 → 常务副市长',
      'HOLDS 袁晓梅 → 副市长',
      'HOLDS 郑敏 → 市政府副秘书长',
      'LEADS 滁州安和电器有限公司 → 智能家电',
    ])
      expect(names).toContain(fact);
    // the vice owner holds a post but no chain role (the model has none), and the header is no chain
    expect(names.filter((n) => n.startsWith('OWNER_OF 市政府副秘书长'))).toEqual([]);
    expect(names).not.toContain('Chain 产业链');
  });

  it('names the mechanism after a report verb and a period word, not from them', () => {
    const { names } = read('副市长袁晓梅通报上半年链长制推进情况。滁州自2022年推行重点产业链链长制以来成效明显。');
    expect(names.filter((n) => n.startsWith('Program '))).toEqual(['Program 重点产业链链长制']);
  });

  it('reads an indicator table split by spaces: each number under a header with a unit is a figure of its row', () => {
    const { facts, names } = read(
      '滁州实施重点产业链链长制。\n表2 2025年重点产业链主要指标\n产业链 链长 营业收入（亿元） 同比增长（%） 链上企业（家）\n智能家电 常务副市长 356.2 7.4 88\n绿色食品 副市长 — 5.1 120\n以上数据为快报数。',
    );
    expect(names).toContain('OWNER_OF 常务副市长 → 智能家电');
    expect(names).toContain('OWNER_OF 副市长 → 绿色食品');
    const figures = facts
      .filter((f) => f.label === 'Observation')
      .map(
        (f) =>
          `${f.properties.of} ${f.properties.metric} ${f.properties.value} ${f.properties.unit} ${f.properties.asOf}`,
      );
    expect(figures.sort()).toEqual(
      [
        '智能家电 营业收入 35620000000 亿元 2025-12-31',
        '智能家电 营业收入同比增长 7.4 % 2025-12-31',
        '智能家电 链上企业 88 家 2025-12-31',
        // “—” is not known: no figure, and never a zero
        '绿色食品 营业收入同比增长 5.1 % 2025-12-31',
        '绿色食品 链上企业 120 家 2025-12-31',
      ].sort(),
    );
  });

  it('reads no figure from thresholds, awards, time limits or a capacity in a project name', () => {
    const { facts } = read(
      '滁州实施重点产业链链长制。对年度研发投入超过5000万元的链上企业，按其增量部分的8%给予奖励，最高给予一次性奖励200万元。对目标完成率低于70%的产业链进行约谈。企业诉求原则上在10个工作日内办结。滁州安和电器有限公司年产120万台变频冰箱项目开工，总投资18亿元。',
    );
    const figures = facts.filter((f) => f.label === 'Observation' || f.label === 'Goal');
    expect(figures.map((f) => f.properties.value ?? f.properties.targetValue)).toEqual([1800000000]);
  });

  it('takes no firm from a pointer, a verb, a clause of what a firm does, or an institute’s name', () => {
    const { names } = read(
      '滁州实施重点产业链链长制。作为智能家电产业链链主，全年销售冰箱120万台，带动本地注塑、包装等配套企业60家。这家公司把订单留在了本地，按照公司规划还将扩产。皖能集团滁州新能源研究院为光伏新能源产业链提供技术支撑。',
    );
    const firms = names.filter((n) => n.startsWith('Enterprise '));
    expect(firms).toEqual([]);
    expect(names).toContain('Institute 皖能集团滁州新能源研究院');
  });

  it('gives a person named earlier the chains they own in a sentence of their own', () => {
    const { names } = read(
      '滁州实施重点产业链链长制，重点产业链确定为3条，分别是智能家电、光伏新能源、绿色食品。常务副市长冯立新、副市长袁晓梅出席会议。袁晓梅同时担任智能家电、绿色食品两条产业链的链长。作为光伏新能源产业链链长，冯立新要求加快项目建设。',
    );
    for (const chain of ['智能家电', '光伏新能源', '绿色食品'])
      expect(names).toContain(`PART_OF ${chain} → 重点产业链链长制`);
    expect(names).toContain('OWNER_OF 副市长 → 智能家电');
    expect(names).toContain('OWNER_OF 副市长 → 绿色食品');
    expect(names).toContain('OWNER_OF 常务副市长 → 光伏新能源');
    expect(names.filter((n) => n.startsWith('Chain ')).sort()).toEqual([
      'Chain 光伏新能源',
      'Chain 智能家电',
      'Chain 绿色食品',
    ]);
  });

  it('dates figures of a year-end report by the year its title names, and reads 由…到 as a change, not a target', () => {
    const text =
      '滁州市2025年重点产业链链长制工作总结\n滁州实施重点产业链链长制。全年新认定链主企业9家。1—11月链上企业营业收入812亿元。滁州安和电器有限公司本地配套率由2022年的28%提高到2024年的41%。';
    const ex = extractFacts(text, { dictionary: EMPTY_DICTIONARY, publishedOn: '2026-01-15' });
    const figures = ex.facts
      .filter((f) => f.label === 'Observation' || f.label === 'Goal')
      .map(
        (f) =>
          `${f.label} ${f.properties.value ?? f.properties.targetValue} ${f.properties.asOf ?? f.properties.deadline}`,
      );
    expect(figures.sort()).toEqual(
      [
        'Observation 9 2025-12-31',
        'Observation 81200000000 2025-11-30',
        'Observation 28 2022-12-31',
        'Observation 41 2024-12-31',
      ].sort(),
    );
  });

  it('reads firms that 共同担任 a chain’s 链主, sites that 位于/设在/已在 a zone, and no owner from a 副链长', () => {
    const { names } = read(
      '滁州实施重点产业链链长制。滁州安达电器有限公司和安徽晶澳光能有限公司共同担任智能家电产业链链主。安徽晶澳光能有限公司的生产基地位于滁州经济技术开发区。滁州盼盼食品有限公司总部设在来安经济开发区。安徽新远汽车有限公司已在苏滁现代产业园区建成整车基地。智能家电产业链副链长、市政府副秘书长郑敏作了发言。',
    );
    for (const fact of [
      'LEADS 滁州安达电器有限公司 → 智能家电',
      'LEADS 安徽晶澳光能有限公司 → 智能家电',
      'LOCATED_IN 安徽晶澳光能有限公司 → 滁州经济技术开发区',
      'LOCATED_IN 滁州盼盼食品有限公司 → 来安经济开发区',
      'LOCATED_IN 安徽新远汽车有限公司 → 苏滁现代产业园区',
      'HOLDS 郑敏 → 市政府副秘书长',
    ])
      expect(names).toContain(fact);
    expect(names.filter((n) => n.startsWith('OWNER_OF '))).toEqual([]);
  });

  it('links a measure titled as support for a chain, and universities paired with chains they 对接 or build for', () => {
    const { names } = read(
      '滁州实施重点产业链链长制，重点产业链确定为3条，分别是智能家电、光伏新能源、绿色食品，分为引领型产业链和成长型产业链。市里出台了《滁州市支持光伏新能源产业链高质量发展若干措施》。推动绿色食品产业链与安徽科技学院、滁州学院建立常态化对接。支持安徽科技学院、滁州学院分别围绕智能家电、光伏新能源产业链组建研究中心。',
    );
    for (const fact of [
      'SUPPORTS 滁州市支持光伏新能源产业链高质量发展若干措施 → 光伏新能源',
      'SUPPORTS 安徽科技学院 → 绿色食品',
      'SUPPORTS 滁州学院 → 绿色食品',
      'SUPPORTS 安徽科技学院 → 智能家电',
      'SUPPORTS 滁州学院 → 光伏新能源',
    ])
      expect(names).toContain(fact);
    expect(names).not.toContain('Chain 引领型');
    expect(names).not.toContain('Chain 组建');
  });

  it('reads a department head as a post only where a person holds it', () => {
    const { names } = read(
      '滁州实施重点产业链链长制。市政府副秘书长杨振华，市工业和信息化局局长陈可欣出席发布会。市发展改革委副主任王磊介绍情况。市商务局负责同志答问，市工业和信息化局牵头推进。',
    );
    expect(names).toContain('HOLDS 陈可欣 → 市工业和信息化局局长');
    expect(names).toContain('HOLDS 王磊 → 市发展改革委副主任');
    expect(names.filter((n) => n.startsWith('Leader ')).sort()).toEqual(
      ['Leader 市发展改革委副主任', 'Leader 市工业和信息化局局长', 'Leader 市政府副秘书长'].sort(),
    );
  });

  it('reads 该产业链 as the chain just named, a firm that 公司总部位于 a zone, and no chain from a verb', () => {
    const { names } = read(
      '滁州实施产业链链长制。4月12日，智能家电产业链链长、市长冯立新带队深入安徽凯越电器有限公司、滁州高新区等地调研产业链发展情况。安徽凯越电器有限公司是该产业链链主企业，公司总部位于滁州经济技术开发区。滁州学院与凯越电器共建研究中心，支撑产业链技术攻关。',
    );
    expect(names).toContain('LEADS 安徽凯越电器有限公司 → 智能家电');
    expect(names).toContain('LOCATED_IN 安徽凯越电器有限公司 → 滁州经济技术开发区');
    expect(names.filter((n) => n.startsWith('Chain '))).toEqual(['Chain 智能家电']);
  });

  it('gives “其余N条” chains to the posts that 分别担任链长, and nothing to “N位市级领导”', () => {
    const { names } = read(
      '滁州实施产业链链长制，确定智能家电、光伏新能源、绿色食品3条重点产业链。智能家电产业链由市长担任链长，其余2条产业链由2位副市长分别担任链长。由市委书记担任总链长，3位市级领导分别担任链长。',
    );
    const owners = names.filter((n) => n.startsWith('OWNER_OF ')).sort();
    expect(owners).toEqual(
      ['OWNER_OF 市长 → 智能家电', 'OWNER_OF 副市长 → 光伏新能源', 'OWNER_OF 副市长 → 绿色食品'].sort(),
    );
  });

  it('reads 八成 as 80%, dates 过去一年 and 去年 figures a year back but not 较上年, and no chain named 标志性', () => {
    const { facts, names } = read(
      '过去一年，全市智能家电、光伏新能源等5条标志性产业链营收突破600亿元。去年新增链主企业6家。今年以来全市产值较上年增长5%。三条产业链对工业增长的贡献率超过八成。',
    );
    const obs = (value: number) => facts.find((f) => f.label === 'Observation' && f.properties.value === value);
    expect(obs(60_000_000_000)?.properties.asOf).toBe('2023-12-31');
    expect(obs(6)?.properties.asOf).toBe('2023-12-31');
    expect(obs(5)?.properties.asOf).toBe('2024-06-20');
    expect(obs(80)?.properties.unit).toBe('%');
    expect(names).not.toContain('Chain 标志性');
  });

  it('takes the firms a zone 聚集了 as 链主, not the verb, and no city from 关于市', () => {
    const { names } = read(
      '关于市人大代表建议的答复\n滁州实施产业链链长制。滁州高新区是智能家电产业链核心承载区，聚集了安徽凯越电器有限公司、滁州恒信家电有限公司等链主企业。',
    );
    expect(names).toContain('LEADS 安徽凯越电器有限公司 → 智能家电');
    expect(names).toContain('LEADS 滁州恒信家电有限公司 → 智能家电');
    expect(names.some((n) => n.includes('聚集了'))).toBe(false);
    expect(names).not.toContain('District 关于市');
  });

  it('dates a table by its caption period, pairs chains the table adds, and names no mechanism after an office', () => {
    const { facts, names } = read(
      '滁州实施重点产业链链长制，市工业和信息化局承担链长制办公室日常工作。\n表1  2024年上半年重点产业链主要指标\n产业链 链长 营业收入（亿元） 规上企业（家）\n智能家电 市长 512.3 46\n光伏新能源 副市长 386.1 31\n滁州经济技术开发区、来安县分别是智能家电、光伏新能源产业链主要承载地。',
    );
    const revenue = facts.find((f) => f.label === 'Observation' && f.properties.value === 51_230_000_000);
    expect(revenue?.properties.asOf).toBe('2024-06-30');
    expect(names).toContain('HOSTS 滁州经济技术开发区 → 智能家电');
    expect(names).toContain('HOSTS 来安县 → 光伏新能源');
    expect(names.filter((n) => n.startsWith('Program '))).toEqual(['Program 重点产业链链长制']);
  });

  it('reads “A、B产业链” lists after a verb, 两条产业链 as the chains just named, and no chain of places or 市', () => {
    const { names } = read(
      '滁州实施产业链链长制。市委书记、市智能家电产业链党委链长冯立新出席会议。安徽凯越电器有限公司、滁州恒信光伏有限公司分别担任智能家电、光伏新能源产业链链主企业。滁州经济技术开发区、来安县分别为两条产业链的核心承载区。',
    );
    for (const fact of [
      'LEADS 安徽凯越电器有限公司 → 智能家电',
      'LEADS 滁州恒信光伏有限公司 → 光伏新能源',
      'HOSTS 滁州经济技术开发区 → 智能家电',
      'HOSTS 来安县 → 光伏新能源',
    ])
      expect(names).toContain(fact);
    expect(names.filter((n) => n.startsWith('Chain ')).sort()).toEqual(['Chain 光伏新能源', 'Chain 智能家电']);
  });

  it('dates a report by its section headings and reads the next year’s section as targets', () => {
    const { facts } = read(
      '滁州实施产业链链长制。\n一、2023年工作回顾\n智能家电产业链产值达到520亿元，增长9.5%。\n二、2024年主要目标任务\n实施产业链重点项目120个，完成投资300亿元以上。',
    );
    const value = (v: number) => facts.find((f) => f.properties.value === v || f.properties.targetValue === v);
    expect(value(52_000_000_000)?.properties.asOf).toBe('2023-12-31');
    expect(value(9.5)?.properties.asOf).toBe('2023-12-31');
    expect(value(120)?.label).toBe('Goal');
    expect(value(120)?.properties.deadline).toBe('2024-12-31');
    expect(value(30_000_000_000)?.label).toBe('Goal');
  });

  it('links a plan titled for one chain and 一链一校 partners, and keeps 有机硅 and 技术与工程研究院 whole', () => {
    const { names } = read(
      '滁州实施产业链链长制。市政府印发《滁州市智能家电产业链高质量发展三年行动方案（2024—2026年）》。滁州学院、安徽科技学院分别与智能家电、光伏新能源产业链签订“一链一校”合作协议。支持南京大学滁州环保技术与工程研究院服务光伏新能源产业链。安徽鑫源有机硅股份有限公司位于滁州经济技术开发区。\n· 图解：一图读懂滁州产业链链长制',
    );
    for (const fact of [
      'SUPPORTS 滁州市智能家电产业链高质量发展三年行动方案（2024—2026年） → 智能家电',
      'SUPPORTS 滁州学院 → 智能家电',
      'SUPPORTS 安徽科技学院 → 光伏新能源',
      'SUPPORTS 南京大学滁州环保技术与工程研究院 → 光伏新能源',
      'Enterprise 安徽鑫源有机硅股份有限公司',
    ])
      expect(names).toContain(fact);
    expect(names).not.toContain('University 南京大学');
    expect(names.filter((n) => n.startsWith('Program '))).toEqual(['Program 产业链链长制']);
  });

  it('pairs firms with the places they 分别位于, reads 双链主 and 两条产业链的链主企业分别是, and 总部设在Y的…A公司', () => {
    const { names } = read(
      '滁州实施产业链链长制，确定智能家电、光伏新能源两条产业链。两条产业链的链主企业分别是安徽凯越电器有限公司和滁州恒信光伏有限公司，两家企业分别位于滁州经济技术开发区和来安县。全链确定安徽华星电子有限公司、安徽明远电器有限公司为“双链主”。总部设在南谯区的智能家电产业链链主企业安徽凯越电器有限公司今年扩产。',
    );
    for (const fact of [
      'LEADS 安徽凯越电器有限公司 → 智能家电',
      'LEADS 滁州恒信光伏有限公司 → 光伏新能源',
      'LOCATED_IN 安徽凯越电器有限公司 → 滁州经济技术开发区',
      'LOCATED_IN 滁州恒信光伏有限公司 → 来安县',
      'LOCATED_IN 安徽凯越电器有限公司 → 南谯区',
      'Enterprise 安徽华星电子有限公司',
    ])
      expect(names).toContain(fact);
    expect(names.some((n) => n.includes('滁州经济技术开发区和来安县'))).toBe(false);
    expect(names.some((n) => n.includes('全链确定'))).toBe(false);
  });

  it('links 链主企业A公司 to the chain its numbered paragraph names, and dates a quarterly report by its title', () => {
    const text =
      '滁州市2024年第三季度重点产业链运行情况的通报\n滁州实施产业链链长制。\n（一）智能家电产业链。实现营业收入420亿元，同比增长9.1%。链主企业安徽凯越电器有限公司完成营业收入112亿元。';
    const ex = extractFacts(text, { dictionary: EMPTY_DICTIONARY, publishedOn: '2024-10-16' });
    const names = ex.facts.map((f) =>
      f.kind === 'NODE' ? `${f.label} ${f.node!.name}` : `${f.type} ${f.from!.name} → ${f.to!.name}`,
    );
    expect(names).toContain('LEADS 安徽凯越电器有限公司 → 智能家电');
    const revenue = ex.facts.find((f) => f.properties.value === 42_000_000_000);
    expect(revenue?.properties.asOf).toBe('2024-09-30');
  });
});
