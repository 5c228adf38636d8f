// Scalars: Date (ISO YYYY-MM-DD strings, checked on input) and JSON (any JSON value).
import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';

function checkDate(value: unknown): string {
  const text = String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.getUTCDate() !== Number(m[3]) || date.getUTCMonth() !== Number(m[2]) - 1) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a date: write YYYY-MM-DD (e.g. 2023-06-28).`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return text;
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
