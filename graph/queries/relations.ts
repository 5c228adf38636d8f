// The relations of each label (Chain.patrons, Segment.enterprises…) as Cypher, by relation name in the
// model's terms (the API maps its field names onto these in server/loading/relation-fields.ts), fetched
// in batch: one query per (type, field) for all parents at once, so nested selections cost a fixed
// number of queries inside the caller's one transaction, never one query per parent (no N+1).
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { badInput, GraphError } from '../errors.js';
import type { Label } from '../model.js';
import { runRows } from '../executor.js';
import { LOCAL_TO_CHAIN_PROGRAM, LOCAL_TO_REGION } from '../analysis/local-rule.js';
import { toNeo4jDate } from '../model-rules.js';
import {
  LIVE,
  NODE_MAP,
  STAGE_ON,
  stageOnDay,
  VALID_ON,
  type NodeRow,
  REL_WITH_ENDS,
  type RelWithEnds,
} from './common.js';

export type RelationKind = 'nodes' | 'rels' | 'count';

export interface RelationSpec {
  /** nodes: the other ends; rels: relationships with both ends; count: a number. */
  kind: RelationKind;
  /** MATCH pattern from parent `p` to other end `o` (and relationship `r` for kind rels). */
  match: string | ((args: Record<string, unknown>) => string);
  /** Extra condition on `o` / `r`. */
  where?: string;
  /** A single value (or null) rather than a list. */
  one?: boolean;
  order?: string;
  /** Name of the field argument limiting the list per parent. */
  limitArg?: string;
  /** TARGET_FOR data: analyst role and above. */
  needsTargets?: boolean;
  /** Reads $programId: the field's programId argument, else the caller's default program. */
  programArg?: boolean;
}

/** What the caller may read, and the program a read field answers for when it names none. */
export interface RelationAccess {
  canSeeTargets: boolean;
  defaultProgram?: string;
}

/** Items per parent and list, whatever the arguments ask. */
export const MAX_ITEMS_PER_PARENT = 1000;

const BY_NAME = 'o.name, o.id';
const SEGMENT_ORDER = 'coalesce(o.order, 999), o.id';
const CHAIN_ORDER = "CASE o.kind WHEN 'key' THEN 0 ELSE 1 END, coalesce(o.priority, 99), size(o.id), o.id";
// Local: located in the region of the program of the parent's chain (graph/analysis/local-rule.ts).
const LOCAL_IN_CHAIN = LOCAL_TO_CHAIN_PROGRAM('o', '(p)');
const LOCAL_IN_SEGMENT = LOCAL_TO_CHAIN_PROGRAM('o', '(p)-[:PART_OF]->{1,6}(:Chain)');
const FIRMS_ORDER = `CASE WHEN ${LOCAL_IN_SEGMENT} THEN 0 ELSE 1 END, CASE r.role WHEN 'core' THEN 0 ELSE 1 END, o.name, o.id`;
const NEWEST = 'o.asOf DESC, o.id';

const rels = (match: string, extra: Partial<RelationSpec> = {}): RelationSpec => ({
  kind: 'rels',
  match,
  order: BY_NAME,
  ...extra,
});
const nodes = (match: string, extra: Partial<RelationSpec> = {}): RelationSpec => ({
  kind: 'nodes',
  match,
  order: BY_NAME,
  ...extra,
});
const count = (match: string, where?: string): RelationSpec => ({ kind: 'count', match, where });

const IN_CHAIN = '(o:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:PART_OF]->{1,6}(p)';
const IN_SEGMENT_TREE = '(o:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:PART_OF]->{0,6}(p)';

const institutionRelations = {
  districts: rels('(p)-[r:LOCATED_IN]->(o:District)'),
  supports: rels('(p)-[r:SUPPORTS]->(o:Chain|Segment)'),
  spunOff: rels('(p)-[r:SPUN_OFF]->(o:Enterprise)'),
  controls: rels('(p)-[r:CONTROLS]->(o:Enterprise)'),
};

