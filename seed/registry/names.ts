// Firm-name comparison for registry matching: the key two names share when they differ only in
// company form, a bracketed place, punctuation or full-width characters. Keys never merge firms by
// themselves; they only find the pairs a person is asked about ("same firm?").
const BRACKETED = /\([^()]{1,8}\)/g;
const PUNCTUATION = /[\s·・.,，、。:：;；"'“”‘’`\-—_–~!！?？*&＆/\\|[\]【】《》<>〈〉]/g;
const FORM = /(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|公司|有限合伙|合伙企业)$/;
const PLACE_PREFIX = /^(吉林省|吉林|长春市|长春)/;

/** NFKC folds full-width letters, digits and brackets; then brackets, punctuation and spaces go. */
export const foldName = (name: string): string =>
  name.normalize('NFKC').replace(BRACKETED, '').replace(PUNCTUATION, '');

/** The comparison key: folded, without company form or a leading province/city word. */
export function nameKey(name: string): string {
  let key = foldName(name);
  for (let i = 0; i < 2; i++) key = key.replace(FORM, '');
  const bare = key.replace(PLACE_PREFIX, '');
  // A name that is nothing but the place (长春市公司) keeps the place.
  return bare.length >= 2 ? bare : key;
}

/** True for a short name (no company form), as the graph keeps for firms a source names briefly (长光辰芯). */
export const isShortName = (name: string): boolean => !FORM.test(foldName(name));

/** Shortest key a short name must have to be looked for inside a registry name (一汽, 红旗 are too short). */
export const MIN_CONTAINED_KEY = 4;
