// The header's program switcher: lists the programs in the graph; the choice lives in the URL
// (?program=) and scopes chains, leaders, gaps, goals and search. Empty: the server's default program.
import type { ProgramListQuery } from '../api/generated.js';
import { fetchPrograms } from '../api/ingestion.js';
import { setCurrentProgram } from '../api/program-scope.js';
import { pickName, t } from '../i18n/index.js';
import { h } from './dom.js';
import type { Store } from './url-state.js';

type ProgramOption = ProgramListQuery['programs'][number];

export class ProgramSwitcher {
  readonly el: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly label: HTMLElement;
  private programs: ProgramOption[] = [];

  constructor(private readonly store: Store) {
    setCurrentProgram(store.state.program);
    this.label = h('span.program-label');
    this.select = h('select.input.program-select', { name: 'program', 'data-testid': 'program-switcher' });
    this.select.addEventListener('change', () => store.update({ program: this.select.value || null, sel: null }));
    this.el = h('label.program-switcher', null, this.label, this.select);
    // Scope the operations before any view reads the new state (this listener is registered first).
    store.subscribe((state, previous) => {
      if (state.program === previous.program) return;
      setCurrentProgram(state.program);
      this.select.value = state.program ?? '';
    });
    // The import page says when a job finished: it may have proposed a new program.
    window.addEventListener('kg:programs-changed', () => void this.load());
    this.relabel();
    void this.load();
  }

  /** Lists the programs again (after an ingestion proposed a new one). */
  async load(): Promise<void> {
    try {
      this.programs = (await fetchPrograms()).programs;
    } catch {
      // The switcher is a convenience: without the list, the default program still answers.
      this.programs = [];
    }
    this.render();
  }

  relabel(): void {
    this.label.textContent = t('program.label');
    this.render();
  }

  private render(): void {
    const chosen = this.store.state.program ?? '';
    const options = [
      h('option', { value: '' }, t('program.default')),
      // Programs of other cities are often named alike (…链长制): the region tells them apart.
      ...this.programs.map((p) =>
        h('option', { value: p.id }, p.region ? `${pickName(p.region)} · ${pickName(p)}` : pickName(p)),
      ),
    ];
    // A program in the URL that the list does not (yet) show stays selectable, by its id.
    if (chosen && !this.programs.some((p) => p.id === chosen)) options.push(h('option', { value: chosen }, chosen));
    this.select.replaceChildren(...options);
    this.select.value = chosen;
  }
}
