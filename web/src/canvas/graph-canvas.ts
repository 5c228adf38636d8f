// The one place that calls cytoscape(). Owns the instance, switches to the WebGL renderer (with a lower
// level of detail) above LARGE_GRAPH_THRESHOLD elements, re-binds event handlers after a switch and
// relabels nodes when the language changes.
import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeSingular } from 'cytoscape';
import { onLangChange } from '../i18n/index.js';
import { edgeLabel } from './elements.js';
import { nodeLabel } from './labels.js';
import { buildStyle } from './style.js';

/** Above this many elements the WebGL renderer and label hiding during pan/zoom take over. */
export const LARGE_GRAPH_THRESHOLD = 1500;
/** Large graphs: labels appear once zoomed in at least this far, for at most LOD_MAX_LABELS nodes in view. */
export const LOD_MIN_ZOOM = 0.45;
export const LOD_MAX_LABELS = 250;

export type WebglSupport = 'hardware' | 'software' | 'none';
let support: WebglSupport | null = null;

/**
 * What WebGL2 this browser offers. A software implementation (SwiftShader, llvmpipe: office PCs
 * without a GPU driver, headless browsers) draws Cytoscape's WebGL renderer far slower than the canvas
 * renderer (tests/bench/web-perf.ts measures it), so only hardware WebGL is chosen automatically.
 */
export function webglSupport(): WebglSupport {
  if (support === null) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) support = 'none';
      else {
        const info = gl.getExtension('WEBGL_debug_renderer_info');
        const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
        support = /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name) ? 'software' : 'hardware';
        gl.getExtension('WEBGL_lose_context')?.loseContext();
      }
    } catch {
      support = 'none';
    }
  }
  return support;
}

type NodeHandler = (node: NodeSingular, event: EventObject) => void;

export interface GraphHandlers {
  tapNode?: NodeHandler;
  dblTapNode?: NodeHandler;
  tapEdge?: (edge: cytoscape.EdgeSingular) => void;
  tapBackground?: () => void;
}

export class GraphCanvas {
  cy: Core;
  /** large: the level of detail of big graphs; webgl: drawn by the WebGL renderer (when available) */
  private large = false;
  private webgl = false;
  private handlers: GraphHandlers = {};

  constructor(private readonly container: HTMLElement) {
    this.cy = this.create(false, false);
    onLangChange(() => this.relabel());
    this.bindKeyboard();
  }

  get usesWebgl(): boolean {
    return this.webgl;
  }

  get isLarge(): boolean {
    return this.large;
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
    this.sizeToLabels(this.cy.nodes());
  }

  /**
   * Box-shaped nodes take the size of their (wrapped) label: measured from Cytoscape's own label
   * bounding box, since `width: label` is deprecated. Runs again whenever a label changes.
   */
  sizeToLabels(nodes: cytoscape.NodeCollection): void {
    if (this.large) return; // large graphs keep fixed sizes (level of detail)
    this.cy.batch(() => {
      nodes.forEach((node) => {
        if (node.isParent() || node.data('sizedFor') === node.data('label')) return;
        const box = node.boundingBox({
          includeNodes: false,
          includeEdges: false,
          includeLabels: true,
          includeOverlays: false,
          includeUnderlays: false,
        } as never);
        node.data({
          w: Math.max(Math.ceil(box.w), 24),
          h: Math.max(Math.ceil(box.h), 16),
          sizedFor: node.data('label'),
        });
      });
    });
  }

