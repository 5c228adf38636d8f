// Paths inside a chain's segment tree: the PART_OF steps from a segment up to one of its ancestors or
// to the chain, as nodes and relationships that exist, so reasons and evidence stay connected.
import type { NodeRow, RelRow } from '../slice.js';
import type { ChainSegment } from './gap-inputs.js';

export interface PathParts {
  nodes: NodeRow[];
  rels: RelRow[];
}

export class SegmentTree {
  readonly byId: Map<string, ChainSegment>;
  private readonly children = new Map<string, string[]>();

  constructor(
    readonly segments: ChainSegment[],
    readonly chain: NodeRow,
  ) {
    this.byId = new Map(segments.map((s) => [s.id, s]));
    for (const s of segments)
      for (const p of s.parentIds) this.children.set(p, [...(this.children.get(p) ?? []), s.id]);
  }

  /** The shortest PART_OF path from segment `from` up to `to` (a segment of the chain or the chain); null when `to` is not above. */
  pathUp(from: string, to: string): PathParts | null {
    const start = this.byId.get(from);
    if (!start) return null;
    const previous = new Map<string, RelRow | null>([[from, null]]);
    const queue = [from];
    while (queue.length) {
      const id = queue.shift()!;
      if (id === to) break;
      for (const rel of this.byId.get(id)?.partOf ?? []) {
        if (previous.has(rel.to)) continue;
        previous.set(rel.to, rel);
        if (rel.to === this.chain.id || this.byId.has(rel.to)) queue.push(rel.to);
      }
    }
    if (!previous.has(to)) return null;
    const nodes: NodeRow[] = [];
    const rels: RelRow[] = [];
    for (let id: string | undefined = to; id !== undefined; ) {
      nodes.push(id === this.chain.id ? this.chain : this.byId.get(id)!.node);
      const rel = previous.get(id);
      if (!rel) break;
      rels.push(rel);
      id = rel.from;
    }
    return { nodes: nodes.reverse(), rels: rels.reverse() };
  }

  /** Ids of the segment and every segment below it. */
  subtree(root: string): string[] {
    const seen = new Set([root]);
    const out = [root];
    for (let i = 0; i < out.length; i++) {
      for (const child of this.children.get(out[i]) ?? []) {
        if (seen.has(child)) continue;
        seen.add(child);
        out.push(child);
      }
    }
    return out;
  }

  /** The segment's ancestors (nearest first) and then the chain. */
  lineage(id: string): string[] {
    const out: string[] = [];
    const queue = [...(this.byId.get(id)?.parentIds ?? [])];
    while (queue.length) {
      const next = queue.shift()!;
      if (out.includes(next)) continue;
      out.push(next);
      queue.push(...(this.byId.get(next)?.parentIds ?? []));
    }
    return [...out, this.chain.id];
  }
}
