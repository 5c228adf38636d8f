// Operations of the responsibility view: the leadership posts, and who is accountable for an entity.
import { gql } from './client.js';
import { currentProgram } from './program-scope.js';
import { CITATION_FIELDS, SLICE_FIELDS } from './fragments.js';
import type {
  LeadersQuery,
  LeadersQueryVariables,
  ResponsibilityQuery,
  ResponsibilityQueryVariables,
} from './generated.js';

const LEADERS_QUERY = /* GraphQL */ `
  query Leaders($programId: ID) {
    leaders(programId: $programId) {
      id
      name
      nameEn
      title
      body
      patronOf { id name nameEn identified kind enterpriseCount localEnterpriseCount }
      ownerOf { id name nameEn identified kind enterpriseCount localEnterpriseCount }
      coordinates { id name nameEn }
      holders { person { id name nameEn } validFrom validTo observedOn }
    }
  }
`;

const RESPONSIBILITY_QUERY = /* GraphQL */ `
  query Responsibility($id: ID!, $at: Date) {
    responsibility(id: $id, at: $at) {
      relation
      hops
      leader { id name nameEn title body }
      via { id type name nameEn }
      holders {
        person { id name nameEn }
        validFrom
        validTo
        observedOn
        citations { ...CitationFields }
      }
      role { citations { ...CitationFields } }
      path { ...SliceFields }
    }
  }
  ${SLICE_FIELDS}
  ${CITATION_FIELDS}
`;

export const fetchLeaders = () =>
  gql<LeadersQuery, LeadersQueryVariables>(LEADERS_QUERY, { programId: currentProgram() });
export const fetchResponsibility = (id: string, at?: string | null) =>
  gql<ResponsibilityQuery, ResponsibilityQueryVariables>(RESPONSIBILITY_QUERY, { id, at: at || null });
