// The explorer's part of the URL: the entities it was opened from, the nodes expanded since, the
// filters (kept across views), the layout and the two ends of the path finder.
import type { FilterState } from '../../canvas/filters.js';
import type { LayoutName } from '../../canvas/layouts.js';
import { type Section, kept, layout, list, text } from '../url-params.js';

export interface ExplorerState extends FilterState {
  focus: string[];
  /** nodes expanded by double-click */
  expand: string[];
  layout: LayoutName | null;
  from: string | null;
  to: string | null;
}

export const explorerSection: Section<ExplorerState> = {
  focus: list,
  expand: list,
  hideTypes: kept(list),
  hideStatus: kept(list),
  hideConf: kept(list),
  layout,
  from: text,
  to: text,
};
