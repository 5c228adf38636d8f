// What the engine needs to know of the graph for one program: its region's districts (names, aliases,
// containment) and words (region.ts), and the segments of its chains (names, aliases, parent, chain).
// Imports build it from the graph (contextFromScope); the offline evaluation from the shipped dataset.
import type { RegistryScope } from '../../graph/queries/registry-scope.js';
import type { Dataset } from '../load/dataset.js';
import { type RegionWords, regionWords } from './region.js';

export interface DistrictInfo {
  id: string;
  name: string;
  keys: string[];
  parent: string | null;
}
export interface SegmentInfo {
  id: string;
  name: string;
  aliases: string[];
  parent: string | null;
  chain: string | null;
  level1: string;
}
export interface RegistryContext {
  regionId: string;
  region: RegionWords;
  districts: DistrictInfo[];
  segments: Map<string, SegmentInfo>;
}

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

/** Segments with their direct parent (a segment or a chain id); the finest-to-level-1 walk is done here. */
function segmentMap(rows: { id: string; name: string; aliases: string[]; up: string | null }[]) {
  const up = new Map(rows.map((r) => [r.id, r.up]));
  const segments = new Map<string, SegmentInfo>();
  for (const r of rows) {
    const s: SegmentInfo = { id: r.id, name: r.name, aliases: r.aliases, parent: null, chain: null, level1: r.id };
    let cur = r.id;
    for (let guard = 0; guard < 10; guard++) {
      const next = up.get(cur);
      if (!next) break;
      if (!up.has(next)) {
        // not a segment of this scope: the chain
        s.chain = next;
        s.level1 = cur;
        break;
      }
      if (cur === r.id) s.parent = next;
      cur = next;
    }
    segments.set(r.id, s);
  }
  return segments;
}

export function contextFromScope(scope: RegistryScope): RegistryContext {
  const district = (d: RegistryScope['districts'][number]) => ({
    id: d.id,
    name: d.name,
    keys: [d.name, ...d.aliases],
    parent: d.parent,
  });
  return {
    regionId: scope.region.id,
    region: regionWords([scope.region.name, ...scope.region.aliases], scope.regionAncestors),
    districts: [district(scope.region), ...scope.districts.map(district)],
    segments: segmentMap(scope.segments.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases, up: s.parent }))),
  };
}

/** The shipped Changchun program from its seed files (offline evaluation and unit tests). */
export function contextFromDataset(dataset: Dataset, regionId = 'district:changchun'): RegistryContext {
  const within = new Map<string, string>();
  const partOf = new Map<string, string>();
  for (const r of dataset.relationships) {
    if (r.type === 'WITHIN') within.set(r.from, r.to);
    if (r.type === 'PART_OF' && r.from.startsWith('segment:')) partOf.set(r.from, r.to);
  }
  const districts = dataset.nodes
    .filter((n) => n.label === 'District')
    .map((n) => ({
      id: n.id,
      name: String(n.props.name),
      keys: [String(n.props.name), ...asStrings(n.props.aliases)],
      parent: within.get(n.id) ?? null,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // the graph read's order (registry-scope.ts)
  const region = districts.find((d) => d.id === regionId);
  const segments = segmentMap(
    dataset.nodes
      .filter((x) => x.label === 'Segment')
      .map((n) => ({
        id: n.id,
        name: String(n.props.name),
        aliases: asStrings(n.props.aliases),
        up: partOf.get(n.id) ?? null,
      })),
  );
  return { regionId, region: regionWords(region?.keys ?? [], []), districts, segments };
}
