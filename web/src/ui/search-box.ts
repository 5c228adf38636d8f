// A search field (`type="search"`) with as-you-type suggestions from the API (Chinese, English,
// aliases, traditional characters). Keyboard: ↑/↓ move, Enter picks, Escape closes (ARIA combobox).
import { ApiError } from '../api/client.js';
import { searchEntities } from '../api/explore.js';
import type { EntityType } from '../api/generated.js';
import { lang, t } from '../i18n/index.js';
import { typeBadge } from './details-panel.js';
import { debounce, h, mount } from './dom.js';

interface SearchPick {
  id: string;
  type: string;
  name: string;
  nameEn: string | null;
}

let counter = 0;

export class SearchBox {
  readonly el: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private hits: SearchPick[] = [];
  private active = -1;
  private controller: AbortController | null = null;

  constructor(options: {
    placeholder: () => string;
    label: () => string;
    onPick: (pick: SearchPick) => void;
    types?: EntityType[];
    name: string;
  }) {
    const listId = `search-list-${++counter}`;
    this.input = h('input.search-input', {
      type: 'search',
      name: options.name,
      autocomplete: 'off',
      spellcheck: 'false',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': listId,
      'aria-autocomplete': 'list',
    });
    this.list = h('ul.search-suggestions', { id: listId, role: 'listbox', hidden: true });
    this.el = h('div.search-box', null, this.input, this.list);
    const relabel = () => {
      this.input.placeholder = options.placeholder();
      this.input.setAttribute('aria-label', options.label());
    };
    relabel();
    this.relabel = relabel;
    const run = debounce((text: string) => void this.suggest(text, options.types), 140);
    this.input.addEventListener('input', () => run(this.input.value.trim()));
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (!this.hits.length) return;
        event.preventDefault();
        this.setActive((this.active + (event.key === 'ArrowDown' ? 1 : -1) + this.hits.length) % this.hits.length);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        const pick = this.hits[Math.max(this.active, 0)];
        if (pick) this.pick(pick, options.onPick);
      } else if (event.key === 'Escape') {
        this.close();
      }
    });
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.list.addEventListener('mousedown', (event) => event.preventDefault());
    this.onPick = options.onPick;
  }

  relabel: () => void;
  private onPick: (pick: SearchPick) => void;

  setValue(text: string): void {
    this.input.value = text;
  }

  private async suggest(text: string, types?: EntityType[]): Promise<void> {
    this.controller?.abort();
    if (!text) return this.close();
    const controller = new AbortController();
    this.controller = controller;
    this.el.dataset.state = 'loading';
    try {
      const { search } = await searchEntities(text, 12, types, controller.signal);
      if (controller.signal.aborted) return;
      this.hits = search.map((hit) => ({
        id: hit.entity.id,
        type: hit.entity.type,
        name: hit.entity.name,
        nameEn: hit.entity.nameEn ?? null,
      }));
      this.render(text);
      this.el.dataset.state = 'idle';
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.hits = [];
      this.el.dataset.state = 'error';
      mount(
        this.list,
        h(
          'li.search-empty',
          { role: 'option', 'aria-disabled': 'true' },
          error instanceof ApiError && error.code === 'DATABASE_UNAVAILABLE'
            ? t('error.database.title')
            : t('search.failed'),
        ),
      );
      this.open();
    }
  }

  private render(text: string): void {
    this.active = -1;
    if (!this.hits.length) {
      mount(this.list, h('li.search-empty', { role: 'option', 'aria-disabled': 'true' }, t('search.none', { text })));
      this.open();
      return;
    }
    mount(
      this.list,
      this.hits.map((hit, index) => {
        const primary = lang() === 'en' && hit.nameEn ? hit.nameEn : hit.name;
        const secondary = lang() === 'en' ? hit.name : hit.nameEn;
        return h(
          'li.search-hit',
          {
            role: 'option',
            id: `${this.list.id}-${index}`,
            'data-id': hit.id,
            'aria-selected': 'false',
            onclick: () => this.pick(hit, this.onPick),
          },
          typeBadge(hit.type),
          h('span.search-hit-name', null, primary),
          secondary && secondary !== primary ? h('span.search-hit-sub', null, secondary) : null,
        );
      }),
    );
    this.open();
  }

  private setActive(index: number): void {
    this.active = index;
    for (const [i, li] of [...this.list.children].entries()) li.setAttribute('aria-selected', String(i === index));
    this.input.setAttribute('aria-activedescendant', `${this.list.id}-${index}`);
    this.list.children[index]?.scrollIntoView({ block: 'nearest' });
  }

  private pick(hit: SearchPick, onPick: (pick: SearchPick) => void): void {
    this.input.value = lang() === 'en' && hit.nameEn ? hit.nameEn : hit.name;
    this.close();
    onPick(hit);
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
