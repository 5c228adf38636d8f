// How one state field travels in the query string (a nullable text, a comma list, a layout name), and
// a section: one view's fields with the parameter kind of each, parsed and written as a unit.
import { isLayoutName, type LayoutName } from '../canvas/layouts.js';

export interface Param<T> {
  /** the value when the parameter is absent (also what a navigation resets the field to) */
  readonly empty: T;
  /** kept across navigation to another view (the chain looked at, filters, the leader and date) */
  readonly kept?: boolean;
  parse(raw: string | null): T;
  /** the parameter's text, or null to leave it out */
  write(value: T): string | null;
}

export const text: Param<string | null> = {
  empty: null,
  parse: (raw) => raw || null,
  write: (value) => value || null,
};

export const list: Param<string[]> = {
  empty: [],
  parse: (raw) => (raw ?? '').split(',').filter(Boolean),
  write: (value) => (value.length ? value.join(',') : null),
};

export const layout: Param<LayoutName | null> = {
  empty: null,
  parse: (raw) => (isLayoutName(raw) ? raw : null),
  write: (value) => value,
};

/** The same parameter, kept when the user navigates to another view and back. */
export function kept<T>(param: Param<T>): Param<T> {
  return { ...param, kept: true };
}

/** One view's fields: each field's name is its query parameter. */
export type Section<S> = { readonly [K in keyof S]: Param<S[K]> };

export function parseSection<S>(section: Section<S>, params: URLSearchParams): S {
  const out = {} as S;
  for (const key of Object.keys(section) as (keyof S & string)[]) out[key] = section[key].parse(params.get(key));
  return out;
}
