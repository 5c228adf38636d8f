// The page's two languages: zh-CN by default, English on request. t() looks a key up in the current
// dictionary and fills {placeholders}; data names switch between `name` and `nameEn` via pickName().
import { en } from './en.js';
import { zhCN, type MessageKey } from './zh-cn.js';

type Lang = 'zh-CN' | 'en';
export type { MessageKey };

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'kg-lang';
let current: Lang = 'zh-CN';
const listeners = new Set<(lang: Lang) => void>();

export function initLang(fromUrl: string | null): Lang {
  const stored = fromUrl ?? localStorage.getItem(STORAGE_KEY);
  current = stored === 'en' ? 'en' : 'zh-CN';
  document.documentElement.lang = current;
  return current;
}

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  // `key_one` is the singular form where a language has one (English "1 firm").
  const one = params?.n === 1 ? (dictionaries[current] as Record<string, string>)[`${key}_one`] : undefined;
  const text = one ?? dictionaries[current][key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
}

/** The display name of an entity in the current language (English falls back to the Chinese name). */
export function pickName(entity: { name?: string | null; nameEn?: string | null; label?: string | null }): string {
  const zh = entity.name ?? entity.label ?? '';
  return current === 'en' ? entity.nameEn || zh : zh;
}

export function formatNumber(value: number, digits = 0): string {
  return new Intl.NumberFormat(current, { maximumFractionDigits: digits }).format(value);
}

export function formatPercent(ratio: number): string {
  return new Intl.NumberFormat(current, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** The translation of a key built at run time (e.g. `type.${type}`), or `fallback` when there is none. */
export function tOr(key: string, fallback: string): string {
  return (dictionaries[current] as Record<string, string>)[key] ?? fallback;
}
