// Deterministic synthetic data for scale tests and demos (`npm run seed -- synth`): a program with
// chains, two levels of segments, districts, institutes, local and outside firms, supply edges with a
// long tail, targets in the pipeline, goals and observations, and planted gaps of every status.
// Same enterprises + seed → the same graph and manifest. Everything is `synthetic: true`.
import { badInput } from '../../graph/errors.js';
import { DEFAULT_GAP_THRESHOLDS, type GapThresholds } from '../../graph/gap-thresholds.js';
import { PIPELINE_STAGES, type Label, type RelType } from '../../graph/model.js';
import type { GraphWrite, NodeWrite, Props, RelWrite } from '../../graph/upsert.js';
import { computeSegmentGaps, type SegmentGapFacts } from './synth-gaps.js';
import { layoutFirms } from './synth-firms.js';
import {
  BRANCHES_PER_CHAIN,
  BRANCH_NAMES,
  CHAIN_NAMES,
  chainCount,
  DISTRICTS,
  ENTERPRISES_PER_CHAIN_MIN,
  NAME_CORES,
  NAME_HEADS,
  NAME_TRADES,
  PATTERNS,
} from './synth-plan.js';
import { createRandom } from './synth-random.js';

export interface SynthOptions {
  enterprises: number;
  seed: number;
  thresholds?: GapThresholds;
}

export interface SynthManifest {
  seed: number;
  enterprises: number;
  programId: string;
  sourceId: string;
  chainIds: string[];
  thresholds: GapThresholds;
  segments: (SegmentGapFacts & { level: number; planted: string })[];
  totals: { nodes: number; relationships: number; labels: Record<string, number>; types: Record<string, number> };
}

export interface SynthData {
  /** The synthetic Source every other record cites. */
  source: NodeWrite;
  /** Everything else; written with `provenance` as common properties. */
  graph: GraphWrite;
  provenance: Props;
  manifest: SynthManifest;
}

export const SYNTHETIC: Props = { synthetic: true };

const pad = (n: number) => String(n).padStart(6, '0');
const isoDay = (base: number, offsetDays: number) =>
  new Date(base + offsetDays * 86_400_000).toISOString().slice(0, 10);

