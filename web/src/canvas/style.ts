// The Cytoscape stylesheet, as data. Types get a shape and colour (palette.ts), state travels in
// classes (unknown, gap-*, highlighted, faded, hidden…). Labels wrap (see labels.ts) and are not drawn
// when they would be too small to read (`min-zoomed-font-size`): that is the level of detail on big graphs.
import type { StylesheetJson } from 'cytoscape';
import { GAP_LOOK, GAP_STATUSES, gapBadgeSvg, TYPE_LOOK, type EntityTypeName } from './palette.js';

// Cytoscape accepts double quotes (not single) in font-family values.
export const FONT_STACK =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Noto Sans", sans-serif';

/**
 * `large`: the level of detail of big graphs. Labels are skipped once they would render smaller than
 * a readable size, edges are thinner and arrows go.
 */
export function buildStyle(options: { large?: boolean } = {}): StylesheetJson {
  const large = options.large ?? false;
  const byType = (Object.keys(TYPE_LOOK) as EntityTypeName[]).map((type) => {
    const look = TYPE_LOOK[type];
    return {
      selector: `node[type = "${type}"]`,
      style: {
        shape: look.shape,
        'background-color': look.fill,
        'border-color': look.border,
        color: look.text,
        ...(look.labelInside
          ? { 'text-valign': 'center', 'text-halign': 'center', width: 'data(w)', height: 'data(h)', padding: '10px' }
          : { 'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 4, width: 22, height: 22 }),
      },
    };
  });
  const byGap = GAP_STATUSES.map((status) => ({
    selector: `node.gap-${status}`,
    style: {
      // Yellow is too light for a line on white: its border uses a darker shade of the same hue.
      'border-color': status === 'THIN' ? '#C8B400' : GAP_LOOK[status].color,
      'border-width': 3,
      'background-image': gapBadgeSvg(status),
      'background-width': '20px',
      'background-height': '20px',
      'background-position-x': '100%',
      'background-position-y': '0%',
      'background-offset-x': '8px',
      'background-offset-y': '-8px',
      'background-clip': 'none',
      'bounds-expansion': 10,
      'background-image-containment': 'over',
    },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': FONT_STACK,
        'font-size': 12,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'line-height': 1.3,
        'border-width': 1.5,
        'min-zoomed-font-size': large ? 9 : 4,
        'overlay-opacity': 0,
      },
    },
    ...byType,
    {
      selector: 'node[type = "PROGRAM"]',
      style: { 'font-size': 15, 'font-weight': 'bold', 'text-max-width': '220px', padding: '16px' },
    },
    {
      selector: 'node[type = "CHAIN"]',
      style: { 'font-size': 14, 'font-weight': 'bold', 'text-max-width': '170px', padding: '12px', 'border-width': 2 },
    },
    { selector: 'node[type = "CHAIN"].guarantee', style: { 'background-color': '#e2f4ee', 'border-color': '#009E73' } },
    { selector: 'node[type = "LEADER"]', style: { 'text-max-width': '150px', 'font-size': 12 } },
    { selector: 'node[type = "SEGMENT"]', style: { 'text-max-width': '140px', 'border-width': 2 } },
    { selector: 'node[type = "ENTERPRISE"].external', style: { 'background-color': '#ffffff', 'border-width': 2.5 } },
    // Unknowns stay visibly unknown: dashed, grey, never filled in.
    {
      selector: 'node.unknown',
      style: {
        'border-style': 'dashed',
        'border-color': '#8a8f98',
        'border-width': 2,
        'background-color': '#f3f4f6',
        color: '#4b5563',
        'font-weight': 'normal',
      },
    },
    { selector: 'node.status-unverified', style: { 'border-style': 'dotted' } },
    { selector: 'node.status-proposed', style: { 'border-style': 'dashed', 'background-opacity': 0.6 } },
    { selector: 'node.conf-low', style: { 'background-opacity': 0.55 } },
    ...byGap,
    { selector: 'node.expanded', style: { 'border-width': 4 } },
    // Overview: headline chains large; helper group boxes (not domain nodes) frame the unnamed chains.
    {
      selector: 'node.headline',
      style: { 'font-size': 16, 'text-max-width': '290px', padding: '14px', 'border-width': 3 },
    },
    { selector: 'node.compact', style: { 'font-size': 13, 'text-max-width': '260px', padding: '7px' } },
    {
      selector: 'node.group',
      style: {
        shape: 'round-rectangle',
        'background-color': '#f8fafc',
        'border-color': '#9aa4b2',
        'border-style': 'dashed',
        'border-width': 1.5,
        label: 'data(label)',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -6,
        'font-size': 14,
        'font-weight': 'bold',
        color: '#374151',
        padding: '22px',
        'text-max-width': '900px',
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'node.more',
      style: {
        shape: 'round-rectangle',
        'background-color': '#f3f4f6',
        'border-color': '#6b7280',
        'border-style': 'dashed',
        color: '#1f2937',
        width: 'data(w)',
        height: 'data(h)',
        padding: '6px',
        'text-valign': 'center',
        'text-halign': 'center',
        'font-size': 11,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9aa4b2',
        'target-arrow-color': '#9aa4b2',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        'font-family': FONT_STACK,
        'font-size': 10,
        color: '#4b5563',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-rotation': 'autorotate',
        'min-zoomed-font-size': 9,
        'overlay-opacity': 0,
      },
    },
    // Large graphs: no label unless the node is near the centre of a zoomed-in view (class lod-label,
    // set by GraphCanvas), selected or highlighted; straight thin edges without arrows.
    ...(large
      ? [
          // Boxes keep a fixed size (no per-label measuring of thousands of nodes); labels go below.
          { selector: 'node', style: { label: '', 'text-valign': 'bottom', 'text-margin-y': 3 } },
          { selector: 'node.lod-label, node:selected, node.highlighted', style: { label: 'data(label)' } },
          { selector: 'edge', style: { width: 0.8, 'target-arrow-shape': 'none', 'curve-style': 'haystack' } },
        ]
      : []),
    { selector: 'edge.labelled, edge:selected, edge.highlighted', style: { label: 'data(label)' } },
    { selector: 'edge[type = "FEEDS"]', style: { width: 3, 'line-color': '#0072B2', 'target-arrow-color': '#0072B2' } },
    {
      selector: 'edge[type = "PATRON_OF"]',
      style: { width: 2.5, 'line-color': '#E69F00', 'target-arrow-color': '#E69F00' },
    },
    {
      selector: 'edge[type = "OWNER_OF"]',
      style: { width: 2, 'line-color': '#E69F00', 'target-arrow-color': '#E69F00', 'line-style': 'dashed' },
    },
    {
      selector: 'edge[type = "COORDINATES"]',
      style: { width: 3, 'line-color': '#0b3b60', 'target-arrow-color': '#0b3b60' },
    },
    { selector: 'edge[type = "PART_OF"]', style: { 'line-color': '#c3cad4', 'target-arrow-shape': 'none' } },
    { selector: 'edge.faint', style: { opacity: 0.3, 'curve-style': 'straight' } },
    {
      selector: 'edge[type = "TARGET_FOR"]',
      style: { 'line-style': 'dashed', 'line-color': '#D55E00', 'target-arrow-color': '#D55E00' },
    },
    { selector: 'edge.unknown, edge.status-unverified', style: { 'line-style': 'dotted' } },
    {
      selector: 'node:selected',
      style: {
        'border-color': '#111827',
        'border-width': 4,
        'overlay-color': '#0072B2',
        'overlay-opacity': 0.12,
        'overlay-padding': 6,
      },
    },
    { selector: 'edge:selected', style: { width: 3.5, 'line-color': '#111827', 'target-arrow-color': '#111827' } },
    { selector: '.highlighted', style: { 'z-index': 20 } },
    {
      selector: 'node.highlighted',
      style: {
        'border-color': '#111827',
        'border-width': 4,
        'underlay-color': '#F0E442',
        'underlay-opacity': 0.9,
        'underlay-padding': 7,
      },
    },
    {
      selector: 'edge.highlighted',
      style: { width: 4, 'line-color': '#111827', 'target-arrow-color': '#111827', 'z-index': 20 },
    },
    { selector: '.faded', style: { opacity: 0.22 } },
    { selector: '.filtered', style: { display: 'none' } },
  ] as unknown as StylesheetJson;
}
