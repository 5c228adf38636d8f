// Scalars: Date (ISO YYYY-MM-DD strings, checked on input) and JSON (any JSON value).
import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { isRealDate } from '../../graph/model-rules.js';

function checkDate(value: unknown): string {
  // The one real-date rule of graph/model-rules.ts (no 2023-02-30), checked before any resolver runs.
  if (!isRealDate(value)) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a date: write YYYY-MM-DD (e.g. 2023-06-28).`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date as an ISO string (YYYY-MM-DD).',
  serialize: (value) => String(value).slice(0, 10),
  parseValue: checkDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('A Date is a string YYYY-MM-DD.', { extensions: { code: 'BAD_USER_INPUT' } });
    return checkDate(ast.value);
  },
});

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value. Integers and floats are plain JSON numbers, dates ISO strings.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