/** Per label, per relation name. Patterns use only labels and types of graph/model.ts. */
export const RELATIONS: Partial<Record<Label, Record<string, RelationSpec>>> = {
  Program: {
    chains: nodes('(o:Chain)-[:PART_OF]->(p)', { order: CHAIN_ORDER }),
    coordinators: rels('(o:Leader)-[r:COORDINATES]->(p)'),
    goals: nodes('(o:Goal)-[:GOAL_OF]->(p)', { order: 'o.code, o.id' }),
  },
  Leader: {
    patronOf: nodes('(p)-[:PATRON_OF]->(o:Chain)', { order: CHAIN_ORDER }),
    ownerOf: nodes('(p)-[:OWNER_OF]->(o:Chain)', { order: CHAIN_ORDER }),
    coordinates: nodes('(p)-[:COORDINATES]->(o:Program)'),
    roles: rels('(p)-[r:PATRON_OF|OWNER_OF|COORDINATES]->(o:Chain|Program)', { order: 'type(r), o.id' }),
    holders: rels('(o:Person)-[r:HOLDS]->(p)', { order: 'coalesce(r.validFrom, head(r.observedOn)) DESC, o.name' }),
  },
  Person: {
    holds: rels('(p)-[r:HOLDS]->(o:Leader)', { order: 'coalesce(r.validFrom, head(r.observedOn)) DESC, o.name' }),
  },
  Chain: {
    program: nodes('(p)-[:PART_OF]->(o:Program)', { one: true }),
    patrons: rels('(o:Leader)-[r:PATRON_OF]->(p)'),
    owners: rels('(o:Leader)-[r:OWNER_OF]->(p)'),
    segments: nodes('(o:Segment)-[:PART_OF]->(p)', { order: SEGMENT_ORDER }),
    allSegments: nodes('(o:Segment)-[:PART_OF]->{1,6}(p)', { order: `o.level, ${SEGMENT_ORDER}` }),
    districts: rels('(o:District)-[r:HOSTS]->(p)'),
    supporters: rels('(o:Institute|University)-[r:SUPPORTS]->(p)'),
    leadEnterprises: rels('(o:Enterprise)-[r:LEADS]->(p)'),
    policies: rels('(o:Policy)-[r:SUPPORTS]->(p)'),
    goals: nodes('(o:Goal)-[:GOAL_OF]->(p)', { order: 'o.code, o.id' }),
    observations: nodes('(o:Observation)-[:DESCRIBES]->(p)', { order: NEWEST }),
    enterpriseCount: count(IN_CHAIN),
    localEnterpriseCount: count(IN_CHAIN, LOCAL_IN_CHAIN),
    targets: rels('(o:Enterprise)-[r:TARGET_FOR]->(:Segment|Chain)-[:PART_OF]->{0,6}(p)', { needsTargets: true }),
  },
  Segment: {
    chain: nodes('(p)-[:PART_OF]->{1,6}(o:Chain)', { one: true }),
    parent: nodes('(p)-[:PART_OF]->(o:Segment)', { one: true }),
    children: nodes('(o:Segment)-[:PART_OF]->(p)', { order: SEGMENT_ORDER }),
    feeds: nodes('(p)-[:FEEDS]->(o:Segment)', { order: SEGMENT_ORDER }),
    fedBy: nodes('(o:Segment)-[:FEEDS]->(p)', { order: SEGMENT_ORDER }),
    enterprises: rels('', {
      match: (args) =>
        args.descendants
          ? '(o:Enterprise)-[r:IN_SEGMENT]->(:Segment)-[:PART_OF]->{0,6}(p)'
          : '(o:Enterprise)-[r:IN_SEGMENT]->(p)',
      order: FIRMS_ORDER,
      limitArg: 'first',
    }),
    enterpriseCount: count(IN_SEGMENT_TREE),
    localEnterpriseCount: count(IN_SEGMENT_TREE, LOCAL_IN_SEGMENT),
    districts: rels('(o:District)-[r:HOSTS]->(p)'),
    supporters: rels('(o:Institute|University|Policy)-[r:SUPPORTS]->(p)'),
    leadEnterprises: rels('(o:Enterprise)-[r:LEADS]->(p)'),
    goals: nodes('(o:Goal)-[:GOAL_OF]->(p)', { order: 'o.code, o.id' }),
    targets: rels('(o:Enterprise)-[r:TARGET_FOR]->(p)', { needsTargets: true }),
  },
  District: {
    parent: nodes('(p)-[:WITHIN]->(o:District)', { one: true }),
    children: nodes('(o:District)-[:WITHIN]->(p)'),
    hosts: rels('(p)-[r:HOSTS]->(o:Chain|Segment)', { order: 'o.id' }),
    located: rels('(o:Enterprise|Institute|University)-[r:LOCATED_IN]->(p)', { limitArg: 'first' }),
    goals: nodes('(o:Goal)-[:GOAL_OF]->(p)', { order: 'o.code, o.id' }),
  },
  Institute: institutionRelations,
  University: institutionRelations,
  Enterprise: {
    segments: rels('(p)-[r:IN_SEGMENT]->(o:Segment)', { order: SEGMENT_ORDER }),
    chains: nodes('(p)-[:IN_SEGMENT]->(:Segment)-[:PART_OF]->{1,6}(o:Chain)', { order: CHAIN_ORDER }),
    leads: rels('(p)-[r:LEADS]->(o:Chain|Segment)'),
    districts: rels('(p)-[r:LOCATED_IN]->(o:District)'),
    suppliesTo: rels('(p)-[r:SUPPLIES]->(o:Enterprise)'),
    suppliedBy: rels('(o:Enterprise)-[r:SUPPLIES]->(p)'),
    parents: rels('(p)-[r:SUBSIDIARY_OF]->(o:Enterprise)'),
    subsidiaries: rels('(o:Enterprise)-[r:SUBSIDIARY_OF]->(p)'),
    controlledBy: rels('(o:Institute|University|Enterprise)-[r:CONTROLS]->(p)'),
    controls: rels('(p)-[r:CONTROLS]->(o:Enterprise)'),
    spunOffFrom: rels('(o:Institute|University)-[r:SPUN_OFF]->(p)'),
    targetFor: rels('(p)-[r:TARGET_FOR]->(o:Segment|Chain)', { needsTargets: true }),
    // 1 when the firm is local to the program (located in its region, local-rule.ts), else 0
    local: {
      kind: 'count',
      match: '(o:Program {id: $programId})',
      where: `o.region IS NOT NULL AND ${LOCAL_TO_REGION('p', 'o.region')}`,
      programArg: true,
    },
  },
  Goal: {
    of: rels('(p)-[r:GOAL_OF]->(o:Chain|Segment|District|Program)', { order: 'o.id' }),
    observations: nodes('(o:Observation)-[:MEASURES]->(p)', { order: NEWEST }),
  },
  Observation: {
    measures: nodes('(p)-[:MEASURES]->(o:Goal)'),
    describes: rels('(p)-[r:DESCRIBES]->(o)', { where: 'NOT o:Source' }),
  },
  Policy: {
    supports: rels('(p)-[r:SUPPORTS]->(o:Chain|Segment)'),
  },
};

