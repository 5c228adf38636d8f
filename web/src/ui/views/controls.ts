// Small labelled controls shared by the views' bars: chain picker, layout switch, date field.
import { pickName, t, tOr } from '../../i18n/index.js';
import type { LayoutName } from '../../canvas/layouts.js';
import { h } from '../dom.js';

let counter = 0;

export function labelled(label: string, control: HTMLElement): HTMLElement {
  const id = control.id || `control-${++counter}`;
  control.id = id;
  return h('div.field-inline', null, h('label', { for: id }, label), control);
}

export function chainSelect(
  chains: readonly { id: string; name: string; nameEn: string | null; identified: boolean }[],
  value: string | null,
  onChange: (id: string) => void,
): HTMLElement {
  const select = h(
    'select.select',
    { name: 'chain', onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    chains.map((c) =>
      h(
        'option',
        { value: c.id, selected: c.id === value },
        pickName(c) + (c.identified ? '' : ` ${t('chain.unnamedMark')}`),
      ),
    ),
  );
  return labelled(t('control.chain'), select);
}

export function layoutSelect(
  names: readonly LayoutName[],
  value: LayoutName,
  onChange: (name: LayoutName) => void,
): HTMLElement {
  const select = h(
    'select.select',
    { name: 'layout', onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value as LayoutName) },
    names.map((name) => h('option', { value: name, selected: name === value }, tOr(`layout.${name}`, name))),
  );
  return labelled(t('control.layout'), select);
}
