// The page frame: header (product name, search, language toggle, role), left navigation of views,
// the view bar, the stage (graph, page, drawer) and the right-hand side panel.
import { getRole, onSessionChange } from '../api/session.js';
import { lang, t, type MessageKey } from '../i18n/index.js';
import { h } from './dom.js';
import { VIEWS, type ViewName } from './url-state.js';

const NAV_ICONS: Record<ViewName, string> = {
  overview: 'M3 3h7v7H3zM14 3h7v7h-7zM3 14h7v7H3zM14 14h7v7h-7z',
  chain: 'M4 12h4M16 12h4M8 12a2 2 0 1 0 8 0a2 2 0 1 0-8 0M2 10h2v4H2zM20 10h2v4h-2z',
  responsibility: 'M12 3a4 4 0 1 1 0 8a4 4 0 1 1 0-8M4 21c0-4 4-7 8-7s8 3 8 7',
  explorer: 'M10 3a7 7 0 1 1 0 14a7 7 0 1 1 0-14M15 15l6 6',
  gaps: 'M3 20h18M6 20V10M11 20V4M16 20v-7M21 20v-3',
  cypher: 'M8 6l-5 6l5 6M16 6l5 6l-5 6M13 4l-2 16',
  curation: 'M4 20h4l10-10l-4-4L4 16zM13 7l4 4',
  ingest: 'M12 16V4M7 9l5-5l5 5M4 20h16',
  'registry-import': 'M4 4h16v16H4zM4 9h16M4 14h16M9 9v11',
  review: 'M9 11l3 3l8-8M20 12v7a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h11',
};

function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('icon');
  svg.innerHTML = `<path d="${path}" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`;
  return svg;
}

interface ShellParts {
  root: HTMLElement;
  searchSlot: HTMLElement;
  programSlot: HTMLElement;
  graph: HTMLElement;
  graphArea: HTMLElement;
  graphWrap: HTMLElement;
  page: HTMLElement;
  drawer: HTMLElement;
  stage: HTMLElement;
  controls: HTMLElement;
  exportSlot: HTMLElement;
  side: HTMLElement;
  title: HTMLElement;
  subtitle: HTMLElement;
  langButton: HTMLButtonElement;
  roleButton: HTMLButtonElement;
  relabel(): void;
  setActive(view: ViewName): void;
}

export function buildShell(onNavigate: (view: ViewName) => void, onToggleLang: () => void): ShellParts {
  const productName = h('span.brand-name');
  const productSub = h('span.brand-sub');
  const langButton = h('button.btn.btn-ghost.lang-toggle', { type: 'button', onclick: onToggleLang });
  const roleButton = h('button.btn.btn-ghost.role-badge', { type: 'button', onclick: () => onNavigate('curation') });
  const searchSlot = h('div.header-search');
  const programSlot = h('div.header-program');
  const navLinks = new Map<ViewName, HTMLAnchorElement>();
  const navList = h(
    'ul',
    null,
    VIEWS.map((view) => {
      const label = h('span.nav-label');
      const link = h('a.nav-link', { href: `?view=${view}`, 'data-view': view }, icon(NAV_ICONS[view]), label);
      link.addEventListener('click', (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onNavigate(view);
      });
      navLinks.set(view, link);
      return h('li', null, link);
    }),
  );
  const nav = h('nav.app-nav', null, navList, h('p.nav-foot'));
  const title = h('h1.view-title');
  const subtitle = h('p.view-subtitle');
  const controls = h('div.view-controls');
  const exportSlot = h('div.view-export');
  const graph = h('div.graph', { role: 'application' });
  const graphArea = h('div.graph-area', null, graph);
  const graphWrap = h('div.graph-wrap', null, graphArea);
  const page = h('div.page', { hidden: true });
  const drawer = h('div.drawer', { hidden: true });
  const stage = h('div.stage', { 'data-mode': 'graph' }, graphWrap, page, drawer);
  const side = h('aside.app-side');
  const logo = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  logo.setAttribute('viewBox', '0 0 32 32');
  logo.setAttribute('aria-hidden', 'true');
  logo.classList.add('brand-logo');
  logo.innerHTML =
    '<rect width="32" height="32" rx="7" fill="#0b3b60"/><circle cx="9" cy="16" r="3.2" fill="#56B4E9"/><circle cx="23" cy="9" r="3.2" fill="#E69F00"/><circle cx="23" cy="23" r="3.2" fill="#009E73"/><path d="M12 15l8-5M12 17l8 5" stroke="#fff" stroke-width="1.6"/>';
  const root = h(
    'div.app',
    null,
    h(
      'header.app-header',
      null,
      h(
        'a.brand',
        {
          href: '?view=overview',
          onclick: (e: Event) => {
            e.preventDefault();
            onNavigate('overview');
          },
        },
        logo,
        h('span.brand-text', null, productName, productSub),
      ),
      programSlot,
      searchSlot,
      h('div.header-actions', null, roleButton, langButton),
    ),
    nav,
    h(
      'main.app-main',
      { id: 'main' },
      h('div.view-bar', null, h('div.view-heading', null, title, subtitle), controls, exportSlot),
      stage,
    ),
    side,
  );
  const footNote = nav.querySelector('.nav-foot') as HTMLElement;

  const relabel = () => {
    document.title = `${t('app.name')} · ${t('app.subtitle')}`;
    productName.textContent = t('app.name');
    productSub.textContent = t('app.subtitle');
    // The button offers the other language: its name says where it leads.
    langButton.textContent = lang() === 'en' ? '中文' : 'English';
    langButton.setAttribute('aria-label', lang() === 'en' ? '中文' : 'English');
    langButton.lang = lang() === 'en' ? 'zh-CN' : 'en';
    const role = getRole();
    roleButton.textContent = t(`role.${role}` as MessageKey) ?? role;
    roleButton.title = t('role.hint');
    roleButton.dataset.role = role;
    nav.setAttribute('aria-label', t('nav.label'));
    for (const [view, link] of navLinks)
      (link.querySelector('.nav-label') as HTMLElement).textContent = t(`nav.${view}` as MessageKey);
    footNote.textContent = t('nav.foot');
    graph.setAttribute('aria-label', t('graph.label'));
  };
  onSessionChange(relabel);
  relabel();

  return {
    root,
    searchSlot,
    programSlot,
    graph,
    graphArea,
    graphWrap,
    page,
    drawer,
    stage,
    controls,
    exportSlot,
    side,
    title,
    subtitle,
    langButton,
    roleButton,
    relabel,
    setActive(view) {
      for (const [name, link] of navLinks) {
        if (name === view) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
    },
  };
}
