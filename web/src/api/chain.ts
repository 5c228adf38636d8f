// Operations of the chain view: a chain's segments (all levels) and the firms of one segment.
import { gql } from './client.js';
import { currentAsOf } from './as-of.js';
import { currentProgram } from './program-scope.js';
import type {
  ChainListQuery,
  ChainListQueryVariables,
  ChainViewQuery,
  ChainViewQueryVariables,
  SegmentFirmsQuery,
  SegmentFirmsQueryVariables,
} from './generated.js';

export const CHAIN_VIEW_QUERY = /* GraphQL */ `
  query ChainView($id: ID!, $asOf: Date) {
    chain(id: $id, asOf: $asOf) {
      id
      name
      nameEn
      kind
      identified
      status
      confidence
      data
      enterpriseCount
      localEnterpriseCount
      patrons { relation leader { id name nameEn } }
      owners { relation leader { id name nameEn } }
      allSegments {
        id
        name
        nameEn
        level
        stage
        status
        confidence
        enterpriseCount
        localEnterpriseCount
        parent { id }
        feeds { id }
      }
    }
  }
`;

const SEGMENT_FIRMS_QUERY = /* GraphQL */ `
  query SegmentFirms($id: ID!, $first: Int!, $programId: ID) {
    node(id: $id) {
      ... on Segment {
        id
        enterpriseCount
        enterprises(first: $first) {
          role
          relation
          status
          confidence
          entity {
            id
            type
            name
            nameEn
            status
            confidence
            ... on Enterprise { local(programId: $programId) tags }
          }
        }
      }
    }
  }
`;

export const fetchChain = (id: string) =>
  gql<ChainViewQuery, ChainViewQueryVariables>(CHAIN_VIEW_QUERY, { id, asOf: currentAsOf() });
export const fetchSegmentFirms = (id: string, first: number) =>
  // local to the program the page looks at (its region), not the server's default
  gql<SegmentFirmsQuery, SegmentFirmsQueryVariables>(SEGMENT_FIRMS_QUERY, { id, first, programId: currentProgram() });

const CHAIN_LIST_QUERY = /* GraphQL */ `
  query ChainList($programId: ID) {
    chains(programId: $programId) { id name nameEn kind identified priority }
  }
`;

export const fetchChainList = () =>
  gql<ChainListQuery, ChainListQueryVariables>(CHAIN_LIST_QUERY, { programId: currentProgram() });
