// What a view gets from the shell (graph, panels, state) and what it must provide. One view is mounted
// at a time; the shell unmounts it (aborting its requests) before mounting the next.
import type { GraphCanvas } from '../canvas/graph-canvas.js';
import type { DetailsPanel } from './details-panel.js';
import type { Legend } from './legend.js';
import type { StatusOverlay } from './status-overlay.js';
import type { AppState, Store } from './url-state.js';

/** graph: the graph fills the stage; split: graph above a drawer; page: a scrolling page, no graph. */
export type StageMode = 'graph' | 'split' | 'page';

export interface ViewContext {
  store: Store;
  graph: GraphCanvas;
  details: DetailsPanel;
  status: StatusOverlay;
  legend: Legend;
  /** controls of the view, in the bar above the stage */
  controls: HTMLElement;
  /** the drawer under the graph (split mode) */
  drawer: HTMLElement;
  /** the page area (page mode) */
  page: HTMLElement;
  /** aborted when the view is unmounted */
  signal: AbortSignal;
  setTitle(title: string, subtitle?: string): void;
  setMode(mode: StageMode): void;
  /** Call once the view's first picture is drawn (sets body[data-ready]). */
  ready(): void;
}

/** S: the state the view reads, ViewState<its name> (the shared fields and its own section). */
export interface View<S = AppState> {
  mount(ctx: ViewContext): Promise<void>;
  /** The state changed while this view stays mounted. */
  update?(state: S, previous: S): void | Promise<void>;
  /** The language changed: re-render texts (the graph relabels itself). */
  relabel?(): void;
  unmount?(): void;
}
