// The responsibility view's part of the URL: the leader and the date asked about (kept across views)
// or the entity whose accountable leaders are shown.
import { type Section, kept, text } from '../url-params.js';

export interface ResponsibilityState {
  leader: string | null;
  /** a day (YYYY-MM-DD): who held the posts then */
  at: string | null;
  node: string | null;
}

export const responsibilitySection: Section<ResponsibilityState> = { leader: kept(text), at: kept(text), node: text };