  /** Adds elements not yet present; returns the added collection. */
  addElements(elements: ElementDefinition[]): cytoscape.CollectionReturnValue {
    const fresh = elements.filter((el) => el.data.id && this.cy.getElementById(el.data.id).empty());
    const added = this.cy.add(fresh);
    this.sizeToLabels(added.nodes());
    return added;
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

  /** Without WebGL2 a large graph still gets the level of detail, on the canvas renderer. */
  private create(large: boolean, webgl: boolean): Core {
    this.large = large;
    this.webgl = webgl;
    this.container.dataset.renderer = webgl ? 'webgl' : 'canvas';
    this.container.dataset.detail = large ? 'low' : 'full';
    if (large) this.container.dataset.webgl = webglSupport();
    // Cytoscape 3.35 sets its layer count on the shared renderer prototype when WebGL is on; put it
    // back before a plain canvas instance, or that instance creates an unused WebGL layer.
    const renderer = (cytoscape as unknown as (kind: string, name: string) => { prototype: { CANVAS_LAYERS: number } })(
      'renderer',
      'canvas',
    );
    if (!webgl && renderer?.prototype) renderer.prototype.CANVAS_LAYERS = 3;
    const cy = cytoscape({
      container: this.container,
      style: buildStyle({ large }),
      minZoom: 0.05,
      maxZoom: 4,
      selectionType: 'single',
      boxSelectionEnabled: false,
      // Level of detail for large graphs: labels vanish while the view moves, and the view moves as
      // one texture instead of redrawing every element.
      hideLabelsOnViewport: large,
      textureOnViewport: large,
      hideEdgesOnViewport: false,
      pixelRatio: large ? 1 : 'auto',
      renderer: { name: 'canvas', webgl, webglTexSize: 4096, webglBatchSize: 4096 } as never,
    } as cytoscape.CytoscapeOptions);
    // A changed label is measured once Cytoscape has restyled it (next frame), not inside the event.
    let pending: NodeSingular[] = [];
    cy.on('data', 'node', (event) => {
      const node = event.target as NodeSingular;
      if (node.data('sizedFor') === node.data('label')) return;
      if (!pending.length)
        requestAnimationFrame(() => {
          const nodes = cy.collection(pending.filter((n) => !n.removed()) as never) as cytoscape.NodeCollection;
          pending = [];
          this.sizeToLabels(nodes);
        });
      pending.push(node);
    });
    if (large) {
      // Level of detail: label only what is in view once the user has zoomed in and stopped moving.
      let timer: ReturnType<typeof setTimeout> | undefined;
      cy.on('viewport', () => {
        clearTimeout(timer);
        timer = setTimeout(() => this.labelInView(cy), 180);
      });
    }
    cy.on('tap', 'node', (event) => this.handlers.tapNode?.(event.target as NodeSingular, event));
    cy.on('dbltap', 'node', (event) => this.handlers.dblTapNode?.(event.target as NodeSingular, event));
    cy.on('tap', 'edge', (event) => this.handlers.tapEdge?.(event.target));
    cy.on('tap', (event) => {
      if (event.target === cy) this.handlers.tapBackground?.();
    });
    return cy;
  }

  private labelInView(cy: Core): void {
    if (cy.destroyed()) return;
    const labelled = cy.nodes('.lod-label');
    if (cy.zoom() < LOD_MIN_ZOOM) {
      labelled.removeClass('lod-label');
      return;
    }
    const { x1, y1, x2, y2 } = cy.extent();
    const inView = cy.nodes().filter((n) => {
      const p = n.position();
      return p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2;
    });
    const chosen =
      inView.length > LOD_MAX_LABELS ? cy.collection(inView.toArray().slice(0, LOD_MAX_LABELS) as never) : inView;
    cy.batch(() => {
      labelled.difference(chosen).removeClass('lod-label');
      chosen.addClass('lod-label');
    });
  }

  private relabel(): void {
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
      if (move) this.cy.panBy({ x: move[0], y: move[1] });
      else if (event.key === '+' || event.key === '=')
        this.cy.zoom({ level: this.cy.zoom() * 1.2, renderedPosition: center });
      else if (event.key === '-') this.cy.zoom({ level: this.cy.zoom() / 1.2, renderedPosition: center });
      else if (event.key === '0') this.fit();
      else return;
      event.preventDefault();
    });
  }
}
