// GraphCanvas owns every Cytoscape operation the page needs: views ask it by name (lay out, add,
// remove, overlay, filter, count, select, export) and never hold a Cytoscape object. It switches to the
// WebGL renderer above LARGE_GRAPH_THRESHOLD elements and relabels nodes when the language changes.
import type { Core, ElementDefinition } from 'cytoscape';
import { onLangChange } from '../i18n/index.js';
import { createCore, sizeToLabels } from './create-core.js';
import { edgeLabel } from './elements.js';
import type { ExportFormat } from './export/index.js';
import { applyFilters, type FilterState } from './filters.js';
import { nodeLabel } from './labels.js';
import { type LayoutName, type LayoutRequest, runLayout } from './layouts.js';
import { LARGE_GRAPH_THRESHOLD, webglSupport } from './level-of-detail.js';
import { placeAround, placeRightOf } from './placement.js';
import * as read from './reading.js';

interface GraphHandlers {
  tapNode?: (node: read.ElementInfo) => void;
  dblTapNode?: (node: read.ElementInfo) => void;
  tapEdge?: (edge: read.ElementInfo) => void;
  tapBackground?: () => void;
}

/** Ids of what addElements added (elements already present are skipped). */
interface AddedIds {
  nodes: string[];
  edges: string[];
}

export class GraphCanvas {
  /** Internal to web/src/canvas: views use the methods below. */
  private cy: Core;
  /** large: the level of detail of big graphs; webgl: drawn by the WebGL renderer (when available) */
  private large = false;
  private webgl = false;
  private handlers: GraphHandlers = {};

  constructor(private readonly container: HTMLElement) {
    this.cy = this.create(false, false);
    onLangChange(() => this.relabelAll());
    this.bindKeyboard();
  }

  get usesWebgl(): boolean {
    return this.webgl;
  }

  /** Replaces the handlers of the current view (a view sets all it needs; others are cleared). */
  setHandlers(handlers: GraphHandlers): void {
    this.handlers = handlers;
  }

