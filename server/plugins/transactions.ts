// Reports the number of database transactions an operation used in `extensions.transactions`, so
// tests (and curious users) can check "one transaction per root field".
import type { Plugin } from 'graphql-yoga';
import type { AppContext } from '../context.js';

export function useTransactionCount(): Plugin<AppContext> {
  return {
    onExecute({ args }) {
      const context = args.contextValue as AppContext;
      return {
        onExecuteDone({ result, setResult }) {
          if (!result || Symbol.asyncIterator in (result as object)) return;
          const single = result as { extensions?: Record<string, unknown> };
          setResult({
            ...(result as object),
            extensions: { ...single.extensions, transactions: context.executor.transactions },
          });
        },
      };
    },
  };
}
