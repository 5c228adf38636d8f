// Query shape limits (graphql-armor): depth, cost, aliases, directives and tokens. A refused query
// gets `extensions.code: QUERY_TOO_COMPLEX` and a message saying how to fix it (400, before execution).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// Cost: 2 per object and 1 per scalar field, ×1.5 per level, × a literal `first` argument (armor's
// model). Fragments count like the fields they spread.
export const LIMITS = {
  /** Deep enough for chain → segments → children → enterprises → entity → districts → entity → citations → source. */
  maxDepth: 12,
  maxCost: 20_000,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5_000,
};

const tooComplex = (advice: string) => (_context: unknown, error: GraphQLError) => {
  const limit = error.message.replace(/^Syntax Error:\s*/, '');
  (error as { message: string }).message = `Query too complex: ${limit} ${advice}`;
  (error.extensions as Record<string, unknown>).code = 'QUERY_TOO_COMPLEX';
  (error.extensions as Record<string, unknown>).http = { status: 400 };
};

export function useArmor(): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: {
      n: LIMITS.maxDepth,
      flattenFragments: true,
      onReject: [
        tooComplex('Ask for fewer nested levels, or query the deeper part from its own root field (node, chain…).'),
      ],
    },
    costLimit: {
      maxCost: LIMITS.maxCost,
      flattenFragments: true,
      onReject: [tooComplex('Select fewer fields or split the query.')],
    },
    maxAliases: { n: LIMITS.maxAliases, onReject: [tooComplex('Use fewer aliases, or send several requests.')] },
    maxDirectives: { n: LIMITS.maxDirectives, onReject: [tooComplex('Use fewer directives.')] },
    maxTokens: { n: LIMITS.maxTokens, onReject: [tooComplex('Send a shorter query.')] },
    blockFieldSuggestion: { enabled: false },
  }) as Plugin;
}
