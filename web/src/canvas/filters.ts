// Hiding by facet: node types, fact status and confidence. Hidden elements get the `filtered` class
// (display: none in the style), so a filter change never rebuilds the graph.
import type { Core } from 'cytoscape';

export interface FilterState {
  hideTypes: string[];
  hideStatus: string[];
  hideConf: string[];
}

/** Marks what the filters hide; returns how many nodes are hidden. */
export function applyFilters(cy: Core, filters: FilterState): number {
  const types = new Set(filters.hideTypes);
  const statuses = new Set(filters.hideStatus);
  const confs = new Set(filters.hideConf);
  let hidden = 0;
  cy.batch(() => {
    cy.elements().removeClass('filtered');
    cy.elements().forEach((el) => {
      const hide =
        (el.isNode() && types.has(el.data('type'))) ||
        statuses.has(el.data('status')) ||
        confs.has(el.data('confidence'));
      if (hide) {
        el.addClass('filtered');
        if (el.isNode()) hidden++;
      }
    });
  });
  return hidden;
}
