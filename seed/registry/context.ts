// What the engine needs to know of the graph: districts (names, aliases, containment) and segments
// (names, aliases, parent, chain). Built from the shipped dataset here; a graph read can fill the same shape.
import type { Dataset } from '../load/dataset.js';

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
  districts: DistrictInfo[];
  segments: Map<string, SegmentInfo>;
}

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

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
    }));
  const segments = new Map<string, SegmentInfo>();
  for (const n of dataset.nodes.filter((x) => x.label === 'Segment')) {
    segments.set(n.id, {
      id: n.id,
      name: String(n.props.name),
      aliases: asStrings(n.props.aliases),
      parent: null,
      chain: null,
      level1: n.id,
    });
  }
  for (const s of segments.values()) {
    let cur = s.id;
    for (let guard = 0; guard < 10; guard++) {
      const up = partOf.get(cur);
      if (!up) break;
      if (up.startsWith('chain:')) {
        s.chain = up;
        s.level1 = cur;
        break;
      }
      if (cur === s.id) s.parent = up;
      cur = up;
    }
  }
  return { regionId, districts, segments };
}
