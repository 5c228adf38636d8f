// Operations of the explorer: search, neighbourhoods, paths and the details of one entity.
import { gql } from './client.js';
import { currentProgram } from './program-scope.js';
import { CITATION_FIELDS, SLICE_FIELDS } from './fragments.js';
import type {
  EntityType,
  NeighborhoodQuery,
  NeighborhoodQueryVariables,
  NodeDetailsQuery,
  NodeDetailsQueryVariables,
  PathQuery,
  PathQueryVariables,
  SearchQuery,
  SearchQueryVariables,
} from './generated.js';

const SEARCH_QUERY = /* GraphQL */ `
  query Search($text: String!, $types: [EntityType!], $first: Int, $programId: ID) {
    search(text: $text, types: $types, first: $first, programId: $programId) {
      score
      matchedOn
      entity { id type name nameEn aliases }
    }
  }
`;

const NEIGHBORHOOD_QUERY = /* GraphQL */ `
  query Neighborhood($id: ID!, $depth: Int, $limit: Int, $types: [EntityType!]) {
    neighborhood(id: $id, depth: $depth, limit: $limit, types: $types) { ...SliceFields }
  }
  ${SLICE_FIELDS}
  ${CITATION_FIELDS}
`;

const PATH_QUERY = /* GraphQL */ `
  query Path($from: ID!, $to: ID!, $maxHops: Int) {
    path(from: $from, to: $to, maxHops: $maxHops) { ...SliceFields }
  }
  ${SLICE_FIELDS}
  ${CITATION_FIELDS}
`;

const NODE_DETAILS_QUERY = /* GraphQL */ `
  query NodeDetails($id: ID!) {
    node(id: $id) {
      id
      type
      name
      nameEn
      aliases
      confidence
      status
      synthetic
      data
      citations { ...CitationFields }
      ... on Source { url publisher publishedOn kind quality }
    }
  }
  ${CITATION_FIELDS}
`;

export const searchEntities = (text: string, first = 10, types?: EntityType[], signal?: AbortSignal) =>
  gql<SearchQuery, SearchQueryVariables>(SEARCH_QUERY, { text, first, types, programId: currentProgram() }, { signal });
export const fetchNeighborhood = (id: string, depth = 1, limit = 200, types?: EntityType[]) =>
  gql<NeighborhoodQuery, NeighborhoodQueryVariables>(NEIGHBORHOOD_QUERY, { id, depth, limit, types });
export const fetchPath = (from: string, to: string, maxHops = 6) =>
  gql<PathQuery, PathQueryVariables>(PATH_QUERY, { from, to, maxHops });
export const fetchNodeDetails = (id: string) =>
  gql<NodeDetailsQuery, NodeDetailsQueryVariables>(NODE_DETAILS_QUERY, { id });
