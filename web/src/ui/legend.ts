// The legend: the node types present in the graph (shape + colour), the gap statuses (colour + glyph)
// when the graph shows them, and the line styles that mark unknown or unverified facts.
import { t, tOr } from '../i18n/index.js';
import { GAP_LOOK, GAP_STATUSES, TYPE_LOOK, type EntityTypeName } from '../canvas/palette.js';
import { h, mount } from './dom.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

const SHAPES: Record<string, string> = {
  ellipse: '<circle cx="8" cy="8" r="6.5"/>',
  'round-rectangle': '<rect x="1.5" y="3" width="13" height="10" rx="3"/>',
  rectangle: '<rect x="1.5" y="3" width="13" height="10"/>',
  'cut-rectangle': '<polygon points="4,3 12,3 14.5,5.5 14.5,10.5 12,13 4,13 1.5,10.5 1.5,5.5"/>',
  'round-octagon': '<polygon points="5,1.5 11,1.5 14.5,5 14.5,11 11,14.5 5,14.5 1.5,11 1.5,5"/>',
  diamond: '<polygon points="8,1 15,8 8,15 1,8"/>',
  triangle: '<polygon points="8,1.5 15,14.5 1,14.5"/>',
  hexagon: '<polygon points="4,2 12,2 15,8 12,14 4,14 1,8"/>',
  star: '<polygon points="8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6"/>',
  vee: '<polygon points="1,2 8,7 15,2 8,15"/>',
  tag: '<polygon points="1.5,3 11,3 15,8 11,13 1.5,13"/>',
};

function shapeIcon(type: EntityTypeName): SVGSVGElement {
  const look = TYPE_LOOK[type];
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.innerHTML = SHAPES[look.shape] ?? SHAPES.ellipse;
  const shape = svg.firstElementChild as SVGElement;
  shape.setAttribute('fill', look.fill);
  shape.setAttribute('stroke', look.border);
  shape.setAttribute('stroke-width', '1.5');
  return svg;
}

export function gapChip(status: string, text?: string): HTMLElement {
  const look = GAP_LOOK[status as keyof typeof GAP_LOOK];
  return h(
    `span.gap-chip.gap-${status}`,
    { style: look ? `--gap:${look.color};--gap-ink:${look.ink}` : null },
    h('span.gap-glyph', { 'aria-hidden': 'true' }, look?.glyph ?? '?'),
    text ?? tOr(`gap.${status}`, status),
  );
}

/** What the legend asks the graph (GraphCanvas answers it). */
interface LegendSource {
  nodeTypes(): Set<string>;
  hasNodeClass(className: string): boolean;
}

export class Legend {
  readonly el = h('aside.legend', { 'aria-label': '' });
  private collapsed = false;

  update(graph: LegendSource): void {
    const types = graph.nodeTypes();
    const gaps = GAP_STATUSES.filter((status) => graph.hasNodeClass(`gap-${status}`));
    const unknown = graph.hasNodeClass('unknown');
    this.el.setAttribute('aria-label', t('legend.title'));
    const toggle = h(
      'button.legend-toggle',
      {
        type: 'button',
        'aria-expanded': String(!this.collapsed),
        onclick: () => {
          this.collapsed = !this.collapsed;
          this.update(graph);
        },
      },
      t('legend.title'),
    );
    if (this.collapsed || types.size === 0) {
      mount(this.el, toggle);
      this.el.hidden = types.size === 0;
      return;
    }
    this.el.hidden = false;
    mount(
      this.el,
      toggle,
      h(
        'ul.legend-list',
        null,
        (Object.keys(TYPE_LOOK) as EntityTypeName[])
          .filter((type) => types.has(type))
          .map((type) => h('li', null, shapeIcon(type), tOr(`type.${type}`, type))),
      ),
      gaps.length
        ? h(
            'ul.legend-list.legend-gaps',
            null,
            gaps.map((status) => h('li', null, gapChip(status))),
          )
        : null,
      unknown
        ? h(
            'ul.legend-list',
            null,
            h('li', null, h('span.legend-dashed', { 'aria-hidden': 'true' }), t('legend.unknown')),
          )
        : null,
    );
  }
}
