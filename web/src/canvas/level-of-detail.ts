// Level of detail for large graphs: which WebGL this browser offers (only hardware WebGL is chosen
// automatically) and which nodes get a label once the user has zoomed in and stopped moving.
import type { Core } from 'cytoscape';

/** Above this many elements the WebGL renderer and label hiding during pan/zoom take over. */
export const LARGE_GRAPH_THRESHOLD = 1500;
/** Large graphs: labels appear once zoomed in at least this far, for at most LOD_MAX_LABELS nodes in view. */
const LOD_MIN_ZOOM = 0.45;
const LOD_MAX_LABELS = 250;

type WebglSupport = 'hardware' | 'software' | 'none';
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

/** Labels the nodes in view (at most LOD_MAX_LABELS) once zoomed in far enough; none below that. */
export function labelInView(cy: Core): void {
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
