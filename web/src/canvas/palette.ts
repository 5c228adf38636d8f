// Colours and shapes as data. Hues are the Okabe–Ito palette (readable with the common colour-vision
// deficiencies); every colour is doubled by a shape (node types) or a glyph badge (gap status), so no
// meaning rests on colour alone.
const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

export const ENTITY_TYPES = [
  'PROGRAM',
  'LEADER',
  'PERSON',
  'CHAIN',
  'SEGMENT',
  'DISTRICT',
  'INSTITUTE',
  'UNIVERSITY',
  'ENTERPRISE',
  'GOAL',
  'OBSERVATION',
  'POLICY',
  'SOURCE',
] as const;
export type EntityTypeName = (typeof ENTITY_TYPES)[number];

interface TypeLook {
  shape: string;
  fill: string;
  border: string;
  text: string;
  /** label inside the shape (boxes) or below it (small symbols) */
  labelInside: boolean;
}

export const TYPE_LOOK: Record<EntityTypeName, TypeLook> = {
  PROGRAM: { shape: 'round-octagon', fill: '#0b3b60', border: '#0b3b60', text: '#ffffff', labelInside: true },
  LEADER: { shape: 'cut-rectangle', fill: '#fdf0dc', border: OKABE_ITO.orange, text: '#3d2a00', labelInside: true },
  PERSON: { shape: 'ellipse', fill: '#ffffff', border: OKABE_ITO.orange, text: '#3d2a00', labelInside: false },
  CHAIN: { shape: 'round-rectangle', fill: '#e3eff9', border: OKABE_ITO.blue, text: '#0b2a44', labelInside: true },
  SEGMENT: { shape: 'round-rectangle', fill: '#ffffff', border: OKABE_ITO.skyBlue, text: '#102a3a', labelInside: true },
  DISTRICT: { shape: 'hexagon', fill: '#faf6c8', border: '#a89a00', text: '#3a3500', labelInside: false },
  INSTITUTE: { shape: 'diamond', fill: OKABE_ITO.purple, border: '#9c4f7b', text: '#4a1d37', labelInside: false },
  UNIVERSITY: { shape: 'triangle', fill: OKABE_ITO.purple, border: '#9c4f7b', text: '#4a1d37', labelInside: false },
  ENTERPRISE: { shape: 'ellipse', fill: OKABE_ITO.green, border: '#006e50', text: '#07392b', labelInside: false },
  GOAL: { shape: 'star', fill: OKABE_ITO.vermillion, border: '#9b4400', text: '#4d2200', labelInside: false },
  OBSERVATION: { shape: 'vee', fill: OKABE_ITO.orange, border: '#a87400', text: '#3d2a00', labelInside: false },
  POLICY: { shape: 'rectangle', fill: OKABE_ITO.skyBlue, border: '#2f86b8', text: '#0b2a44', labelInside: false },
  SOURCE: { shape: 'tag', fill: '#b8bcc4', border: '#6b7280', text: '#374151', labelInside: false },
};

export const GAP_STATUSES = ['ABSENT', 'SINGLE_FIRM', 'THIN', 'EXTERNALLY_DEPENDENT', 'COVERED'] as const;
type GapStatus = (typeof GAP_STATUSES)[number];

/** Colour and glyph of each gap status; the glyph is what colour-blind readers and printouts rely on. */
export const GAP_LOOK: Record<GapStatus, { color: string; glyph: string; ink: string }> = {
  ABSENT: { color: OKABE_ITO.vermillion, glyph: '✕', ink: '#ffffff' },
  SINGLE_FIRM: { color: OKABE_ITO.orange, glyph: '1', ink: '#000000' },
  THIN: { color: OKABE_ITO.yellow, glyph: '!', ink: '#000000' },
  EXTERNALLY_DEPENDENT: { color: OKABE_ITO.purple, glyph: '↗', ink: '#000000' },
  COVERED: { color: OKABE_ITO.green, glyph: '✓', ink: '#ffffff' },
};

/** An inline SVG badge (circle + glyph) for a gap status, usable as a Cytoscape background image. */
export function gapBadgeSvg(status: GapStatus): string {
  const look = GAP_LOOK[status];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><circle cx="12" cy="12" r="11" fill="${look.color}" stroke="#ffffff" stroke-width="2"/><text x="12" y="16.5" font-size="13" font-weight="700" text-anchor="middle" font-family="sans-serif" fill="${look.ink}">${look.glyph}</text></svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

export const PIPELINE_STAGES = ['推介', '在谈', '签约', '拟开工', '到资', '竣工投产'] as const;
