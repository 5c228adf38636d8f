// Path finder controls: two search fields (from, to) and a button; the explorer draws the result.
import { t } from '../i18n/index.js';
import { h } from './dom.js';
import { SearchBox } from './search-box.js';

export interface PathEnds {
  from: string | null;
  to: string | null;
}

export class PathFinder {
  readonly el: HTMLElement;
  private readonly fromBox: SearchBox;
  private readonly toBox: SearchBox;
  private readonly button: HTMLButtonElement;
  private readonly legend = h('span.path-finder-title');
  private ends: PathEnds;

  constructor(
    initial: PathEnds,
    names: (id: string) => string,
    private readonly onFind: (ends: PathEnds) => void,
  ) {
    this.ends = { ...initial };
    this.fromBox = new SearchBox({
      name: 'path-from',
      placeholder: () => t('path.fromPlaceholder'),
      label: () => t('path.from'),
      onPick: (pick) => (this.ends.from = pick.id),
    });
    this.toBox = new SearchBox({
      name: 'path-to',
      placeholder: () => t('path.toPlaceholder'),
      label: () => t('path.to'),
      onPick: (pick) => (this.ends.to = pick.id),
    });
    if (initial.from) this.fromBox.setValue(names(initial.from));
    if (initial.to) this.toBox.setValue(names(initial.to));
    this.button = h('button.btn.btn-primary', {
      type: 'button',
      'data-action': 'find-path',
      onclick: () => this.onFind({ ...this.ends }),
    });
    this.el = h(
      'div.path-finder',
      { role: 'group' },
      this.legend,
      this.fromBox.el,
      h('span.path-arrow', { 'aria-hidden': 'true' }, '→'),
      this.toBox.el,
      this.button,
    );
    this.relabel();
  }

  relabel(): void {
    this.legend.textContent = t('path.title');
    this.el.setAttribute('aria-label', t('path.title'));
    this.button.textContent = t('path.find');
    this.fromBox.relabel();
    this.toBox.relabel();
  }
}
