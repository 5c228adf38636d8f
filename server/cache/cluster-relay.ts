// The worker side of the cluster's freshness relay: a write committed here is told to the primary,
// and the answer waits until the primary reports every sibling has bumped its generation, so no
// process serves an answer from before an acknowledged write. The primary side is server/cluster.ts.
import cluster from 'node:cluster';
import type { ResponseCache } from './response-cache.js';

export interface RelayMessage {
  kg: 'committed' | 'committed-ack' | 'sibling-committed' | 'sibling-ack';
  id: number;
}

export const isRelayMessage = (message: unknown): message is RelayMessage =>
  typeof message === 'object' && message !== null && typeof (message as RelayMessage).kg === 'string';

/** In a cluster worker, links the cache to the primary's relay; elsewhere does nothing. */
export function attachWorkerRelay(cache: ResponseCache | null): void {
  if (!cluster.isWorker || !cache) return;
  let next = 0;
  const waiting = new Map<number, () => void>();
  process.on('message', (message: unknown) => {
    if (!isRelayMessage(message)) return;
    if (message.kg === 'sibling-committed') {
      cache.siblingCommitted();
      process.send?.({ kg: 'sibling-ack', id: message.id } satisfies RelayMessage);
    } else if (message.kg === 'committed-ack') {
      waiting.get(message.id)?.();
      waiting.delete(message.id);
    }
  });
  cache.relay = () =>
    new Promise<void>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      process.send?.({ kg: 'committed', id } satisfies RelayMessage);
    });
}
