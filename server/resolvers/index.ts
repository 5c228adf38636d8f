// Resolver map of the whole schema, one file per domain.
import type { AppContext } from '../context.js';

export const resolvers = {
  Query: {
    programs: (_: unknown, __: unknown, { executor }: AppContext) =>
      executor.query('MATCH (p:Program) RETURN p.id AS id, p.name AS name, p.nameEn AS nameEn ORDER BY p.id'),
  },
};
