// Creates a Cytoscape instance with the page's options for a size class (canvas or WebGL renderer,
// full or low detail) and its automatic behaviour: label-sized boxes, level-of-detail labels, taps.
import cytoscape, { type Core, type NodeCollection, type NodeSingular } from 'cytoscape';
import { labelInView, webglSupport } from './level-of-detail.js';
import { type ElementInfo, elementInfo } from './reading.js';
import { buildStyle } from './style.js';

/** What the instance reports; the canvas forwards taps to the current view's handlers. */
interface CoreEvents {
  tapNode(node: ElementInfo): void;
  dblTapNode(node: ElementInfo): void;
  tapEdge(edge: ElementInfo): void;
  tapBackground(): void;
}

/**
 * Box-shaped nodes take the size of their (wrapped) label: measured from Cytoscape's own label
 * bounding box, since `width: label` is deprecated. Runs again whenever a label changes.
 */
export function sizeToLabels(cy: Core, nodes: NodeCollection, large: boolean): void {
  if (large) return; // large graphs keep fixed sizes (level of detail)
  cy.batch(() => {
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

/** Without WebGL2 a large graph still gets the level of detail, on the canvas renderer. */
export function createCore(container: HTMLElement, large: boolean, webgl: boolean, events: CoreEvents): Core {
  container.dataset.renderer = webgl ? 'webgl' : 'canvas';
  container.dataset.detail = large ? 'low' : 'full';
  if (large) container.dataset.webgl = webglSupport();
  // Cytoscape 3.35 sets its layer count on the shared renderer prototype when WebGL is on; put it
  // back before a plain canvas instance, or that instance creates an unused WebGL layer.
  const renderer = (cytoscape as unknown as (kind: string, name: string) => { prototype: { CANVAS_LAYERS: number } })(
    'renderer',
    'canvas',
  );
  if (!webgl && renderer?.prototype) renderer.prototype.CANVAS_LAYERS = 3;
  const cy = cytoscape({
    container,
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
        const nodes = cy.collection(pending.filter((n) => !n.removed()) as never) as NodeCollection;
        pending = [];
        sizeToLabels(cy, nodes, large);
      });
    pending.push(node);
  });
  if (large) {
    // Level of detail: label only what is in view once the user has zoomed in and stopped moving.
    let timer: ReturnType<typeof setTimeout> | undefined;
    cy.on('viewport', () => {
      clearTimeout(timer);
      timer = setTimeout(() => labelInView(cy), 180);
    });
  }
  cy.on('tap', 'node', (event) => events.tapNode(elementInfo(event.target)));
  cy.on('dbltap', 'node', (event) => events.dblTapNode(elementInfo(event.target)));
  cy.on('tap', 'edge', (event) => events.tapEdge(elementInfo(event.target)));
  cy.on('tap', (event) => {
    if (event.target === cy) events.tapBackground();
  });
  return cy;
}
