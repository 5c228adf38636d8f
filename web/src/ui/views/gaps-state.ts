// The gaps view's part of the URL: the chain (kept across views, shared with the chain view), the
// selected segment, the open tab of the drawer and whether registry machine placements count
// ('off': only placements people confirmed).
import { type Section, kept, text } from '../url-params.js';

export interface GapsState {
  chain: string | null;
  segment: string | null;
  tab: string | null;
  machine: string | null;
}

export const gapsSection: Section<GapsState> = { chain: kept(text), segment: text, tab: text, machine: kept(text) };
