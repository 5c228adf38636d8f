// The page state a link can share, all in the query string: the fields every view shares and each
// view's own section (typed and parsed next to the view, views/*-state.ts). update() writes the URL
// (push for a new view, replace otherwise) and tells the listeners; back replays the state.
import { type Param, parseSection, type Section, text } from './url-params.js';
import { type ChainState, chainSection } from './views/chain-state.js';
import { type ExplorerState, explorerSection } from './views/explorer-state.js';
import { type GapsState, gapsSection } from './views/gaps-state.js';
import { type ResponsibilityState, responsibilitySection } from './views/responsibility-state.js';
import { type RegistryImportState, registryImportSection } from './views/registry-import-state.js';
import { type ReviewState, reviewSection } from './views/review-state.js';

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

/** The fields every view shares. */
interface SharedState {
  view: ViewName;
  /** selected node or edge id */
  sel: string | null;
  lang: string | null;
  /** the program looked at (header switcher); null: the server's default */
  program: string | null;
  /** the day the whole page looks at (header date control, YYYY-MM-DD); null: today */
  asOf: string | null;
}

type NoFields = Record<never, never>;

/** Each view's own fields. */
interface ViewSections {
  overview: NoFields;
  chain: ChainState;
  responsibility: ResponsibilityState;
  explorer: ExplorerState;
  gaps: GapsState;
  cypher: NoFields;
  curation: NoFields;
  ingest: NoFields;
  review: ReviewState;
  'registry-import': RegistryImportState;
}

const SECTIONS: { [V in ViewName]: Section<ViewSections[V]> } = {
  overview: {},
  chain: chainSection,
  responsibility: responsibilitySection,
  explorer: explorerSection,
  gaps: gapsSection,
  cypher: {},
  curation: {},
  ingest: {},
  review: reviewSection,
  'registry-import': registryImportSection,
};
const sharedSection: Section<Omit<SharedState, 'view'>> = { sel: text, lang: text, program: text, asOf: text };

/** What one view reads: the shared fields and its own section. */
export type ViewState<V extends ViewName> = SharedState & ViewSections[V];

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/**
 * The store's state: the shared fields and every view's section. A field two views share (`chain` of
 * the chain and gaps views, `expand` and `layout` of the chain view and the explorer) is one field.
 */
export type AppState = SharedState & Intersection<ViewSections[ViewName]>;

/** Every section field with how it travels; a field two views share must travel one way. */
const SECTION_PARAMS = new Map<string, Param<unknown>>();
for (const section of Object.values(SECTIONS) as Section<Record<string, unknown>>[]) {
  for (const [key, param] of Object.entries(section)) {
    const known = SECTION_PARAMS.get(key);
    if (known && (known.parse !== param.parse || Boolean(known.kept) !== Boolean(param.kept)))
      throw new Error(`URL field "${key}" is declared two ways by two views`);
    SECTION_PARAMS.set(key, param);
  }
}
/** Every query parameter besides `view`. */
const PARAMS = new Map<string, Param<unknown>>([...SECTION_PARAMS, ...Object.entries(sharedSection)]);

export function parseState(search: string): AppState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const state = { view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewName) : 'overview' };
  for (const section of [sharedSection, ...Object.values(SECTIONS)])
    Object.assign(state, parseSection(section as Section<Record<string, unknown>>, params));
  return state as AppState;
}

export function serializeState(state: AppState): string {
  const params = new URLSearchParams();
  params.set('view', state.view);
  for (const [key, param] of PARAMS) {
    const value = param.write(state[key as keyof AppState]);
    if (value !== null) params.set(key, value);
  }
  // Keep ids readable in the address bar: ':' needs no escaping in a query string.
  return `?${params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',')}`;
}

/** What a navigation to another view clears: the selection and every section field not marked kept. */
export function navigationReset(): Partial<AppState> {
  const reset: Record<string, unknown> = { sel: null };
  for (const [key, param] of SECTION_PARAMS) if (!param.kept) reset[key] = param.empty;
  return reset as Partial<AppState>;
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

  /** Opens `view` as a new history entry: cleared as navigationReset() says, then `patch`. */
  open(view: ViewName, patch: Partial<AppState> = {}): void {
    this.update({ ...navigationReset(), view, ...patch }, { push: true });
  }

  private emit(previous: AppState): void {
    for (const listener of this.listeners) listener(this.current, previous);
  }
}
