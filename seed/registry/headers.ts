// Maps a registry export's header row (Chinese or English, any order) onto the engine's fields, and finds
// the header row among a sheet's first rows (a title row may sit above it).
export type Field =
  | 'name'
  | 'code'
  | 'legalRep'
  | 'status'
  | 'founded'
  | 'capital'
  | 'province'
  | 'city'
  | 'county'
  | 'address'
  | 'industry'
  | 'scope'
  | 'type'
  | 'insured'
  | 'tags'
  | 'formerNames'
  | 'serial';

// Known header names per field, compared after normalising (no spaces, brackets or case).
const NAMES: Record<Field, string[]> = {
  name: [
    '企业名称',
    '名称',
    '公司名称',
    '单位名称',
    '企业(机构)名称',
    'companyname',
    'enterprisename',
    'name',
    'company',
  ],
  code: [
    '统一社会信用代码',
    '信用代码',
    '社会信用代码',
    'uscc',
    '注册号',
    '工商注册号',
    'creditcode',
    'unifiedsocialcreditcode',
    'registrationnumber',
  ],
  legalRep: ['法定代表人', '法人', '法人代表', '负责人', 'legalrepresentative'],
  status: ['登记状态', '经营状态', '企业状态', '状态', 'status', 'registrationstatus', 'operatingstatus'],
  founded: ['成立日期', '注册日期', '成立时间', 'establishmentdate', 'founded', 'dateofestablishment'],
  capital: ['注册资本', 'registeredcapital', 'capital'],
  province: ['所属省份', '省份', '省', '所在省份', 'province'],
  city: ['所属城市', '城市', '市', '所在城市', 'city'],
  county: ['所属区县', '区县', '区/县', '所在区县', '县区', 'district', 'county'],
  address: ['注册地址', '企业地址', '地址', '住所', '通信地址', 'address', 'registeredaddress'],
  industry: ['所属行业', '国标行业', '行业', '行业门类', '国民经济行业', 'industry', 'gbindustry'],
  scope: ['经营范围', 'businessscope', 'scope'],
  type: ['企业类型', '公司类型', '类型', 'companytype', 'enterprisetype', 'type'],
  insured: ['参保人数', '社保人数', 'insuredemployees', 'insured', 'employees'],
  tags: ['标签', '企业标签', 'tags', 'labels'],
  formerNames: ['曾用名', '历史名称', 'formernames', 'formername'],
  serial: ['序号', 'no', 'no.', '#', 'index'],
};

export const normaliseHeader = (h: string): string =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/[\s_（）()【】[\]：:]/g, '')
    .toLowerCase();

// When no known name fits, the words a header is built from: exports vary the rest (详细地址,
// 统一代码, 注册资金, 所属地区, 曾用名称…). Order matters: the first rule whose word the header holds wins.
const WORDS: [RegExp, Field][] = [
  [/曾用|历史名|原名|旧名|former/, 'formerNames'],
  [/信用代码|统一代码|注册号|代码|uscc|creditcode/, 'code'],
  [/经营范围|业务范围|scope/, 'scope'],
  [/名称$|企业名|公司名|companyname|enterprisename/, 'name'],
  [/地址|住所|address/, 'address'],
  [/区县|县区|地区|区域|所在区|district|county/, 'county'],
  [/省份|province/, 'province'],
  [/城市|city/, 'city'],
  [/行业|industry/, 'industry'],
  [/状态|status/, 'status'],
  [/资本|资金|capital/, 'capital'],
  [/成立|注册日期|注册时间|founded|established/, 'founded'],
  [/法定代表|法人|legalrep/, 'legalRep'],
  [/类型|type/, 'type'],
  [/参保|社保|insured/, 'insured'],
  [/标签|tags/, 'tags'],
];

const LOOKUP = new Map<string, Field>();
for (const [field, names] of Object.entries(NAMES) as [Field, string[]][])
  for (const n of names) LOOKUP.set(normaliseHeader(n), field);

export interface HeaderMap {
  columns: Map<Field, number>;
  /** Headers no field claims, each with the closest expected name. */
  unmapped: string[];
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

export function closestExpected(header: string): string {
  const h = normaliseHeader(header);
  let best = '';
  let bestD = Number.POSITIVE_INFINITY;
  for (const names of Object.values(NAMES))
    for (const n of names) {
      const dd = distance(h, normaliseHeader(n));
      if (dd < bestD) [best, bestD] = [n, dd];
    }
  return best;
}

export function mapHeaders(cells: string[]): HeaderMap {
  const columns = new Map<Field, number>();
  const unmapped: string[] = [];
  cells.forEach((cell, i) => {
    const text = (cell ?? '').trim();
    if (!text) return;
    const key = normaliseHeader(text);
    const field = LOOKUP.get(key) ?? WORDS.find(([re]) => re.test(key))?.[1];
    if (field && !columns.has(field)) columns.set(field, i);
    else if (!field) unmapped.push(`unknown column "${text}" (closest expected: ${closestExpected(text)})`);
  });
  return { columns, unmapped };
}

/** Index of the header row among the first rows: the first row with a name column and two other fields. */
export function findHeaderRow(rows: string[][]): number {
  for (let i = 0; i < rows.length; i++) {
    const { columns } = mapHeaders(rows[i]);
    if (columns.has('name') && columns.size >= 3) return i;
  }
  return -1;
}

export class NoNameColumn extends Error {
  constructor(seen: string[]) {
    super(
      `no company-name column (企业名称/名称/公司名称/Company Name) in the first rows; headers seen: ${seen.filter(Boolean).join(', ') || 'none'}`,
    );
  }
}
