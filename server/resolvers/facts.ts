// Resolvers of relationship facts, citations and slices. Values already have the GraphQL shape
// (server/loading/records.ts); only citations may need the lazy fallback, and target stages are
// checked against the caller's role again wherever a TargetRole appears.
import type {
  CitationResolvers,
  EntityRoleResolvers,
  GraphEdgeResolvers,
  GraphNodeResolvers,
  HoldingResolvers,
  LeaderRoleResolvers,
  StageChangeResolvers,
  TargetRoleResolvers,
} from '../generated/graphql.js';
import { citations } from './entity-fields.js';
import { requireRole } from '../plugins/access.js';

export const Citation: CitationResolvers = { source: (c) => c.source, quote: (c) => c.quote };

export const LeaderRole: LeaderRoleResolvers = { citations };
export const EntityRole: EntityRoleResolvers = { citations };
export const Holding: HoldingResolvers = { citations };
export const StageChange: StageChangeResolvers = { citations };

const analystOnly = 'TargetRole (investment-promotion targets)';
export const TargetRole: TargetRoleResolvers = {
  stage: (t, _a, context) => {
    requireRole(context, 'analyst', analystOnly);
    return t.stage;
  },
  stageSince: (t, _a, context) => {
    requireRole(context, 'analyst', analystOnly);
    return t.stageSince;
  },
  history: (t, _a, context) => {
    requireRole(context, 'analyst', analystOnly);
    return t.history;
  },
  citations,
};

export const GraphNode: GraphNodeResolvers = { type: (n) => n.type as never };
export const GraphEdge: GraphEdgeResolvers = { citations };