/** A relation's name: `Label.relation`, e.g. `Chain.patrons`. */
export type RelationName = `${Label}.${string}`;

export function relationByName(name: string): { label: Label; spec: RelationSpec } | null {
  const dot = name.indexOf('.');
  const label = name.slice(0, dot) as Label;
  const spec = RELATIONS[label]?.[name.slice(dot + 1)];
  return spec ? { label, spec } : null;
}

export interface RelationRow {
  pid: string;
  node?: NodeRow;
  rel?: RelWithEnds | null;
  value?: number;
}

/** Builds the batch query of one relation field for parents of one label. */
export function relationQuery(
  label: Label,
  spec: RelationSpec,
  args: Record<string, unknown>,
): { cypher: string; limit: number } {
  const match = typeof spec.match === 'function' ? spec.match(args) : spec.match;
  const requested =
    spec.limitArg && typeof args[spec.limitArg] === 'number'
      ? Math.trunc(args[spec.limitArg] as number)
      : MAX_ITEMS_PER_PARENT;
  if (requested < 0) throw badInput(`${spec.limitArg} must be 0 or more.`);
  const limit = Math.min(requested, MAX_ITEMS_PER_PARENT);
  // Synthetic nodes are reached only from synthetic parents: real data never shows generated data.
  // Retired facts are kept in the graph but never listed.
  const conditions = [
    '(coalesce(o.synthetic, false) = false OR coalesce(p.synthetic, false))',
    LIVE('o'),
    spec.kind === 'rels' ? LIVE('r') : '',
    // On a day asked for (asOf, from the root field): only what was valid then; undated facts stay.
    args.asOf ? VALID_ON('o') : '',
    args.asOf && spec.kind === 'rels' ? VALID_ON('r') : '',
    args.asOf && spec.kind === 'rels'
      ? `(type(r) <> 'TARGET_FOR' OR r.stage IS NULL OR ${STAGE_ON('r')} IS NOT NULL)`
      : '',
    spec.where,
  ]
    .filter(Boolean)
    .join(' AND ');
  const head = `UNWIND $ids AS pid\nMATCH (p:${label} {id: pid})\nCALL (p) {\n  MATCH ${match}\n  WHERE ${conditions}`;
  if (spec.kind === 'count') {
    return { cypher: `${head}\n  RETURN count(DISTINCT o) AS value\n}\nRETURN pid, value`, limit };
  }
  const carried = spec.kind === 'rels' ? 'o, r' : 'o';
  // p stays in scope for orders that depend on the parent (local firms first)
  const body = `${head}\n  WITH DISTINCT p, ${carried}\n  ORDER BY ${spec.order ?? BY_NAME}\n  LIMIT ${spec.one ? 1 : '$limit'}\n  RETURN ${carried}\n}`;
  const rel = spec.kind === 'rels' ? REL_WITH_ENDS('r') : 'null';
  return { cypher: `${body}\nRETURN pid, ${NODE_MAP('o')} AS node, ${rel} AS rel`, limit };
}

