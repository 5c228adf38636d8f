// Registry matching units (contract §3): exact matches by code, name, former name and alias merge;
// near matches (company form, (长春), full-width, a graph short name, a 曾用名 equal to a graph name,
// same name under another code) are held as "same firm?" questions; decisions people made are kept;
// one code under two names in one file is a problem on the row.
import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../../seed/registry/engine.js';
import { runRows } from '../../seed/registry/engine.js';
import { applyMatches, decisionKey, FirmIndex, type GraphFirm } from '../../seed/registry/match.js';
import { nameKey } from '../../seed/registry/names.js';
import { contextFromDataset } from '../../seed/registry/context.js';
import { SHIPPED_DATA_DIR } from '../../seed/load/load.js';
import { validateDataDir } from '../../seed/load/validate.js';

const firms: GraphFirm[] = [
  { id: 'ent:a', name: '长春奥普光电技术股份有限公司', uscc: null, aliases: ['奥普光电'], formerNames: [] },
  { id: 'ent:b', name: '长光辰芯', uscc: null, aliases: ['辰芯'], formerNames: [] },
  {
    id: 'ent:c',
    name: '吉林省瀚澄精密机械有限公司',
    uscc: '91220101MA0000001X',
    aliases: [],
    formerNames: ['吉林省瀚澄机械厂'],
  },
  { id: 'ent:d', name: '中国一汽', uscc: null, aliases: ['一汽'], formerNames: [] },
];
const index = new FirmIndex(firms);
const m = (name: string, code = '', formerNames: string[] = []) => index.match({ name, code, formerNames });

describe('name keys', () => {
  it('fold company form, a bracketed place, punctuation and full-width characters', () => {
    expect(nameKey('长春瀚澄科技有限公司')).toBe(nameKey('长春瀚澄科技有限责任公司'));
    expect(nameKey('瀚澄科技（长春）有限公司')).toBe(nameKey('瀚澄科技(长春)有限公司'));
    expect(nameKey('ＡＢＣ·瀚澄科技有限公司')).toBe(nameKey('ABC瀚澄科技有限公司'));
    expect(nameKey('长春瀚澄科技有限公司')).not.toBe(nameKey('长春瀚澄光电有限公司'));
  });
});

describe('matching', () => {
  it('merges by code, exact name, former name and alias only', () => {
    expect(m('whatever', '91220101MA0000001X')).toMatchObject({ firm: { id: 'ent:c' }, how: 'code' });
    expect(m('长春奥普光电技术股份有限公司', '91220101MA0000002Y')).toMatchObject({
      firm: { id: 'ent:a' },
      how: 'name',
    });
    expect(m('吉林省瀚澄机械厂')).toMatchObject({ firm: { id: 'ent:c' }, how: 'former name' });
    expect(m('奥普光电')).toMatchObject({ firm: { id: 'ent:a' }, how: 'alias' });
    expect(m('长春瀚海商贸有限公司')).toBeNull();
  });

  it('asks "same firm?" for near matches and never merges them', () => {
    expect(m('长春奥普光电技术有限公司')).toMatchObject({ near: { id: 'ent:a' }, reason: /company form/ });
    expect(m('奥普光电技术（长春）股份有限公司')).toMatchObject({ near: { id: 'ent:a' } });
    expect(m('长春长光辰芯微电子股份有限公司')).toMatchObject({ near: { id: 'ent:b' }, reason: /short name 长光辰芯/ });
    expect(m('吉林省瀚澄智能装备有限公司', '', ['吉林省瀚澄精密机械有限公司'])).toMatchObject({
      near: { id: 'ent:c' },
      reason: /曾用名 吉林省瀚澄精密机械有限公司/,
    });
    expect(m('吉林省瀚澄精密机械有限公司', '91220101MA0000003Z')).toMatchObject({
      near: { id: 'ent:c' },
      reason: /91220101MA0000001X/,
    });
    // Short names under four characters are not looked for inside others (一汽 is in many names),
    // nor the names of firms an import created (a 个体工商户 has no company form either).
    expect(m('长春一汽物流服务有限公司')).toBeNull();
    const withShop = new FirmIndex([
      { id: 'ent:uscc-1', name: '南关区芯悦美发店', uscc: '1', aliases: [], formerNames: [] },
    ]);
    expect(withShop.match({ name: '长春南关区芯悦美发店连锁有限公司', code: '', formerNames: [] })).toBeNull();
  });
});

const row = (r: number, name: string, uscc: string): ReportRow => ({
  row: r,
  sheetRow: r + 1,
  name,
  uscc,
  enterpriseId: `ent:uscc-${uscc.toLowerCase()}`,
  action: 'created',
  registrationStatus: '存续',
  closed: false,
  formerNames: [],
  tags: [],
  district: null,
  placements: [],
  problems: [],
});

describe('applyMatches', () => {
  it('points matched rows at the graph firm, holds near ones, and follows earlier decisions', () => {
    const report = [
      row(1, '长春奥普光电技术股份有限公司', '91220104MAX9NGAR9J'),
      row(2, '长春长光辰芯微电子股份有限公司', '91220173MAW2CC372X'),
      row(3, '长春奥普光电技术有限公司', '91220174MAP22XWW3H'),
    ];
    const rejected = new Map([[decisionKey('ent:a', '长春奥普光电技术有限公司'), false]]);
    const questions = applyMatches(report, index, rejected);
    expect(report[0]).toMatchObject({ enterpriseId: 'ent:a', match: { how: 'name' }, action: 'created' });
    expect(report[1]).toMatchObject({ action: 'skipped', sameFirm: { enterpriseId: 'ent:b', name: '长光辰芯' } });
    expect(report[1].problems[0]).toMatch(/^same firm\? 长春长光辰芯微电子股份有限公司 may be 长光辰芯/);
    expect(report[2]).toMatchObject({ action: 'created', enterpriseId: 'ent:uscc-91220174map22xww3h' });
    expect(questions.map((q) => q.row)).toEqual([2]);
    const confirmed = new Map([[decisionKey('ent:b', '长春长光辰芯微电子股份有限公司'), true]]);
    const again = [row(2, '长春长光辰芯微电子股份有限公司', '91220173MAW2CC372X')];
    expect(applyMatches(again, index, confirmed)).toEqual([]);
    expect(again[0]).toMatchObject({ enterpriseId: 'ent:b', action: 'created' });
  });
});

describe('one code under two names', () => {
  it('skips the second row with a problem naming both', async () => {
    const ctx = contextFromDataset(validateDataDir(SHIPPED_DATA_DIR).dataset);
    async function* rows() {
      yield { cells: ['企业名称', '统一社会信用代码', '登记状态'], sheetRow: 1 };
      yield { cells: ['长春瀚澄科技有限公司', '91220104MAX9NGAR9J', '存续'], sheetRow: 2 };
      yield { cells: ['长春珩驰科技有限公司', '91220104MAX9NGAR9J', '存续'], sheetRow: 3 };
    }
    const report = await runRows(rows(), ctx, { confident: 0.8, floor: 0.4 });
    expect(report[0].action).toBe('created');
    expect(report[1].action).toBe('skipped');
    expect(report[1].problems).toContain(
      'one code under two names: 91220104MAX9NGAR9J is also row 1 长春瀚澄科技有限公司; this row is skipped, check which name is current',
    );
  });
});