  /**
   * Replaces all elements; picks the level of detail and renderer for the new size. `large` and
   * `webgl` override the choice (the benchmark compares both renderers on the same large graph).
   */
  setElements(elements: ElementDefinition[], options: { large?: boolean; webgl?: boolean } = {}): void {
    const large = options.large ?? elements.length > LARGE_GRAPH_THRESHOLD;
    const webgl = (options.webgl ?? (large && webglSupport() === 'hardware')) && webglSupport() !== 'none';
    if (large !== this.large || webgl !== this.webgl) {
      this.cy.destroy();
      this.cy = this.create(large, webgl);
    }
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(elements);
    });
    sizeToLabels(this.cy, this.cy.nodes(), this.large);
  }

  /** Adds elements not yet present; returns the ids of those added. */
  addElements(elements: ElementDefinition[]): AddedIds {
    const fresh = elements.filter((el) => el.data.id && this.cy.getElementById(el.data.id).empty());
    const added = this.cy.add(fresh);
    sizeToLabels(this.cy, added.nodes(), this.large);
    return { nodes: added.nodes().map((n) => n.id()), edges: added.edges().map((e) => e.id()) };
  }

  /** Runs several changes as one redraw. */
  batch(changes: () => void): void {
    this.cy.batch(changes);
  }

  /** Removes the elements with these ids (and the edges of removed nodes). */
  removeElements(ids: Iterable<string>): void {
    this.cy.batch(() => {
      for (const id of ids) this.cy.getElementById(id).remove();
    });
  }

  /** Removes the edges of `type` that end at `targetId`. */
  removeEdgesInto(targetId: string, type: string): void {
    this.cy
      .edges()
      .filter((e) => e.data('type') === type && e.data('target') === targetId)
      .remove();
  }

  /** Removes the nodes of `type` that no edge connects any more. */
  removeOrphans(type: string): void {
    this.cy
      .nodes()
      .filter((n) => n.data('type') === type && n.connectedEdges().empty())
      .remove();
  }

  /** Adds (`on`) or removes a class on one element. */
  setClass(id: string, className: string, on: boolean): void {
    const el = this.cy.getElementById(id);
    if (on) el.addClass(className);
    else el.removeClass(className);
  }

  /** Merges `patch` into a node's data (a changed label re-sizes the node by itself). */
  updateNode(id: string, patch: read.ElementData): void {
    const node = this.cy.getElementById(id);
    if (node.nonempty()) node.data(patch);
  }

  /** Sets a node's second line and rebuilds its label (name in the current language + subtitle). */
  setSubtitle(id: string, subtitle: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    node.data('subtitle', subtitle);
    node.data('label', nodeLabel(node.data()));
  }

  /** Gives every node with `className` the same label (e.g. the "show more" nodes). */
  relabelClass(className: string, label: string): void {
    this.cy.nodes(`.${className}`).data('label', label);
  }

  /** Adds a slice as an overlay right of the graph, level with `anchorId`; replaces the previous overlay. */
  addOverlay(elements: ElementDefinition[], anchorId: string): AddedIds {
    this.clearOverlay();
    const added = this.addElements(elements.map((el) => ({ ...el, classes: `${el.classes ?? ''} overlay` })));
    const ids = new Set(added.nodes);
    placeRightOf(
      this.cy,
      anchorId,
      this.cy.nodes().filter((n) => ids.has(n.id())),
    );
    return added;
  }

  clearOverlay(): void {
    this.cy.remove(this.cy.elements('.overlay'));
  }

  /** Puts `ids` on a circle around `centerId` (e.g. the neighbours an expansion added). */
  placeAround(centerId: string, ids: readonly string[], radius: number): void {
    placeAround(this.cy, centerId, ids, radius);
  }

  /** Runs a layout on the whole graph; resolves when the nodes are in place. */
  runLayout(name: LayoutName, options: LayoutRequest = {}): Promise<void> {
    return runLayout(this.cy, name, options);
  }

  /** Keeps the positions the elements came with and fits them to the screen. */
  presetLayout(padding = 30): void {
    this.cy.layout({ name: 'preset', fit: true, padding } as never).run();
  }

  /** Hides what the filters exclude; returns how many nodes are hidden. */
  applyFilters(filters: FilterState): number {
    return applyFilters(this.cy, filters);
  }

  counts(): read.GraphCounts {
    return read.counts(this.cy);
  }

  /** The node types present (for the legend). */
  nodeTypes(): Set<string> {
    return new Set(this.cy.nodes().map((n) => n.data('type') as string));
  }

  /** Whether any node has `className` (for the legend: gap statuses, unknown facts). */
  hasNodeClass(className: string): boolean {
    return this.cy.nodes(`.${className}`).nonempty();
  }

  /** A node's or edge's data, or undefined when the graph does not show it. */
  elementData(id: string): read.ElementData | undefined {
    const el = this.cy.getElementById(id);
    return el.nonempty() ? el.data() : undefined;
  }

  /** The data of the nodes among `ids` that the graph shows, in the graph's order. */
  nodesData(ids: Iterable<string>): read.ElementData[] {
    return read.nodesData(this.cy, ids);
  }

  /** Selects one element (or none); returns its data (and its ends' data for an edge). */
  select(id: string | null): read.SelectedElement | null {
    return read.select(this.cy, id);
  }

  highlight(ids: Iterable<string>, options: { fade?: boolean; center?: boolean } = {}): void {
    const set = new Set(ids);
    this.cy.batch(() => {
      this.cy.elements().removeClass('highlighted faded');
      const hit = this.cy.elements().filter((el) => set.has(el.id()));
      hit.addClass('highlighted');
      if (options.fade && hit.nonempty()) this.cy.elements().not(hit).addClass('faded');
    });
    const hit = this.cy.elements('.highlighted');
    if (options.center && hit.nonempty()) {
      // Fit the highlighted part, but never zoom in past 1.2 (a single node would fill the screen).
      const box = hit.boundingBox();
      const padding = 80;
      const zoom = Math.min(1.2, this.cy.width() / (box.w + 2 * padding), this.cy.height() / (box.h + 2 * padding));
      this.cy.animate({ zoom, center: { eles: hit }, duration: 300 });
    }
  }

  clearHighlight(): void {
    this.cy.elements().removeClass('highlighted faded');
  }

  fit(padding = 40): void {
    this.cy.fit(undefined, padding);
  }

  /** The container changed size: measure again. */
  resize(): void {
    this.cy.resize();
  }

  /** Moves the view by a rendered offset (keyboard panning; the benchmark's pan loop). */
  panBy(x: number, y: number): void {
    this.cy.panBy({ x, y });
  }

  elementCount(): number {
    return this.cy.elements().length;
  }

  /** What the graph shows, as a file (the exporters load on first use). */
  async exportFile(format: ExportFormat, view: string): Promise<{ blob: Blob; filename: string }> {
    const { exportGraph, exportFilename } = await import('./export/index.js');
    return { blob: await exportGraph(this.cy, format), filename: exportFilename(view, format) };
  }

  destroy(): void {
    this.cy.destroy();
  }

  private create(large: boolean, webgl: boolean): Core {
    this.large = large;
    this.webgl = webgl;
    return createCore(this.container, large, webgl, {
      tapNode: (node) => this.handlers.tapNode?.(node),
      dblTapNode: (node) => this.handlers.dblTapNode?.(node),
      tapEdge: (edge) => this.handlers.tapEdge?.(edge),
      tapBackground: () => this.handlers.tapBackground?.(),
    });
  }

  private relabelAll(): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        if (node.hasClass('more')) return;
        node.data(
          'label',
          nodeLabel({ name: node.data('name'), nameEn: node.data('nameEn'), subtitle: node.data('subtitle') }),
        );
      });
      this.cy.edges().forEach((edge) => {
        edge.data('label', edgeLabel(edge.data('type')));
      });
    });
  }

  /** Arrow keys pan, + and - zoom, 0 fits: the graph is usable without a mouse. */
  private bindKeyboard(): void {
    this.container.tabIndex = 0;
    this.container.addEventListener('keydown', (event) => {
      const step = 60;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [step, 0],
        ArrowRight: [-step, 0],
        ArrowUp: [0, step],
        ArrowDown: [0, -step],
      };
      const move = moves[event.key];
      const center = { x: this.container.clientWidth / 2, y: this.container.clientHeight / 2 };
      if (move) this.panBy(move[0], move[1]);
      else if (event.key === '+' || event.key === '=')
        this.cy.zoom({ level: this.cy.zoom() * 1.2, renderedPosition: center });
      else if (event.key === '-') this.cy.zoom({ level: this.cy.zoom() / 1.2, renderedPosition: center });
      else if (event.key === '0') this.fit();
      else return;
      event.preventDefault();
    });
  }
}
