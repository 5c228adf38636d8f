// Resolvers of the entity types (one block per type of entities.graphql). Properties read the record;
// relation fields read what the root transaction prefetched. Typed by the generated resolver types,
// so renaming a field in the SDL without updating this file fails `tsc`.
import type {
  ChainResolvers,
  DistrictResolvers,
  EnterpriseResolvers,
  EntityResolvers,
  GoalResolvers,
  InstituteResolvers,
  LeaderResolvers,
  ObservationResolvers,
  PersonResolvers,
  PolicyResolvers,
  ProgramResolvers,
  SegmentResolvers,
  SourceResolvers,
  UniversityResolvers,
} from '../generated/graphql.js';
import { entityFields, listProp, prop, relation } from './entity-fields.js';

export const Entity: EntityResolvers = {
  __resolveType: (record) => record.label,
};

export const Program: ProgramResolvers = {
  ...entityFields,
  declaredKeyChains: prop,
  declaredGuaranteeChains: prop,
  issuedOn: prop,
  chains: relation,
  coordinators: relation,
  kpis: relation,
};

export const Leader: LeaderResolvers = {
  ...entityFields,
  title: (r) => String(r.props.title ?? r.props.name ?? r.id),
  body: prop,
  patronOf: relation,
  ownerOf: relation,
  coordinates: relation,
  roles: relation,
  holders: relation,
};

export const Person: PersonResolvers = { ...entityFields, holds: relation };

export const Chain: ChainResolvers = {
  ...entityFields,
  kind: (r) => (String(r.props.kind).toLowerCase() === 'guarantee' ? 'GUARANTEE' : 'KEY'),
  identified: (r) => r.props.identified !== false,
  priority: prop,
  program: relation,
  patrons: relation,
  owners: relation,
  segments: relation,
  allSegments: relation,
  districts: relation,
  supporters: relation,
  leadEnterprises: relation,
  policies: relation,
  kpis: relation,
  observations: relation,
  enterpriseCount: relation,
  localEnterpriseCount: relation,
  targets: relation,
};

export const Segment: SegmentResolvers = {
  ...entityFields,
  level: (r) => Number(r.props.level ?? 1),
  stage: prop,
  code: prop,
  chain: relation,
  parent: relation,
  children: relation,
  feeds: relation,
  fedBy: relation,
  enterprises: relation,
  enterpriseCount: relation,
  localEnterpriseCount: relation,
  districts: relation,
  supporters: relation,
  leadEnterprises: relation,
  kpis: relation,
  targets: relation,
};

export const District: DistrictResolvers = {
  ...entityFields,
  kind: prop,
  areaKm2: prop,
  parent: relation,
  children: relation,
  hosts: relation,
  located: relation,
  kpis: relation,
};

export const Institute: InstituteResolvers = {
  ...entityFields,
  districts: relation,
  supports: relation,
  spunOff: relation,
  controls: relation,
};
export const University: UniversityResolvers = {
  ...entityFields,
  districts: relation,
  supports: relation,
  spunOff: relation,
  controls: relation,
};

export const Enterprise: EnterpriseResolvers = {
  ...entityFields,
  // derived from its location for the program asked (default KG_DEFAULT_PROGRAM), never the stored flag
  local: relation,
  tags: listProp,
  uscc: prop,
  outputYuan: prop,
  segments: relation,
  chains: relation,
  leads: relation,
  districts: relation,
  customers: relation,
  suppliers: relation,
  parents: relation,
  subsidiaries: relation,
  controlledBy: relation,
  controls: relation,
  spunOffFrom: relation,
  targetFor: relation,
};

export const Goal: GoalResolvers = {
  ...entityFields,
  metric: (r) => String(r.props.metric ?? r.props.name ?? r.id),
  targetValue: prop,
  unit: prop,
  deadline: prop,
  code: prop,
  of: relation,
  observations: relation,
};

export const Observation: ObservationResolvers = {
  ...entityFields,
  metric: (r) => String(r.props.metric ?? r.props.name ?? r.id),
  value: (r) => Number(r.props.value),
  unit: prop,
  asOf: prop,
  measures: relation,
  describes: relation,
};

export const Policy: PolicyResolvers = {
  ...entityFields,
  kind: prop,
  issuedOn: prop,
  issuer: prop,
  amountYuan: prop,
  supports: relation,
};

export const Source: SourceResolvers = {
  ...entityFields,
  url: prop,
  publisher: prop,
  publishedOn: prop,
  kind: prop,
  quality: prop,
};