/** Runs one relation field for many parents of one label, inside the caller's transaction. */
export async function fetchRelation(
  tx: ManagedTransaction,
  name: RelationName,
  ids: string[],
  args: Record<string, unknown>,
  access: RelationAccess,
): Promise<RelationRow[]> {
  const relation = relationByName(name);
  if (!relation) throw new Error(`No relation ${name}`);
  const { label, spec } = relation;
  if (spec.needsTargets && !access.canSeeTargets) {
    throw new GraphError(
      'FORBIDDEN',
      `${name} shows investment-promotion targets, which need the analyst role. Send an analyst token.`,
    );
  }
  if (!ids.length) return [];
  const { cypher, limit } = relationQuery(label, spec, args);
  const asOf = typeof args.asOf === 'string' ? args.asOf : null;
  const params: Record<string, unknown> = {
    ids: [...new Set(ids)],
    limit: neo4j.int(limit),
    asOf: asOf ? toNeo4jDate(asOf) : null,
  };
  if (spec.programArg) params.programId = (args.programId as string | undefined) ?? access.defaultProgram ?? null;
  const rows = (await runRows(tx, cypher, params)) as unknown as RelationRow[];
  if (!asOf) return rows;
  // A target's pipeline stage as it stood on asOf (its later stages are not shown).
  return rows.map((row) => (row.rel?.type === 'TARGET_FOR' ? { ...row, rel: stageOnDay(row.rel, asOf) } : row));
}
