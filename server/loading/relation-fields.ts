// Which API field reads which graph relation: the GraphQL schema's names on the left, graph/'s relation
// names on the right, so renaming an API field is an edit here and in the schema, never in graph/.
import { type RelationName, type RelationSpec, relationByName } from '../../graph/queries/relations.js';

const RELATION_FIELDS: Record<string, Record<string, RelationName>> = {
  Program: {
    chains: 'Program.chains',
    coordinators: 'Program.coordinators',
    kpis: 'Program.goals',
  },
  Leader: {
    patronOf: 'Leader.patronOf',
    ownerOf: 'Leader.ownerOf',
    coordinates: 'Leader.coordinates',
    roles: 'Leader.roles',
    holders: 'Leader.holders',
  },
  Person: {
    holds: 'Person.holds',
  },
  Chain: {
    program: 'Chain.program',
    patrons: 'Chain.patrons',
    owners: 'Chain.owners',
    segments: 'Chain.segments',
    allSegments: 'Chain.allSegments',
    districts: 'Chain.districts',
    supporters: 'Chain.supporters',
    leadEnterprises: 'Chain.leadEnterprises',
    policies: 'Chain.policies',
    kpis: 'Chain.goals',
    observations: 'Chain.observations',
    enterpriseCount: 'Chain.enterpriseCount',
    localEnterpriseCount: 'Chain.localEnterpriseCount',
    targets: 'Chain.targets',
  },
  Segment: {
    chain: 'Segment.chain',
    parent: 'Segment.parent',
    children: 'Segment.children',
    feeds: 'Segment.feeds',
    fedBy: 'Segment.fedBy',
    enterprises: 'Segment.enterprises',
    enterpriseCount: 'Segment.enterpriseCount',
    localEnterpriseCount: 'Segment.localEnterpriseCount',
    districts: 'Segment.districts',
    supporters: 'Segment.supporters',
    leadEnterprises: 'Segment.leadEnterprises',
    kpis: 'Segment.goals',
    targets: 'Segment.targets',
  },
  District: {
    parent: 'District.parent',
    children: 'District.children',
    hosts: 'District.hosts',
    located: 'District.located',
    kpis: 'District.goals',
  },
  Institute: {
    districts: 'Institute.districts',
    supports: 'Institute.supports',
    spunOff: 'Institute.spunOff',
    controls: 'Institute.controls',
  },
  University: {
    districts: 'University.districts',
    supports: 'University.supports',
    spunOff: 'University.spunOff',
    controls: 'University.controls',
  },
  Enterprise: {
    segments: 'Enterprise.segments',
    chains: 'Enterprise.chains',
    leads: 'Enterprise.leads',
    districts: 'Enterprise.districts',
    customers: 'Enterprise.suppliesTo',
    suppliers: 'Enterprise.suppliedBy',
    parents: 'Enterprise.parents',
    subsidiaries: 'Enterprise.subsidiaries',
    controlledBy: 'Enterprise.controlledBy',
    controls: 'Enterprise.controls',
    spunOffFrom: 'Enterprise.spunOffFrom',
    targetFor: 'Enterprise.targetFor',
    local: 'Enterprise.local',
  },
  Goal: {
    of: 'Goal.of',
    observations: 'Goal.observations',
  },
  Observation: {
    measures: 'Observation.measures',
    describes: 'Observation.describes',
  },
  Policy: {
    supports: 'Policy.supports',
  },
};

export interface FieldRelation {
  name: RelationName;
  spec: RelationSpec;
}

/** The relation a field of an entity type reads, or null for a plain (or computed) field. */
export function relationOfField(typeName: string, field: string): FieldRelation | null {
  const name = RELATION_FIELDS[typeName]?.[field];
  if (!name) return null;
  const relation = relationByName(name);
  if (!relation) throw new Error(`${typeName}.${field} maps to ${name}, which graph/ does not define`);
  return { name, spec: relation.spec };
}
