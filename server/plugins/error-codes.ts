// Parse and validation errors are the caller's mistakes: they carry the contract's BAD_USER_INPUT
// (yoga's GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED otherwise), and shape limits keep
// QUERY_TOO_COMPLEX. The HTTP status (400) yoga chose stays.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

function recode(error: unknown): void {
  if (!(error instanceof GraphQLError)) return;
  const extensions = error.extensions as Record<string, unknown>;
  const code = extensions.code;
  if (code === undefined || (typeof code === 'string' && code.startsWith('GRAPHQL_')))
    extensions.code = 'BAD_USER_INPUT';
}

export function useContractErrorCodes(): Plugin {
  return {
    onParse() {
      return ({ result }) => recode(result);
    },
    onValidate() {
      return ({ valid, result }) => {
        if (!valid) result.forEach(recode);
      };
    },
  };
}
