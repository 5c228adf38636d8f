// The chain view's part of the URL: the chain (kept across views: the gaps view shows the same one),
// the expanded segments and the layout.
import type { LayoutName } from '../../canvas/layouts.js';
import { type Section, kept, layout, list, text } from '../url-params.js';

export interface ChainState {
  chain: string | null;
  /** expanded segments */
  expand: string[];
  layout: LayoutName | null;
}

export const chainSection: Section<ChainState> = { chain: kept(text), expand: list, layout };
