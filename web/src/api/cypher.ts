// The researchers' read-only Cypher query (analyst role and above).
import { gql } from './client.js';
import type { CypherQuery, CypherQueryVariables } from './generated.js';

const CYPHER_QUERY = /* GraphQL */ `
  query Cypher($query: String!, $params: JSON) {
    cypher(query: $query, params: $params) { columns rows truncated rowCount }
  }
`;

export const runCypher = (query: string, params?: Record<string, unknown>) =>
  gql<CypherQuery, CypherQueryVariables>(CYPHER_QUERY, { query, params: params ?? null });
