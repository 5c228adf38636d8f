// The reference of the trivial-query figure: plain graphql-yoga serving the product's own SDL with
// trivial (default) resolvers and no plugins, so product ÷ this is what the product's plugins,
// context and per-request objects cost.
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createYoga } from 'graphql-yoga';
import { readTypeDefs } from '../../../server/schema/index.js';

export function plainYoga() {
  return createYoga({
    schema: makeExecutableSchema({ typeDefs: readTypeDefs() }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: 'warn',
  });
}
