// Yoga plugin of the response cache: a cacheable read is answered from memory when the cache holds it
// at the current freshness token; a mutation bumps the generation once it is done (its transaction
// committed), before its answer leaves. Mutations, errors and the reads of state outside the graph
// (audit file, job progress) are never cached.
import { type DocumentNode, getOperationAST, Kind, type OperationDefinitionNode, print } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AppContext } from '../context.js';
import type { ResponseCache } from './response-cache.js';

/** Query fields whose answers live outside the graph or change without a committed write. */
const UNCACHED_FIELDS = new Set(['auditTrail', 'importJob', 'importJobs', 'briefingFormats']);

const printed = new WeakMap<DocumentNode, string>();
const normalised = (document: DocumentNode) => {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
};

function cacheableRead(operation: OperationDefinitionNode | null | undefined): boolean {
  if (operation?.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && !UNCACHED_FIELDS.has(selection.name.value),
  );
}

export function useResponseCache(cache: ResponseCache): Plugin<AppContext> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      if (!cache.enabled) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation === 'mutation')
        return {
          // any mutation may have written (even a failed one may have committed part of a batch)
          onExecuteDone: () => cache.committed(),
        };
      if (!cacheableRead(operation)) return;
      const context = args.contextValue as AppContext;
      const key = JSON.stringify([
        await cache.token(),
        context.role,
        context.actor.fingerprint,
        args.operationName ?? null,
        normalised(args.document),
        args.variableValues ?? {},
      ]);
      const hit = cache.get(key);
      if (hit !== undefined) {
        setResultAndStopExecution({ data: JSON.parse(hit), extensions: { responseCache: 'hit' } });
        return;
      }
      return {
        onExecuteDone({ result }) {
          if (!result || Symbol.asyncIterator in (result as object)) return;
          const single = result as { data?: unknown; errors?: readonly unknown[] };
          if (single.errors?.length || single.data == null) return;
          cache.set(key, JSON.stringify(single.data), context.actor.fingerprint);
        },
      };
    },
  };
}
