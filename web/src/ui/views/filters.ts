// Filters of the explorer: node types, fact status and confidence to hide. Hidden elements get the
// `filtered` class (display: none); the choice lives in the URL.
import type { Core } from 'cytoscape';
import { t, tOr } from '../../i18n/index.js';
import { ENTITY_TYPES } from '../../canvas/palette.js';
import { h } from '../dom.js';

export interface FilterState {
  hideTypes: string[];
  hideStatus: string[];
  hideConf: string[];
}

const STATUSES = ['confirmed', 'unverified', 'proposed', 'rejected'];
const CONFIDENCES = ['high', 'medium', 'low'];

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

export function filterPanel(filters: FilterState, onChange: (next: FilterState) => void): HTMLElement {
  const group = (legend: string, key: keyof FilterState, values: readonly string[], label: (v: string) => string) =>
    h(
      'fieldset.filter-group',
      null,
      h('legend', null, legend),
      values.map((value) =>
        h(
          'label.check',
          null,
          h('input', {
            type: 'checkbox',
            name: `${key}-${value}`,
            checked: !filters[key].includes(value),
            onchange: (e: Event) => {
              const shown = (e.target as HTMLInputElement).checked;
              const next = {
                ...filters,
                [key]: shown ? filters[key].filter((v) => v !== value) : [...filters[key], value],
              };
              onChange(next);
            },
          }),
          label(value),
        ),
      ),
    );
  return h(
    'div.filter-panel',
    null,
    group(t('filter.types'), 'hideTypes', ENTITY_TYPES, (v) => tOr(`type.${v}`, v)),
    group(t('filter.status'), 'hideStatus', STATUSES, (v) => tOr(`status.${v}`, v)),
    group(t('filter.confidence'), 'hideConf', CONFIDENCES, (v) => tOr(`conf.${v}`, v)),
  );
}
