// SVG of what is on screen, built from Cytoscape's computed positions and styles (no extra package):
// node shapes, wrapped labels, edges with arrows, gap badges and dashed borders for unknowns.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { FONT_STACK } from '../style.js';
import { GAP_LOOK, GAP_STATUSES } from '../palette.js';

const esc = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (value: number) => Math.round(value * 10) / 10;

/** Unit polygons in [-1, 1] for the shapes the stylesheet uses. */
const POLYGONS: Record<string, [number, number][]> = {
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  triangle: [
    [0, -1],
    [1, 1],
    [-1, 1],
  ],
  hexagon: [
    [-0.5, -1],
    [0.5, -1],
    [1, 0],
    [0.5, 1],
    [-0.5, 1],
    [-1, 0],
  ],
  'round-octagon': [
    [-0.41, -1],
    [0.41, -1],
    [1, -0.41],
    [1, 0.41],
    [0.41, 1],
    [-0.41, 1],
    [-1, 0.41],
    [-1, -0.41],
  ],
  'cut-rectangle': [
    [-0.85, -1],
    [0.85, -1],
    [1, -0.7],
    [1, 0.7],
    [0.85, 1],
    [-0.85, 1],
    [-1, 0.7],
    [-1, -0.7],
  ],
  star: [
    [0, -1],
    [0.24, -0.32],
    [0.95, -0.31],
    [0.38, 0.12],
    [0.59, 0.81],
    [0, 0.4],
    [-0.59, 0.81],
    [-0.38, 0.12],
    [-0.95, -0.31],
    [-0.24, -0.32],
  ],
  vee: [
    [-1, -1],
    [0, -0.33],
    [1, -1],
    [0, 1],
  ],
  tag: [
    [-1, -1],
    [0.5, -1],
    [1, 0],
    [0.5, 1],
    [-1, 1],
  ],
};

let measureCtx: CanvasRenderingContext2D | null = null;

function wrapLines(label: string, font: string, maxWidth: number): string[] {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  const ctx = measureCtx!;
  ctx.font = font;
  const out: string[] = [];
  for (const line of label.split('\n')) {
    const tokens = line.split(/(?<=[\s\u200b])/);
    let current = '';
    for (const token of tokens) {
      const next = current + token;
      if (current && ctx.measureText(next.replace(/\u200b/g, '')).width > maxWidth) {
        out.push(current);
        current = token;
      } else current = next;
    }
    out.push(current);
  }
  return out.map((l) => l.replace(/\u200b/g, '').trim()).filter((l, _i, all) => l || all.length === 1);
}

function nodeShape(node: NodeSingular): string {
  const { x, y } = node.position();
  const w = node.width() + parseFloat(node.style('padding') || '0') * 2;
  const hgt = node.height() + parseFloat(node.style('padding') || '0') * 2;
  const shape = node.style('shape') as string;
  const fill = node.style('background-color');
  const opacity = node.style('background-opacity');
  const stroke = node.style('border-color');
  const strokeWidth = parseFloat(node.style('border-width'));
  const dash =
    node.style('border-style') === 'dashed'
      ? ' stroke-dasharray="6 4"'
      : node.style('border-style') === 'dotted'
        ? ' stroke-dasharray="2 3"'
        : '';
  const paint = `fill="${fill}" fill-opacity="${opacity}" stroke="${stroke}" stroke-width="${strokeWidth}"${dash}`;
  if (shape === 'ellipse')
    return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(hgt / 2)}" ${paint}/>`;
  if (shape === 'rectangle' || shape === 'round-rectangle') {
    const r = shape === 'round-rectangle' ? Math.min(8, hgt / 4) : 0;
    return `<rect x="${num(x - w / 2)}" y="${num(y - hgt / 2)}" width="${num(w)}" height="${num(hgt)}" rx="${r}" ${paint}/>`;
  }
  const points = (POLYGONS[shape] ?? POLYGONS.diamond)
    .map(([px, py]) => `${num(x + (px * w) / 2)},${num(y + (py * hgt) / 2)}`)
    .join(' ');
  return `<polygon points="${points}" ${paint}/>`;
}

