// Placing newly added nodes without a full layout: around the node they were expanded from, or in a
// column block right of everything else (overlays), so that the user's picture does not jump.
import type { Core, NodeCollection } from 'cytoscape';

/** Puts `ids` on a circle of `radius` around `centerId`. */
export function placeAround(cy: Core, centerId: string, ids: readonly string[], radius: number): void {
  const center = cy.getElementById(centerId);
  if (center.empty() || !ids.length) return;
  const { x, y } = center.position();
  ids.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / ids.length;
    cy.getElementById(id).position({ x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) });
  });
}

/** New nodes go in a column block right of the rest of the graph, level with the anchor: no overlap. */
export function placeRightOf(cy: Core, anchorId: string, added: NodeCollection): void {
  const anchor = cy.getElementById(anchorId);
  if (anchor.empty() || added.empty()) return;
  const right = cy.nodes().not(added).boundingBox().x2;
  const { y } = anchor.position();
  added.forEach((node, i) => {
    node.position({ x: right + 120 + (i % 3) * 170, y: y + Math.floor(i / 3) * 80 });
  });
}
