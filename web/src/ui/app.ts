// The application controller: builds the shell, keeps one view mounted per the URL state, routes
// selection to the details panel and the graph, and switches language without reloading.
import { initLang, lang, onLangChange, setLang, t } from '../i18n/index.js';
import { fetchLayeredLayout } from '../api/layout.js';
import { GraphCanvas } from '../canvas/graph-canvas.js';
import { useLayeredPlacer } from '../canvas/layouts.js';
import { DetailsPanel } from './details-panel.js';
import { h } from './dom.js';
import { ExportMenu } from './export-menu.js';
import { Legend } from './legend.js';
import { ProgramSwitcher } from './program-switcher.js';
import { AsOfControl } from './as-of-control.js';
import { SearchBox } from './search-box.js';
import { buildShell } from './shell.js';
import { StatusOverlay } from './status-overlay.js';
import { Store, type AppState, type ViewName } from './url-state.js';
import type { StageMode, View, ViewContext } from './view-context.js';
import { loadView } from './views/registry.js';

export function startApp(root: HTMLElement): void {
  const store = new Store();
  initLang(store.state.lang);
  // Layered layouts are computed (and kept) by the server; the page's ELK worker is the fallback.
  useLayeredPlacer((input) => fetchLayeredLayout(input));

  // A navigation clears the selection and every view field not marked kept (views/*-state.ts).
  const navigate = (view: ViewName, patch: Partial<AppState> = {}) => store.open(view, patch);

  const shell = buildShell(
    (view) => navigate(view),
    () => {
      setLang(lang() === 'en' ? 'zh-CN' : 'en');
      store.update({ lang: lang() === 'en' ? 'en' : null }, { silent: true });
    },
  );
  root.replaceChildren(shell.root);

  const graph = new GraphCanvas(shell.graph);
  const status = new StatusOverlay();
  const legend = new Legend();
  shell.graphArea.append(status.el);
  shell.graphWrap.append(legend.el);
  const details = new DetailsPanel({
    openChain: (id) => navigate('chain', { chain: id }),
    accountable: (id) => navigate('responsibility', { node: id, leader: null }),
    explore: (id) => navigate('explorer', { focus: [id], sel: id }),
    pathFrom: (id) =>
      navigate('explorer', {
        from: id,
        to: store.state.to,
        focus: [id, ...(store.state.to ? [store.state.to] : [])],
        sel: id,
      }),
    pathTo: (id) =>
      navigate('explorer', {
        to: id,
        from: store.state.from,
        focus: [...(store.state.from ? [store.state.from] : []), id],
        sel: id,
      }),
  });
  shell.side.append(details.el);

  const search = new SearchBox({
    name: 'q',
    placeholder: () => t('search.placeholder'),
    label: () => t('search.label'),
    onPick: (pick) => navigate('explorer', { focus: [pick.id], sel: pick.id }),
  });
  shell.searchSlot.append(search.el);

  const programs = new ProgramSwitcher(store);
  shell.programSlot.append(programs.el);
  const asOf = new AsOfControl(store);
  shell.programSlot.append(asOf.el);

  const exportMenu = new ExportMenu(
    (format) => graph.exportFile(format, store.state.view),
    (error) => status.error(error),
  );
  shell.exportSlot.append(exportMenu.el);

  let current: { name: ViewName; view: View; abort: AbortController } | null = null;
  let firstReady = false;

  const setMode = (mode: StageMode) => {
    shell.stage.dataset.mode = mode;
    shell.page.hidden = mode !== 'page';
    shell.drawer.hidden = mode !== 'split';
    shell.graphWrap.hidden = mode === 'page';
    shell.exportSlot.hidden = mode === 'page';
    // The graph container changed size: let Cytoscape measure again.
    requestAnimationFrame(() => graph.resize());
  };

  const applySelection = (state: AppState) => {
    const id = state.sel;
    const el = graph.select(id);
    if (!id) {
      details.showSummary();
      return;
    }
    if (el?.group === 'edges') {
      const name = (data: Record<string, unknown> = {}) =>
        String((lang() === 'en' && data.nameEn) || data.name || data.id);
      details.showEdge(el.data, { source: name(el.source), target: name(el.target) });
    } else if (!id.startsWith('more:')) {
      void details.showNode(id, el?.data);
    }
  };

  const mountView = async (state: AppState) => {
    current?.abort.abort();
    current?.view.unmount?.();
    delete document.body.dataset.viewReady;
    const abort = new AbortController();
    const name = state.view;
    shell.setActive(name);
    shell.controls.replaceChildren();
    shell.drawer.replaceChildren();
    shell.page.replaceChildren();
    status.clear();
    graph.setHandlers({});
    graph.setElements([]);
    legend.update(graph);
    details.setSummary(() => null);
    details.showSummary();
    document.body.dataset.view = name;
    const view = await loadView(name);
    if (abort.signal.aborted || store.state.view !== name) return;
    current = { name, view, abort };
    const ctx: ViewContext = {
      store,
      graph,
      details,
      status,
      legend,
      controls: shell.controls,
      drawer: shell.drawer,
      page: shell.page,
      signal: abort.signal,
      setTitle(title, subtitle) {
        shell.title.textContent = title;
        shell.subtitle.textContent = subtitle ?? '';
        shell.subtitle.hidden = !subtitle;
      },
      setMode,
      ready() {
        if (abort.signal.aborted) return;
        legend.update(graph);
        if (store.state.sel) applySelection(store.state);
        document.body.dataset.viewReady = name;
        if (!firstReady) {
          firstReady = true;
          document.body.dataset.ready = 'true';
        }
      },
    };
    graph.setHandlers({
      tapNode: (node) => store.update({ sel: node.id }),
      tapEdge: (edge) => store.update({ sel: edge.id }),
      tapBackground: () => store.update({ sel: null }),
    });
    try {
      await view.mount(ctx);
    } catch (error) {
      if (!abort.signal.aborted) status.error(error, () => void mountView(store.state));
      // The page is drawn (with its error); say so, so that tests and users are not left waiting.
      if (!firstReady) {
        firstReady = true;
        document.body.dataset.ready = 'true';
      }
    }
  };

  store.subscribe((state, previous) => {
    if (state.view !== previous.view || state.program !== previous.program || state.asOf !== previous.asOf) {
      void mountView(state);
      return;
    }
    void current?.view.update?.(state, previous);
    if (state.sel !== previous.sel) applySelection(state);
  });

  onLangChange(() => {
    shell.relabel();
    details.relabel();
    search.relabel();
    exportMenu.relabel();
    programs.relabel();
    asOf.relabel();
    legend.update(graph);
    if (current?.view.relabel) current.view.relabel();
    details.renderSummary();
    if (store.state.sel) applySelection(store.state);
  });

  void mountView(store.state);
  // Keep a skip link for keyboard users: straight to the view.
  root.prepend(h('a.skip-link', { href: '#main' }, t('nav.skip')));
}
