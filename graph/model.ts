// The graph model of ../shared/docs/graph-model.md as closed lists: labels, relationship types and
// their allowed ends, enums. Labels and types cannot be Cypher parameters, so every label or type
// spliced into Cypher must come from these lists.
export const LABELS = [
  'Program',
  'Leader',
  'Person',
  'Chain',
  'Segment',
  'District',
  'Institute',
  'University',
  'Enterprise',
  'Goal',
  'Observation',
  'Policy',
  'Source',
] as const;
export type Label = (typeof LABELS)[number];

/** Domain labels carry provenance (sources, quote, confidence, status); Source does not. */
export const DOMAIN_LABELS = LABELS.filter((l) => l !== 'Source') as Exclude<Label, 'Source'>[];

export const ID_PREFIX: Record<Label, string> = {
  Program: 'program',
  Leader: 'leader',
  Person: 'person',
  Chain: 'chain',
  Segment: 'segment',
  District: 'district',
  Institute: 'institute',
  University: 'university',
  Enterprise: 'ent',
  Goal: 'goal',
  Observation: 'obs',
  Policy: 'policy',
  Source: 'source',
};

export function labelOfId(id: string): Label | null {
  const prefix = id.split(':', 1)[0];
  return (Object.entries(ID_PREFIX).find(([, p]) => p === prefix)?.[0] as Label | undefined) ?? null;
}

/** GraphQL EntityType for a label (PROGRAM, LEADER…). */
export const entityTypeOf = (label: Label) => label.toUpperCase();

const ANY_DOMAIN: readonly Label[] = DOMAIN_LABELS;

/** Relationship types with their allowed start and end labels (graph-model.md). */
export const RELATIONSHIPS = {
  COORDINATES: { from: ['Leader'], to: ['Program'] },
  PART_OF: { from: ['Chain', 'Segment'], to: ['Program', 'Chain', 'Segment'] },
  PATRON_OF: { from: ['Leader'], to: ['Chain'] },
  OWNER_OF: { from: ['Leader'], to: ['Chain'] },
  HOLDS: { from: ['Person'], to: ['Leader'] },
  FEEDS: { from: ['Segment'], to: ['Segment'] },
  IN_SEGMENT: { from: ['Enterprise'], to: ['Segment'] },
  LEADS: { from: ['Enterprise'], to: ['Chain', 'Segment'] },
  SUPPLIES: { from: ['Enterprise'], to: ['Enterprise'] },
  SUBSIDIARY_OF: { from: ['Enterprise'], to: ['Enterprise'] },
  TARGET_FOR: { from: ['Enterprise'], to: ['Segment', 'Chain'] },
  LOCATED_IN: { from: ['Enterprise', 'Institute', 'University'], to: ['District'] },
  WITHIN: { from: ['District'], to: ['District'] },
  HOSTS: { from: ['District'], to: ['Chain', 'Segment'] },
  SUPPORTS: { from: ['Institute', 'University', 'Policy'], to: ['Chain', 'Segment'] },
  SPUN_OFF: { from: ['Institute', 'University'], to: ['Enterprise'] },
  CONTROLS: { from: ['Institute', 'University', 'Enterprise'], to: ['Enterprise'] },
  GOAL_OF: { from: ['Goal'], to: ['Chain', 'Segment', 'District', 'Program'] },
  MEASURES: { from: ['Observation'], to: ['Goal'] },
  DESCRIBES: { from: ['Observation'], to: ANY_DOMAIN },
} as const satisfies Record<string, { from: readonly Label[]; to: readonly Label[] }>;
export type RelType = keyof typeof RELATIONSHIPS;
export const REL_TYPES = Object.keys(RELATIONSHIPS) as RelType[];

/** Stable id of a relationship in the API and in Cytoscape: type, start id and end id. */
export const edgeId = (type: string, from: string, to: string) => `${type}:${from}->${to}`;

export const CONFIDENCE = ['high', 'medium', 'low'] as const;
/** retired: kept in the graph for the record (retiredAt, retiredReason), hidden from reads (queries/common.ts LIVE). */
export const STATUS = ['confirmed', 'unverified', 'proposed', 'rejected', 'retired'] as const;
export const CHAIN_KIND = ['key', 'guarantee'] as const;
export const SEGMENT_STAGE = ['upstream', 'midstream', 'downstream'] as const;
export const DISTRICT_KIND = ['city', 'district', 'zone', 'park', 'area'] as const;
export const POLICY_KIND = ['plan', 'measure', 'action', 'platform', 'guarantee', 'funding'] as const;
export const SOURCE_KIND = ['news', 'official', 'repost', 'dataset'] as const;
export const SEGMENT_ROLE = ['core', 'member'] as const;
/** Investment-promotion pipeline, in order (推介 → 竣工投产). */
export const PIPELINE_STAGES = ['推介', '在谈', '签约', '拟开工', '到资', '竣工投产'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/**
 * Operational labels (not domain facts): proposals awaiting review. Analysts may read them, as any
 * node; the audit trail and import records are kept out of the graph (graph/audit-log.ts).
 */
export const OPERATIONAL_LABELS = ['Proposal', 'ImportJob'] as const;
