// Operations of the overview: the program, its coordinators, chains, sponsors and owners.
import { gql } from './client.js';
import type { OverviewQuery } from './generated.js';

const OVERVIEW_QUERY = /* GraphQL */ `
  query Overview {
    programs {
      id
      name
      nameEn
      declaredKeyChains
      declaredGuaranteeChains
      issuedOn
      coordinators { relation status leader { id name nameEn title body } }
      chains {
        id
        name
        nameEn
        kind
        identified
        priority
        status
        confidence
        enterpriseCount
        localEnterpriseCount
        patrons { relation status leader { id name nameEn title body } }
        owners { relation status leader { id name nameEn title body holders { person { id name nameEn } } } }
      }
    }
  }
`;

export const fetchOverview = () => gql<OverviewQuery>(OVERVIEW_QUERY);
