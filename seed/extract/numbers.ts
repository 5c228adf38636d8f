// Chinese numbers, units and dates as the model stores them (contract section 2): money in 元 with the
// written unit kept for display, counts as integers with their measure word, percentages as numbers.
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };

/** 2100 / 1457.1 / 十 / 二十五 / 百 → number; null when it is not a number. */
export function parseNumeral(text: string): number | null {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else {
      total += (digit || 1) * SMALL[ch]!;
      digit = 0;
    }
  }
  return total + digit;
}

export interface Quantity {
  value: number;
  unit: string;
  /** Index and length of the whole quantity in the text it was found in. */
  index: number;
  length: number;
  kind: 'money' | 'percent' | 'count';
}

const MEASURE =
  '个百分点|百分点|台套|批次|场|家|个|人|名|户|只|座|项|所|条|位|款|台|辆|套|件|万人次|人次|亩|平方米|吨|GW|MW|万千瓦|千瓦';
/** A number, an optional magnitude, then 元 (money), % or a measure word. Words such as 上百 count too. */
export const QUANTITY = new RegExp(
  `(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)(万亿|亿|千万|百万|万)?(余|多)?(元|美元|%|％|${MEASURE})`,
  'g',
);

export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [whole, num, magnitude = '', , unitWord] = m;
    if (!num || !unitWord) continue;
    let base = parseNumeral(num);
    if (base === null) continue;
    // 十 alone before a measure word is usually ordinal prose (十个一) — only accept Chinese numerals with money or magnitude.
    if (!/\d/.test(num) && !magnitude && unitWord !== '元' && num.length < 2 && !/[百千]/.test(num)) continue;
    const scale = magnitude === '千万' ? 1e7 : magnitude === '百万' ? 1e6 : (LARGE[magnitude] ?? 1);
    base = Number((base * scale).toPrecision(12));
    if (unitWord === '%' || unitWord === '％') {
      out.push({ value: base, unit: '%', index: m.index!, length: whole.length, kind: 'percent' });
    } else if (unitWord === '元' || unitWord === '美元') {
      out.push({ value: base, unit: `${magnitude}${unitWord}`, index: m.index!, length: whole.length, kind: 'money' });
    } else {
      // 个百分点 is written 百分点 (a difference of percentages, not a count)
      const unit = unitWord === '个百分点' ? '百分点' : unitWord;
      out.push({ value: base, unit, index: m.index!, length: whole.length, kind: 'count' });
    }
  }
  // “超过八成” / “占六成以上”: tenths written as 成 are percentages
  for (const m of text.matchAll(TENTHS)) {
    out.push({ value: parseNumeral(m[1]!)! * 10, unit: '%', index: m.index!, length: m[0].length, kind: 'percent' });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** N成 after a word of comparison (超过八成, 占六成): never 建成/完成, which have no numeral before 成. */
const TENTHS =
  /(?<=超过|达到|达|占|近|约|逾|超|的|接近|突破|将近|过|有)([一二两三四五六七八九])成(?=以上|左右|多|[，,。；、）)]|$)/g;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A year, month or day range as the model dates it (到2023年 → 2023-12-31, 1—8月 → its last day). */
export function endOf(year: number, month?: number, day?: number): string {
  if (!month) return `${year}-12-31`;
  return `${year}-${pad(month)}-${pad(day ?? lastDay(year, month))}`;
}

/** The date a clause's figure is as of: its own year/month, else the document's date. */
export function dateInClause(clause: string, publishedOn?: string): { date: string | null; year: number | null } {
  const docYear = publishedOn ? Number(publishedOn.slice(0, 4)) : null;
  const ym =
    /(20\d{2}|19\d{2})年(?:(?:(?:\d{1,2}|一)[—\-–至到~])?(\d{1,2})月(?:(\d{1,2})日)?|(前|上半年|前三季度)(\d{1,2}|[一二三四五六七八九十]+)?)?/.exec(
      clause,
    );
  if (ym) {
    const year = Number(ym[1]);
    if (ym[4] === '上半年') return { date: endOf(year, 6), year };
    if (ym[4] === '前三季度') return { date: endOf(year, 9), year };
    if (ym[4] === '前' && ym[5]) return { date: endOf(year, parseNumeral(ym[5]) ?? 12), year };
    if (ym[2]) return { date: endOf(year, Number(ym[2]), ym[3] ? Number(ym[3]) : undefined), year };
    return { date: endOf(year), year };
  }
  // 前三季度 / 上半年 / 一季度 with no year: the document's year
  const part = /前三季度|上半年|一季度|第一季度/.exec(clause);
  if (part && docYear)
    return { date: endOf(docYear, part[0] === '前三季度' ? 9 : part[0] === '上半年' ? 6 : 3), year: docYear };
  const md = /(?:截至|截止)?(?:今年)?(\d{1,2})月(?:(\d{1,2})日|底)?/.exec(clause);
  if (md && docYear) return { date: endOf(docYear, Number(md[1]), md[2] ? Number(md[2]) : undefined), year: docYear };
  return { date: publishedOn ?? null, year: docYear };
}
