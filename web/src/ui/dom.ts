// A tiny DOM builder: h('div.class', {attrs}, children). No framework: the page stays small and the
// markup stays readable. Text children are always set as text, never as HTML.
export type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K | `${K}.${string}` | `${K}#${string}`,
  attrs?: Attrs | null,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const [head, ...classes] = tag.split('.');
  const [name, id] = head.split('#');
  const el = document.createElement(name as K);
  if (id) el.id = id;
  if (classes.length) el.className = classes.join(' ');
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') el.className = [el.className, String(value)].filter(Boolean).join(' ');
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Bidi embeddings, overrides and isolates: kept in quotes and document text (they are the source's words). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** Text as a text node; text carrying bidi controls inside a <bdi>, so an override cannot reverse the
 * words around it (docs/reliability.md "Hostile data"). */
function textNode(text: string): Node {
  if (!BIDI_CONTROLS.test(text)) return document.createTextNode(text);
  const isolated = document.createElement('bdi');
  isolated.textContent = text;
  return isolated;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of (children as Child[]).flat(Infinity as 1) as Exclude<Child, Child[]>[]) {
    if (child == null || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? textNode(String(child)) : child);
  }
}

/** Replaces the children of `parent`. */
export function mount(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Triggers a file download of `blob` named `filename`. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
