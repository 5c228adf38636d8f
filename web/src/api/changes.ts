// The "changes since" panel's operation: what the graph learned since a day, in a scope, with sources.
import { gql } from './client.js';
import type { ChangesQuery, ChangesQueryVariables } from './generated.js';

export const CHANGES_QUERY = /* GraphQL */ `
  query Changes($since: Date!, $until: Date, $scope: ChangeScope) {
    changes(since: $since, until: $until, scope: $scope, first: 200) {
      since
      until
      truncated
      changes {
        kind
        at
        target
        labelOrType
        name
        status
        retiredReason
        who
        citations { quote source { id name publisher publishedOn } }
      }
    }
  }
`;

export const fetchChanges = (variables: ChangesQueryVariables, signal?: AbortSignal) =>
  gql<ChangesQuery, ChangesQueryVariables>(CHANGES_QUERY, variables, { signal });
