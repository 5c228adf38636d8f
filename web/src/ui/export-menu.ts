// The export menu: PNG, SVG, CSV, JSON, GraphML of what the graph shows. The exporters load on first
// use, so they cost nothing on the first view.
import type { ExportFormat } from '../canvas/export/index.js';
import { t } from '../i18n/index.js';
import { download, h, mount } from './dom.js';

const FORMATS = [
  ['png', 'PNG'],
  ['svg', 'SVG'],
  ['csv', 'CSV'],
  ['json', 'JSON'],
  ['graphml', 'GraphML'],
] as const;

export class ExportMenu {
  readonly el = h('div.export-menu');
  private readonly button = h('button.btn', {
    type: 'button',
    'aria-haspopup': 'true',
    'aria-expanded': 'false',
    'data-action': 'export',
  });
  private readonly menu = h('div.menu', { role: 'menu', hidden: true });

  constructor(
    /** GraphCanvas.exportFile for the current view */
    private readonly exportFile: (format: ExportFormat) => Promise<{ blob: Blob; filename: string }>,
    private readonly onError: (error: unknown) => void,
  ) {
    this.button.addEventListener('click', () => this.toggle());
    this.el.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.toggle(false);
        this.button.focus();
      }
    });
    document.addEventListener('click', (event) => {
      if (!this.el.contains(event.target as Node)) this.toggle(false);
    });
    this.el.append(this.button, this.menu);
    this.relabel();
  }

  relabel(): void {
    this.button.textContent = t('export.button');
    mount(
      this.menu,
      FORMATS.map(([format, label]) =>
        h(
          'button.menu-item',
          { type: 'button', role: 'menuitem', 'data-format': format, onclick: () => void this.run(format) },
          h('strong', null, label),
          h('span', null, t(`export.${format}`)),
        ),
      ),
    );
  }

  private toggle(open = this.menu.hidden): void {
    this.menu.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) (this.menu.querySelector('button') as HTMLButtonElement | null)?.focus();
  }

  private async run(format: (typeof FORMATS)[number][0]): Promise<void> {
    this.toggle(false);
    try {
      const { blob, filename } = await this.exportFile(format);
      download(blob, filename);
    } catch (error) {
      this.onError(error);
    }
  }
}
