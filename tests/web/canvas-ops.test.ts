// The Cytoscape operations GraphCanvas delegates to (filters, counts, node data, selection, placement),
// run on a headless Cytoscape instance: no browser, no database.
import cytoscape, { type Core } from 'cytoscape';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyFilters } from '../../web/src/canvas/filters.js';
import { placeAround, placeRightOf } from '../../web/src/canvas/placement.js';
import { counts, nodesData, select } from '../../web/src/canvas/reading.js';

let cy: Core;

beforeEach(() => {
  cy = cytoscape({
    headless: true,
    elements: [
      { group: 'nodes', data: { id: 'c', type: 'CHAIN', name: '链' }, position: { x: 0, y: 0 } },
      { group: 'nodes', data: { id: 's1', type: 'SEGMENT', name: '环节一', status: 'confirmed' } },
      { group: 'nodes', data: { id: 's2', type: 'SEGMENT', name: '环节二', confidence: 'low' } },
      { group: 'nodes', data: { id: 'e1', type: 'ENTERPRISE', name: '企业', nameEn: 'Firm' } },
      { group: 'nodes', data: { id: 'g', type: 'GROUP' }, classes: 'helper' },
      { group: 'edges', data: { id: 'r1', source: 's1', target: 'c', type: 'PART_OF', status: 'unverified' } },
      { group: 'edges', data: { id: 'r2', source: 's2', target: 'c', type: 'PART_OF' } },
      { group: 'edges', data: { id: 'r3', source: 'e1', target: 's1', type: 'IN_SEGMENT' } },
    ],
  });
});

describe('canvas operations', () => {
  it('hides by type, status and confidence and counts what is shown (helper nodes not counted)', () => {
    expect(counts(cy)).toEqual({ visibleNodes: 4, hiddenNodes: 0, visibleEdges: 3 });
    const hidden = applyFilters(cy, { hideTypes: ['ENTERPRISE'], hideStatus: ['unverified'], hideConf: ['low'] });
    expect(hidden).toBe(2);
    expect(
      cy
        .elements('.filtered')
        .map((el) => el.id())
        .sort(),
    ).toEqual(['e1', 'r1', 's2']);
    expect(counts(cy)).toEqual({ visibleNodes: 2, hiddenNodes: 2, visibleEdges: 2 });
    applyFilters(cy, { hideTypes: [], hideStatus: [], hideConf: [] });
    expect(cy.elements('.filtered').length).toBe(0);
  });

  it('answers node data in graph order and skips ids it does not hold', () => {
    expect(nodesData(cy, ['e1', 'missing', 'c', 'r1']).map((d) => d.id)).toEqual(['c', 'e1']);
  });

  it('selects one element, with both ends for an edge, and nothing for an unknown id', () => {
    const edge = select(cy, 'r3');
    expect(edge).toMatchObject({ id: 'r3', group: 'edges', source: { id: 'e1' }, target: { id: 's1' } });
    expect(cy.$(':selected').map((el) => el.id())).toEqual(['r3']);
    expect(select(cy, 's1')).toMatchObject({ id: 's1', group: 'nodes', data: { name: '环节一' } });
    expect(cy.$(':selected').map((el) => el.id())).toEqual(['s1']);
    expect(select(cy, 'missing')).toBeNull();
    expect(cy.$(':selected').length).toBe(0);
  });

  it('places nodes on a circle around a centre, and an overlay right of everything else', () => {
    placeAround(cy, 'c', ['s1', 's2'], 100);
    expect(cy.getElementById('s1').position()).toEqual({ x: 100, y: 0 });
    expect(cy.getElementById('s2').position().x).toBeCloseTo(-100);
    cy.getElementById('e1').position({ x: 0, y: 50 });
    const added = cy.add([
      { group: 'nodes', data: { id: 'o1' } },
      { group: 'nodes', data: { id: 'o2' } },
    ]);
    const right = cy.nodes().not(added).boundingBox().x2;
    placeRightOf(cy, 's1', added.nodes());
    expect(cy.getElementById('o1').position().x).toBeGreaterThan(right);
    expect(cy.getElementById('o1').position().y).toBe(cy.getElementById('s1').position().y);
    expect(cy.getElementById('o2').position().x).toBeGreaterThan(cy.getElementById('o1').position().x);
  });
});