export function generateSynth(options: SynthOptions): SynthData {
  const { enterprises, seed } = options;
  if (!Number.isInteger(enterprises) || enterprises < ENTERPRISES_PER_CHAIN_MIN) {
    throw badInput(`--enterprises must be a whole number of at least ${ENTERPRISES_PER_CHAIN_MIN}`);
  }
  if (!Number.isInteger(seed) || seed < 0) throw badInput('--seed must be a whole number ≥ 0');
  const t = options.thresholds ?? DEFAULT_GAP_THRESHOLDS;
  const rnd = createRandom(seed);
  const p = `synth-${seed}`;
  const chains = chainCount(enterprises);
  const nodes: NodeWrite[] = [];
  const rels: RelWrite[] = [];
  const node = (label: Label, id: string, props: Props) => nodes.push({ label, id, props });
  const rel = (type: RelType, fromLabel: Label, from: string, toLabel: Label, to: string, props: Props = {}) =>
    rels.push({ type, fromLabel, from, toLabel, to, props });
  const named = (name: string, nameEn: string) => ({ name, nameEn, nameEnTranslated: true });

  const ids = {
    program: `program:${p}`,
    source: `source:${p}`,
    city: `district:${p}-city`,
    chain: (c: number) => `chain:${p}-c${c + 1}`,
    branch: (c: number, b: number) => `segment:${p}-c${c + 1}-b${b + 1}`,
    leaf: (c: number, b: number, j: number) => `segment:${p}-c${c + 1}-b${b + 1}-l${j + 1}`,
    ent: (i: number) => `ent:${p}-${pad(i + 1)}`,
    district: (d: number) => `district:${p}-d${d + 1}`,
  };
  const source: NodeWrite = {
    label: 'Source',
    id: ids.source,
    props: {
      ...named(
        `合成数据（生成器种子 ${seed}，${enterprises} 家企业）`,
        `Synthetic data (generator seed ${seed}, ${enterprises} enterprises); not real`,
      ),
      kind: 'dataset',
      publisher: 'seed/synth.ts',
    },
  };

  node('Program', ids.program, {
    ...named(`合成产业链机制（种子 ${seed}）`, `Synthetic chain-owner mechanism (seed ${seed})`),
    declaredKeyChains: chains,
    declaredGuaranteeChains: 0,
    issuedOn: '2024-01-15',
    // its firms are local when LOCATED_IN a district WITHIN this city (the derived rule the analyses read)
    region: ids.city,
  });
  node('Leader', `leader:${p}-coordinator`, {
    ...named('合成市委主要领导', 'Synthetic party secretary'),
    title: '市委主要领导',
    body: '市委',
  });
  rel('COORDINATES', 'Leader', `leader:${p}-coordinator`, 'Program', ids.program);
  node('Policy', `policy:${p}-plan`, {
    ...named('合成产业链工作方案', 'Synthetic chain work plan'),
    kind: 'plan',
    issuedOn: '2024-01-15',
    issuer: '合成市人民政府',
  });

  node('District', ids.city, { ...named('合成市', 'Synthetic City'), kind: 'city' });
  DISTRICTS.forEach(([name, nameEn, kind], d) => {
    node('District', ids.district(d), { ...named(name, nameEn), kind });
    rel('WITHIN', 'District', ids.district(d), 'District', ids.city);
  });

  const segments: { id: string; chainId: string; parentId: string | null; level: number; planted: string }[] = [];
  for (let c = 0; c < chains; c++) {
    const [chainName, chainNameEn] = CHAIN_NAMES[c];
    node('Chain', ids.chain(c), { ...named(chainName, chainNameEn), kind: 'key', identified: true, priority: c + 1 });
    rel('PART_OF', 'Chain', ids.chain(c), 'Program', ids.program);
    node('Leader', `leader:${p}-c${c + 1}-owner`, {
      ...named(`合成副市长（${chainName}链长）`, `Synthetic vice mayor (owner of ${chainNameEn})`),
      title: '副市长',
      body: '市政府',
    });
    rel('OWNER_OF', 'Leader', `leader:${p}-c${c + 1}-owner`, 'Chain', ids.chain(c));
    rel('SUPPORTS', 'Policy', `policy:${p}-plan`, 'Chain', ids.chain(c));
    rel('HOSTS', 'District', ids.district(c % DISTRICTS.length), 'Chain', ids.chain(c), { role: '核心区' });
    rel('HOSTS', 'District', ids.district((c + 2) % DISTRICTS.length), 'Chain', ids.chain(c), { role: '发展极' });
    for (let b = 0; b < BRANCHES_PER_CHAIN; b++) {
      const pattern = PATTERNS[(b + c) % PATTERNS.length];
      const [branchName, branchNameEn] = BRANCH_NAMES[b];
      const stage = b === 0 ? 'upstream' : b === BRANCHES_PER_CHAIN - 1 ? 'downstream' : 'midstream';
      node('Segment', ids.branch(c, b), {
        ...named(`${chainName}·${branchName}`, `${chainNameEn}: ${branchNameEn}`),
        level: 1,
        stage,
        code: `${c + 1}.${b + 1}`,
      });
      rel('PART_OF', 'Segment', ids.branch(c, b), 'Chain', ids.chain(c));
      if (b > 0) rel('FEEDS', 'Segment', ids.branch(c, b - 1), 'Segment', ids.branch(c, b));
      segments.push({
        id: ids.branch(c, b),
        chainId: ids.chain(c),
        parentId: null,
        level: 1,
        planted: pattern.intended,
      });
      pattern.leaves.forEach((plan, j) => {
        node('Segment', ids.leaf(c, b, j), {
          ...named(`${chainName}·${branchName}${j + 1}`, `${chainNameEn}: ${branchNameEn} ${j + 1}`),
          level: 2,
          stage,
          code: `${c + 1}.${b + 1}.${j + 1}`,
        });
        rel('PART_OF', 'Segment', ids.leaf(c, b, j), 'Segment', ids.branch(c, b));
        if (j > 0) rel('FEEDS', 'Segment', ids.leaf(c, b, j - 1), 'Segment', ids.leaf(c, b, j));
        segments.push({
          id: ids.leaf(c, b, j),
          chainId: ids.chain(c),
          parentId: ids.branch(c, b),
          level: 2,
          planted: plan.label,
        });
      });
    }
    addGoals(c, chainName, chainNameEn);
  }

  function addGoals(c: number, chainName: string, chainNameEn: string) {
    const goal = `goal:${p}-c${c + 1}-output`;
    const target = (200 + rnd.int(0, 800)) * 1e8;
    node('Goal', goal, {
      ...named(`${chainName}产值目标`, `${chainNameEn} output target`),
      metric: '产值',
      targetValue: target,
      unit: '亿元',
      deadline: '2027-12-31',
      code: `${p}#${c + 1}`,
    });
    rel('GOAL_OF', 'Goal', goal, 'Chain', ids.chain(c));
    const obs = `obs:${p}-c${c + 1}-output-2024`;
    node('Observation', obs, {
      ...named(`${chainName}2024年产值`, `${chainNameEn} output in 2024`),
      metric: '产值',
      value: Math.round(target * (0.3 + 0.5 * rnd.next())),
      unit: '亿元',
      asOf: '2024-12-31',
    });
    rel('MEASURES', 'Observation', obs, 'Goal', goal);
    rel('DESCRIBES', 'Observation', obs, 'Chain', ids.chain(c));
  }

  // Enterprises, their segments and supply edges.
  const layout = layoutFirms(enterprises, chains, rnd, t, ids.leaf);
  for (let i = 0; i < layout.local.length; i++) {
    const tags: string[] = [];
    if (rnd.chance(0.3)) tags.push('规上');
    if (rnd.chance(0.05)) tags.push('专精特新');
    if (rnd.chance(0.01)) tags.push('小巨人');
    if (rnd.chance(0.005)) tags.push('上市');
    const name = `${rnd.pick(NAME_HEADS)}${rnd.pick(NAME_CORES)}${rnd.pick(NAME_TRADES)}（合成${i + 1}号）`;
    node('Enterprise', ids.ent(i), {
      name,
      nameEn: `Synthetic enterprise no. ${i + 1}`,
      nameEnTranslated: true,
      local: layout.local[i],
      tags,
      outputYuan: Math.round(Math.exp(14 + 3 * rnd.next() * rnd.next() * 3)),
    });
    if (layout.local[i])
      rel('LOCATED_IN', 'Enterprise', ids.ent(i), 'District', ids.district(rnd.zipf(DISTRICTS.length, 1)));
  }
  const memberships: [number, string][] = [];
  for (const leaf of layout.leaves) {
    const members = [...leaf.locals, ...leaf.outs, ...leaf.shared];
    members.forEach((firm, k) => {
      memberships.push([firm, leaf.id]);
      rel('IN_SEGMENT', 'Enterprise', ids.ent(firm), 'Segment', leaf.id, {
        role: k < 3 && leaf.plan.kind === 'LARGE' ? 'core' : 'member',
      });
    });
    if (leaf.plan.kind === 'LARGE' && !leaf.plan.external && leaf.locals.length) {
      rel('LEADS', 'Enterprise', ids.ent(leaf.locals[0]), 'Segment', leaf.id);
    }
  }
  for (const [supplier, customer] of layout.supplies)
    rel('SUPPLIES', 'Enterprise', ids.ent(supplier), 'Enterprise', ids.ent(customer));

  // Targets in the investment-promotion pipeline: outside firms wanted for gap leaves or for a chain.
  const gapLeaves = layout.leaves.filter((l) => l.plan.kind !== 'LARGE');
  const outsByChain = Array.from({ length: chains }, () => [] as number[]);
  layout.local.forEach((isLocal, i) => {
    if (!isLocal) outsByChain[layout.chainOf[i]].push(i);
  });
  const targeted = new Set<string>();
  const stageWeights = [30, 25, 15, 12, 10, 8];
  const stageBase = Date.UTC(2023, 0, 1);
  for (let k = 0, wanted = Math.max(chains * 3, Math.round(enterprises * 0.03)); k < wanted; k++) {
    const c = rnd.int(0, chains - 1);
    const firm = rnd.pick(outsByChain[c]);
    const chainLeaves = gapLeaves.filter((l) => l.chain === c);
    const toSegment = rnd.chance(0.8);
    const to = toSegment ? rnd.pick(chainLeaves).id : ids.chain(c);
    const key = `${firm}|${to}`;
    if (targeted.has(key)) continue;
    targeted.add(key);
    rel('TARGET_FOR', 'Enterprise', ids.ent(firm), toSegment ? 'Segment' : 'Chain', to, {
      stage: PIPELINE_STAGES[weightedIndex(stageWeights, rnd.next())],
      stageSince: isoDay(stageBase, rnd.int(0, 900)),
    });
  }

  // Institutes and universities in districts, supporting chains; some spun off local firms.
  const firstLocalOf = (c: number) => layout.leaves.find((l) => l.chain === c && l.plan.kind === 'LARGE')!.locals;
  for (let k = 0; k < 6; k++) {
    const label: Label = k < 4 ? 'Institute' : 'University';
    const id = `${label === 'Institute' ? 'institute' : 'university'}:${p}-${k + 1}`;
    node(label, id, {
      ...named(
        label === 'Institute' ? `合成研究所${k + 1}` : `合成大学${k - 3}`,
        label === 'Institute' ? `Synthetic institute ${k + 1}` : `Synthetic university ${k - 3}`,
      ),
    });
    rel('LOCATED_IN', label, id, 'District', ids.district(k % DISTRICTS.length));
    const c = k % chains;
    rel('SUPPORTS', label, id, 'Chain', ids.chain(c), { role: label === 'Institute' ? '研发' : '人才' });
    rel('SUPPORTS', label, id, 'Segment', ids.branch(c, k % BRANCHES_PER_CHAIN), { role: '研发' });
    const spunOff = firstLocalOf(c)[k + 1];
    if (spunOff !== undefined) rel('SPUN_OFF', label, id, 'Enterprise', ids.ent(spunOff));
  }

  const gaps = computeSegmentGaps({ segments, local: layout.local, memberships, supplies: layout.supplies }, t);
  const manifestSegments = gaps.map((g, i) => ({ ...g, level: segments[i].level, planted: segments[i].planted }));
  const labels: Record<string, number> = { Source: 1 };
  const types: Record<string, number> = {};
  for (const n of nodes) labels[n.label] = (labels[n.label] ?? 0) + 1;
  for (const r of rels) types[r.type] = (types[r.type] ?? 0) + 1;
  return {
    source,
    graph: { nodes, relationships: rels },
    provenance: { sources: [ids.source], confidence: 'high', status: 'confirmed' },
    manifest: {
      seed,
      enterprises,
      programId: ids.program,
      sourceId: ids.source,
      chainIds: Array.from({ length: chains }, (_, c) => ids.chain(c)),
      thresholds: t,
      segments: manifestSegments,
      totals: { nodes: nodes.length + 1, relationships: rels.length, labels, types },
    },
  };
}

function weightedIndex(weights: number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i];
    if (u * total < acc) return i;
  }
  return weights.length - 1;
}
