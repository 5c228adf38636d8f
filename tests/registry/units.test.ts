// Registry engine units: GB 32100-2015 check digit, header mapping, district look-alikes, encodings and
// an XLSX with a title row and a formula cell.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { SHIPPED_DATA_DIR } from '../../seed/load/load.js';
import { classify, scopeItems } from '../../seed/registry/classify.js';
import { contextFromDataset } from '../../seed/registry/context.js';
import { buildDistrictIndex, pickDistrict } from '../../seed/registry/district.js';
import { runRows } from '../../seed/registry/engine.js';
import { findHeaderRow, mapHeaders } from '../../seed/registry/headers.js';
import { readRows } from '../../seed/registry/read.js';
import { checkCode } from '../../seed/registry/uscc.js';
import { validateDataDir } from '../../seed/load/validate.js';

const ctx = contextFromDataset(validateDataDir(SHIPPED_DATA_DIR).dataset);
const limits = { confident: 0.8, floor: 0.4 };

describe('scope items', () => {
  it('drops exclusions and keeps whole items, so what a firm does not do is no evidence', () => {
    expect(
      scopeItems('一般项目：中草药收购；地产中草药（不含中药饮片）购销；专用汽车、改装汽车的设计、制造与销售。'),
    ).toEqual(['中草药收购', '地产中草药购销', '专用汽车、改装汽车的设计、制造与销售']);
    const placed = classify(
      ctx,
      { name: '长春瀚澄家政服务有限公司', scope: '母婴生活护理（不含医疗服务）；家政服务', industry: '' },
      0.4,
    );
    expect(placed).toEqual([]);
  });
  it('places a vehicle maker on 整车, not on the parts its scope also lists', () => {
    const placed = classify(
      ctx,
      {
        name: '长春瀚澄新能源汽车有限公司',
        scope: '一般项目：汽车零部件及配件制造；汽车零部件研发。许可项目：道路机动车辆生产。',
        industry: '',
      },
      0.4,
    );
    expect(placed.map((p) => p.segmentId)).toEqual(['segment:nev-vehicles']);
  });
});

describe('USCC check digit', () => {
  it('accepts a valid code, an old 注册号, and names the digit the standard gives', () => {
    expect(checkCode('91220104MAX9NGAR9J').kind).toBe('uscc');
    expect(checkCode('220100000012345').kind).toBe('old-registration');
    expect(checkCode('91220122MA2K4TT711')).toMatchObject({
      problem: 'invalid USCC: check digit is 1, GB 32100-2015 gives K',
    });
  });
});

describe('headers', () => {
  it('maps Chinese and English names in any order and finds the header under a title row', () => {
    const rows = [['2024年企业名录'], ['Company Name', '信用代码', '经营状态', '地址', 'Foo列']];
    expect(findHeaderRow(rows)).toBe(1);
    const m = mapHeaders(rows[1]);
    expect(m.columns.get('name')).toBe(0);
    expect(m.columns.get('code')).toBe(1);
    expect(m.unmapped[0]).toMatch(/unknown column "Foo列" \(closest expected: /);
  });
});

describe('districts', () => {
  const index = buildDistrictIndex(ctx);
  const at = (province: string, city: string, county: string, address: string) =>
    pickDistrict(ctx, index, { province, city, county, address }).id;
  it('keeps look-alikes outside the region', () => {
    expect(at('北京市', '北京市', '朝阳区', '北京市朝阳区望京东路1号')).toBeNull();
    expect(at('吉林省', '吉林市', '吉林高新技术产业开发区', '吉林市高新技术产业开发区长春路1号')).toBeNull();
    expect(at('江苏省', '苏州市', '苏州工业园区', '苏州工业园区若水路1号')).toBeNull();
  });
  it('prefers a park in the address, then the 区县 column, then the city', () => {
    expect(at('吉林省', '长春市', '长春新区', '吉林省长春市长春新区北湖科技开发区北湖大路1号')).toBe('district:beihu');
    expect(at('吉林省', '长春市', '朝阳区', '长春市朝阳区西民主大街1号')).toBe('district:chaoyang');
    expect(at('吉林省', '长春市', '宽城区', '长春市宽城区铁北二路1号')).toBe('district:changchun');
  });
  it('reads exports without province and city columns (county-level cities, prefixed 区县)', () => {
    expect(at('', '', '吉林省德惠市', '吉林省德惠市惠发街道1号')).toBe('district:changchun');
    expect(at('', '', '榆树市', '吉林省榆树市五棵树镇1号')).toBe('district:changchun');
    expect(at('', '', '吉林省长春市高新技术产业开发区', '长春市高新区卓越大街1号')).toBe('district:cc-hitech');
    expect(at('', '', '吉林省长春市汽车经济技术开发区', '长春市汽开区普阳大街1号')).toBe('district:caetdz');
    expect(at('', '', '朝阳区', '北京市朝阳区酒仙桥路1号')).toBeNull();
  });
});

const CSV = `企业名称,统一社会信用代码,登记状态,省份,城市,区县,企业地址,国标行业,经营范围
吉林测试光纤有限公司,91220104MAX9NGAR9J,注销,吉林省,长春市,朝阳区,长春市朝阳区某路1号,C3832,光纤制造；光缆制造
`;

describe('encodings and XLSX', () => {
  const dir = mkdtempSync(join(tmpdir(), 'registry-'));
  const collect = async (path: string) => runRows(readRows(path), ctx, limits);
  it('reads GBK and UTF-16 like UTF-8', async () => {
    for (const [enc, bytes] of [
      ['gbk', iconv.encode(CSV, 'gbk')],
      ['utf16', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CSV, 'utf-16le')])],
    ] as const) {
      const path = join(dir, `${enc}.csv`);
      writeFileSync(path, bytes);
      const [row] = await collect(path);
      expect(row.name).toBe('吉林测试光纤有限公司');
      expect(row.closed).toBe(true);
      expect(row.placements[0].segmentId).toBe('segment:opto-optical-comm');
    }
  });
  it('reads an XLSX with a title row; a formula cell stays text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名录');
    ws.addRow(['企业名录（导出）']);
    ws.mergeCells('A1:C1');
    ws.addRow(['公司名称', 'USCC', '经营状态', '所属城市', '注册地址', '经营范围']);
    ws.addRow([{ formula: '1+1' }, '91220104MAX9NGAR9J', '存续', '长春市', '长春市朝阳区某路1号', '软件开发']);
    const path = join(dir, 't.xlsx');
    await wb.xlsx.writeFile(path);
    const [row] = await collect(path);
    expect(row.name).toBe('=1+1');
    expect(row.sheetRow).toBe(3);
    expect(row.row).toBe(1);
  });
  it('refuses a file with no name column', async () => {
    const path = join(dir, 'noname.csv');
    writeFileSync(path, '代码,地址\n1,2\n');
    await expect(collect(path)).rejects.toThrow(/no company-name column/);
  });
});
