// `layeredLayout`: positions of a drawn graph from the server's ELK thread (server/layout/layered.ts);
// bad input (too large, an edge to a node not given) is the caller's to fix.
import { badUserInput } from '../errors.js';
import type { QueryResolvers } from '../generated/graphql.js';
import { LayoutInputError, layeredLayout } from '../layout/layered.js';

export const layoutQuery: Pick<QueryResolvers, 'layeredLayout'> = {
  layeredLayout: async (_parent, { nodes, edges, direction }) => {
    try {
      return await layeredLayout.place(nodes, edges, direction ?? 'RIGHT');
    } catch (error) {
      if (error instanceof LayoutInputError) throw badUserInput(error.message);
      throw error;
    }
  },
};