function nodeLabel(node: NodeSingular): string {
  const label = node.data('label') as string | undefined;
  if (!label) return '';
  const size = parseFloat(node.style('font-size'));
  const weight = node.style('font-weight');
  const maxWidth = parseFloat(node.style('text-max-width'));
  const lines = wrapLines(label, `${weight} ${size}px ${FONT_STACK}`, maxWidth);
  const lineHeight = size * 1.3;
  const { x, y } = node.position();
  const valign = node.style('text-valign');
  const inside = valign === 'center';
  const top = inside
    ? y - (lineHeight * (lines.length - 1)) / 2
    : valign === 'top'
      ? y - node.outerHeight() / 2 - 8 - lineHeight * (lines.length - 1)
      : y + node.outerHeight() / 2 + 4 + size * 0.9;
  const color = node.style('color');
  const tspans = lines
    .map((line, i) => `<tspan x="${num(x)}" y="${num(top + i * lineHeight)}">${esc(line)}</tspan>`)
    .join('');
  return `<text font-size="${size}" font-weight="${weight}" fill="${color}" text-anchor="middle" dominant-baseline="${inside ? 'middle' : 'auto'}">${tspans}</text>`;
}

function gapBadge(node: NodeSingular): string {
  const status = GAP_STATUSES.find((s) => node.hasClass(`gap-${s}`));
  if (!status) return '';
  const look = GAP_LOOK[status];
  const box = node.boundingBox({ includeLabels: false });
  const cx = box.x2 - 2;
  const cy = box.y1 + 2;
  return `<circle cx="${num(cx)}" cy="${num(cy)}" r="10" fill="${look.color}" stroke="#fff" stroke-width="2"/><text x="${num(cx)}" y="${num(cy + 4.5)}" font-size="12" font-weight="700" text-anchor="middle" fill="${look.ink}">${esc(look.glyph)}</text>`;
}

function edgePath(edge: EdgeSingular, markers: Map<string, string>): string {
  const s = edge.sourceEndpoint();
  const t = edge.targetEndpoint();
  const color = edge.style('line-color');
  const width = parseFloat(edge.style('width'));
  const dash =
    edge.style('line-style') === 'dashed'
      ? ' stroke-dasharray="6 4"'
      : edge.style('line-style') === 'dotted'
        ? ' stroke-dasharray="2 3"'
        : '';
  const controls = edge.controlPoints?.() as { x: number; y: number }[] | undefined;
  const d = controls?.length
    ? `M${num(s.x)},${num(s.y)} Q${num(controls[0].x)},${num(controls[0].y)} ${num(t.x)},${num(t.y)}`
    : `M${num(s.x)},${num(s.y)} L${num(t.x)},${num(t.y)}`;
  let marker = '';
  if (edge.style('target-arrow-shape') !== 'none') {
    const id = `arrow-${markers.size}`;
    if (!markers.has(color)) markers.set(color, id);
    marker = ` marker-end="url(#${markers.get(color)})"`;
  }
  return `<path d="${d}" fill="none" stroke="${color}" stroke-width="${width}" opacity="${edge.style('opacity')}"${dash}${marker}/>`;
}

export function toSvg(cy: Core): string {
  // Group boxes first, so that their members draw on top.
  const nodes = cy.nodes(':visible').sort((a, b) => Number(b.isParent()) - Number(a.isParent()));
  const edges = cy.edges(':visible');
  const box = cy.elements(':visible').boundingBox({ includeLabels: true });
  const pad = 30;
  const markers = new Map<string, string>();
  const edgeSvg = edges.map((e) => edgePath(e, markers)).join('\n');
  const nodeSvg = nodes
    .map(
      (n: NodeSingular) =>
        `<g data-id="${esc(n.id())}" opacity="${n.style('opacity')}">${nodeShape(n)}${nodeLabel(n)}${gapBadge(n)}</g>`,
    )
    .join('\n');
  const defs = [...markers]
    .map(
      ([color, id]) =>
        `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`,
    )
    .join('');
  const width = num(box.w + pad * 2);
  const height = num(box.h + pad * 2);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${num(box.x1 - pad)} ${num(box.y1 - pad)} ${width} ${height}" font-family="${esc(FONT_STACK)}">`,
    `<defs>${defs}</defs>`,
    `<rect x="${num(box.x1 - pad)}" y="${num(box.y1 - pad)}" width="${width}" height="${height}" fill="#ffffff"/>`,
    edgeSvg,
    nodeSvg,
    '</svg>',
  ].join('\n');
}
