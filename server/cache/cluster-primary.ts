// The primary side of the cluster's freshness relay: "committed" from one worker goes to every
// sibling; the writer is acknowledged once all siblings have bumped their generation (or after a
// timeout, so a dead or stuck sibling cannot hold writes back). The worker side is cluster-relay.ts.
import cluster, { type Worker } from 'node:cluster';
import { isRelayMessage, type RelayMessage } from './cluster-relay.js';

const RELAY_TIMEOUT_MS = 5_000;
let relaySeq = 0;

function relay(from: Worker, id: number): void {
  const siblings = Object.values(cluster.workers ?? {}).filter(
    (worker): worker is Worker => !!worker && worker !== from && worker.isConnected(),
  );
  let remaining = siblings.length;
  const done = () => from.isConnected() && from.send({ kg: 'committed-ack', id } satisfies RelayMessage);
  if (remaining === 0) return void done();
  const timer = setTimeout(done, RELAY_TIMEOUT_MS);
  for (const sibling of siblings) {
    const myId = ++relaySeq;
    const onAck = (message: unknown) => {
      if (!isRelayMessage(message) || message.kg !== 'sibling-ack' || message.id !== myId) return;
      sibling.off('message', onAck);
      if (--remaining === 0) {
        clearTimeout(timer);
        done();
      }
    };
    sibling.on('message', onAck);
    sibling.send({ kg: 'sibling-committed', id: myId } satisfies RelayMessage);
  }
}

/** Relays the commits of `worker` to its siblings (call once per forked worker). */
export function relayCommits(worker: Worker): Worker {
  worker.on('message', (message: unknown) => {
    if (isRelayMessage(message) && message.kg === 'committed') relay(worker, message.id);
  });
  return worker;
}
