// The page state that a link can share: view, selection, filters and view parameters all live in the
// URL's query string. update() writes the URL (push for a new view, replace otherwise) and tells the
// listeners; the browser's back button replays the state.
import { isLayoutName, type LayoutName } from '../view/layouts.js';

export const VIEWS = [
  'overview',
  'chain',
  'responsibility',
  'explorer',
  'gaps',
  'cypher',
  'curation',
  'ingest',
  'registry-import',
  'review',
] as const;
export type ViewName = (typeof VIEWS)[number];

export interface AppState {
  view: ViewName;
  /** chain view, gaps view */
  chain: string | null;
  /** selected node or edge id */
  sel: string | null;
  /** expanded segments (chain view) or expanded nodes (explorer) */
  expand: string[];
  /** explorer: the entities the graph was opened from */
  focus: string[];
  /** filters: what is hidden (types, statuses, confidence levels) */
  hideTypes: string[];
  hideStatus: string[];
  hideConf: string[];
  layout: LayoutName | null;
  /** responsibility view */
  leader: string | null;
  at: string | null;
  node: string | null;
  /** path finder */
  from: string | null;
  to: string | null;
  /** gaps view: selected segment */
  segment: string | null;
  /** gaps view: open tab */
  tab: string | null;
  lang: string | null;
  /** the program looked at (header switcher); null: the server's default */
  program: string | null;
  /** review queue: status, job and source filters; registry import: the job whose report is shown */
  status: string | null;
  job: string | null;
  source: string | null;
  /** gaps view: 'off' counts only placements people confirmed (no registry machine placements) */
  machine: string | null;
}

const LIST_KEYS = ['expand', 'focus', 'hideTypes', 'hideStatus', 'hideConf'] as const;
const SCALAR_KEYS = [
  'chain',
  'sel',
  'leader',
  'at',
  'node',
  'from',
  'to',
  'segment',
  'tab',
  'lang',
  'program',
  'status',
  'job',
  'source',
  'machine',
] as const;

export function parseState(search: string): AppState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const layout = params.get('layout');
  const state = {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewName) : 'overview',
    layout: isLayoutName(layout) ? layout : null,
  } as AppState;
  for (const key of SCALAR_KEYS) state[key] = params.get(key) || null;
  for (const key of LIST_KEYS) state[key] = (params.get(key) ?? '').split(',').filter(Boolean);
  return state;
}

export function serializeState(state: AppState): string {
  const params = new URLSearchParams();
  params.set('view', state.view);
  for (const key of SCALAR_KEYS) if (state[key]) params.set(key, state[key] as string);
  for (const key of LIST_KEYS) if (state[key].length) params.set(key, state[key].join(','));
  if (state.layout) params.set('layout', state.layout);
  // Keep ids readable in the address bar: ':' needs no escaping in a query string.
  return `?${params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',')}`;
}

type Listener = (state: AppState, previous: AppState) => void;

export class Store {
  private current: AppState;
  private readonly listeners = new Set<Listener>();

  constructor() {
    this.current = parseState(location.search);
    window.addEventListener('popstate', () => {
      const previous = this.current;
      this.current = parseState(location.search);
      this.emit(previous);
    });
  }

  get state(): AppState {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Merges `patch`; a view change starts a new history entry, anything else replaces the current one. */
  update(patch: Partial<AppState>, options: { push?: boolean; silent?: boolean } = {}): void {
    const previous = this.current;
    this.current = { ...previous, ...patch };
    const url = serializeState(this.current);
    if (url !== location.search) {
      const push = options.push ?? (patch.view !== undefined && patch.view !== previous.view);
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    if (!options.silent) this.emit(previous);
  }

  private emit(previous: AppState): void {
    for (const listener of this.listeners) listener(this.current, previous);
  }
}
