// The one per-tick batching helper of the read path: everything asked for with the same (request, key)
// during one tick is run together once, so N parents cost one transaction per nesting level, not N.
interface Batch<T, R> {
  items: T[];
  done: Promise<R>;
}

/** Batches of one loader: per request context (weakly held), then per key (a field node, a name…). */
export type BatchStore<T, R> = WeakMap<object, Map<unknown, Batch<T, R>>>;

export const batchStore = <T, R>(): BatchStore<T, R> => new WeakMap();

/** Adds `item` to the open batch of (context, key), opening one that runs on the next tick; resolves
 *  with what `run` returns for the whole batch. */
export function inBatch<T, R>(
  store: BatchStore<T, R>,
  context: object,
  key: unknown,
  item: T,
  run: (items: T[]) => Promise<R>,
): Promise<R> {
  let perContext = store.get(context);
  if (!perContext) {
    perContext = new Map();
    store.set(context, perContext);
  }
  const open = perContext.get(key);
  if (open) {
    open.items.push(item);
    return open.done;
  }
  const batch: Batch<T, R> = { items: [item], done: Promise.resolve() as Promise<R> };
  const batches = perContext;
  batch.done = new Promise<R>((resolve, reject) =>
    setImmediate(() => {
      batches.delete(key); // items asked for from now on form the next batch
      run(batch.items).then(resolve, reject);
    }),
  );
  batches.set(key, batch);
  return batch.done;
}
