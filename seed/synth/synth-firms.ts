// Enterprises of the synthetic data and their IN_SEGMENT and SUPPLIES edges: per chain, firms are
// placed into leaves as the patterns of synth-plan.ts say, and supply edges run from a leaf's firms
// to local firms of the chain's other branches with a long tail (Zipf) on both ends.
import { badInput } from '../../graph/errors.js';
import type { GapThresholds } from '../../graph/gap-thresholds.js';
import { BRANCHES_PER_CHAIN, PATTERNS, splitByWeight, type LeafPlan } from './synth-plan.js';
import type { Random } from './synth-random.js';

export interface LeafFirms {
  id: string;
  chain: number;
  branch: number;
  plan: LeafPlan;
  locals: number[];
  outs: number[];
  /** Local firms of a sibling that also work in this leaf. */
  shared: number[];
}

export interface FirmLayout {
  /** Enterprise index → local flag. */
  local: boolean[];
  /** Enterprise index → chain index. */
  chainOf: number[];
  leaves: LeafFirms[];
  supplies: [number, number][];
}

const SUPPLY_EDGES_PER_FIRM = { large: 2.4, small: 1.5 };
/** Share of an external leaf's local firms that also work in their non-external sibling. */
const SHARED_FIRMS = 0.05;

/** Splits n into `parts` near-equal integers. */
export const evenSplit = (n: number, parts: number) =>
  Array.from({ length: parts }, (_, i) => Math.floor(n / parts) + (i < n % parts ? 1 : 0));

export function layoutFirms(
  enterprises: number,
  chains: number,
  rnd: Random,
  t: GapThresholds,
  leafId: (chain: number, branch: number, leaf: number) => string,
): FirmLayout {
  const outside = Math.round(enterprises * 0.3);
  const localPerChain = evenSplit(enterprises - outside, chains);
  const outPerChain = evenSplit(outside, chains);
  const local: boolean[] = [];
  const chainOf: number[] = [];
  const leaves: LeafFirms[] = [];
  const take = (count: number, isLocal: boolean, chain: number) => {
    const firms: number[] = [];
    for (let i = 0; i < count; i++) {
      firms.push(local.length);
      local.push(isLocal);
      chainOf.push(chain);
    }
    return firms;
  };
  const thinSize = () => (t.thinBelow - 1 >= 2 ? rnd.int(2, t.thinBelow - 1) : 1);

  for (let c = 0; c < chains; c++) {
    const firstFirm = local.length;
    const chainLeaves: LeafFirms[] = [];
    for (let b = 0; b < BRANCHES_PER_CHAIN; b++) {
      const pattern = PATTERNS[(b + c) % PATTERNS.length];
      pattern.leaves.forEach(
        (plan, j) =>
          void chainLeaves.push({ id: leafId(c, b, j), chain: c, branch: b, plan, locals: [], outs: [], shared: [] }),
      );
    }
    // Small leaves first: fixed numbers of local firms.
    for (let b = 0; b < BRANCHES_PER_CHAIN; b++) {
      const trio = chainLeaves.slice(b * 3, b * 3 + 3);
      const pattern = PATTERNS[(b + c) % PATTERNS.length];
      if (pattern.name === 'T') {
        // Two THIN leaves with the same firms and a SINGLE leaf with one of them: the parent counts them once.
        const group = take(thinSize(), true, c);
        trio[0].locals = group;
        trio[1].shared = group;
        trio[2].shared = [group[0]];
        continue;
      }
      for (const leaf of trio) {
        if (leaf.plan.kind === 'SINGLE') leaf.locals = take(1, true, c);
        if (leaf.plan.kind === 'THIN') leaf.locals = take(thinSize(), true, c);
      }
    }
    const large = chainLeaves.filter((l) => l.plan.kind === 'LARGE');
    const usedLocals = local.length - firstFirm; // only local firms were taken so far
    const remainingLocals = localPerChain[c] - usedLocals;
    if (remainingLocals < large.length * t.thinBelow) {
      throw badInput(
        `--enterprises is too small for the gap thresholds: each chain needs at least ${usedLocals + large.length * t.thinBelow} local firms`,
      );
    }
    splitByWeight(
      remainingLocals,
      large.map((l) => l.plan.weight),
      t.thinBelow,
    ).forEach((n, i) => {
      large[i].locals = take(n, true, c);
    });

    // Outside firms: a few in the small leaves, the rest in the large ones by weight.
    let outsUsed = 0;
    for (const leaf of chainLeaves) {
      if (leaf.plan.kind === 'LARGE') continue;
      const n = leaf.plan.kind === 'ABSENT' ? rnd.int(1, 3) : leaf.plan.external ? rnd.int(1, 2) : rnd.int(0, 1);
      leaf.outs = take(n, false, c);
      outsUsed += n;
    }
    splitByWeight(
      outPerChain[c] - outsUsed,
      large.map((l) => l.plan.weight),
      2,
    ).forEach((n, i) => {
      large[i].outs = take(n, false, c);
    });

    // Some local firms of an external leaf also work in the sibling that buys locally.
    for (const leaf of large.filter((l) => l.plan.external)) {
      const sibling = large.find((l) => l.branch === leaf.branch && !l.plan.external);
      if (!sibling) continue;
      for (const firm of leaf.locals) if (rnd.chance(SHARED_FIRMS)) sibling.shared.push(firm);
    }
    leaves.push(...chainLeaves);
  }
  return { local, chainOf, leaves, supplies: linkSupplies(leaves, chains, enterprises, rnd, t) };
}

/** Supply edges: each leaf's outside and local firms supply local firms of other branches of the chain. */
function linkSupplies(
  leaves: LeafFirms[],
  chains: number,
  enterprises: number,
  rnd: Random,
  t: GapThresholds,
): [number, number][] {
  const supplies: [number, number][] = [];
  const seen = new Set<number>();
  const externalShare = t.externalShare + (1 - t.externalShare) / 2;
  const localShare = t.externalShare / 2;
  for (let c = 0; c < chains; c++) {
    const chainLeaves = leaves.filter((l) => l.chain === c);
    // Customers of branch b: local firms of the chain outside branch b, in a shuffled order (the Zipf heads).
    const customers = Array.from({ length: BRANCHES_PER_CHAIN }, (_, b) => {
      const set = new Set<number>();
      for (const l of chainLeaves) if (l.branch !== b) for (const f of [...l.locals, ...l.shared]) set.add(f);
      return shuffle([...set], rnd);
    });
    for (const leaf of chainLeaves) {
      const pool = customers[leaf.branch];
      const members = leaf.locals.length + leaf.outs.length;
      const total = Math.round(
        members * (leaf.plan.kind === 'LARGE' ? SUPPLY_EDGES_PER_FIRM.large : SUPPLY_EDGES_PER_FIRM.small),
      );
      let external = Math.round(total * (leaf.plan.external ? externalShare : localShare));
      if (leaf.locals.length === 0) external = total;
      if (leaf.outs.length === 0) external = 0;
      const draw = (suppliers: number[], count: number) => {
        for (let k = 0; k < count && pool.length; k++) {
          for (let attempt = 0; attempt < 5; attempt++) {
            const supplier = suppliers[rnd.zipf(suppliers.length)];
            const customer = pool[rnd.zipf(pool.length, 0.8)];
            const key = supplier * enterprises + customer;
            if (supplier === customer || seen.has(key)) continue;
            seen.add(key);
            supplies.push([supplier, customer]);
            break;
          }
        }
      };
      draw(leaf.outs, external);
      draw(leaf.locals, total - external);
    }
  }
  return supplies;
}

function shuffle<T>(items: T[], rnd: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd.next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
