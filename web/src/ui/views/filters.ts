// The explorer's filter panel: node types, fact status and confidence to hide. The choice lives in the
// URL; GraphCanvas.applyFilters hides the elements.
import { t, tOr } from '../../i18n/index.js';
import type { FilterState } from '../../canvas/filters.js';
import { ENTITY_TYPES } from '../../canvas/palette.js';
import { h } from '../dom.js';

const STATUSES = ['confirmed', 'unverified', 'proposed', 'rejected'];
const CONFIDENCES = ['high', 'medium', 'low'];

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
