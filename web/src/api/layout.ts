// The server's layered layout (server/schema/layout.graphql): positions for a drawn graph, computed
// once per distinct graph on the server, so the page does not fetch and start its own ELK worker.
import { gql } from './client.js';
import type { LayeredLayoutQuery, LayeredLayoutQueryVariables } from './generated.js';

export const LAYERED_LAYOUT_QUERY = /* GraphQL */ `
  query LayeredLayout($nodes: [LayoutNodeInput!]!, $edges: [LayoutEdgeInput!]!) {
    layeredLayout(nodes: $nodes, edges: $edges) { id x y }
  }
`;

export async function fetchLayeredLayout(variables: LayeredLayoutQueryVariables) {
  return (await gql<LayeredLayoutQuery, LayeredLayoutQueryVariables>(LAYERED_LAYOUT_QUERY, variables)).layeredLayout;
}
