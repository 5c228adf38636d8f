// Label text for graph elements: the name in the current language, an optional second line of
// figures, and zero-width spaces between CJK characters so that Cytoscape's `text-wrap: wrap` can break
// Chinese names (it only breaks at whitespace) while English words stay whole.
import { lang } from '../i18n/index.js';

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const ZWSP = '\u200B';

export function wrapFriendly(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    out += ch;
    const next = text[i + 1];
    if (next && (CJK.test(ch) || CJK.test(next)) && ch !== ' ' && next !== ' ' && ch !== '\n' && next !== '\n')
      out += ZWSP;
  }
  return out;
}

interface Nameable {
  name?: string | null;
  nameEn?: string | null;
  /** extra line under the name, already in the current language */
  subtitle?: string | null;
}

/** A label shows at most this many characters of a name (the details panel shows all of it): a name of
 * thousands of characters would otherwise make one node cover the graph. */
export const LABEL_MAX_CHARS = 60;

function capped(name: string): string {
  const chars = [...name];
  return chars.length > LABEL_MAX_CHARS ? `${chars.slice(0, LABEL_MAX_CHARS - 1).join('')}…` : name;
}

export function nodeLabel(data: Nameable): string {
  const name = capped(lang() === 'en' && data.nameEn ? data.nameEn : (data.name ?? ''));
  const text = data.subtitle ? `${name}\n${data.subtitle}` : name;
  return wrapFriendly(text);
}
