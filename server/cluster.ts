// Several server processes behind one port: KG_WORKERS=N (default 1 = just server/main.ts) forks N
// workers with node:cluster; they share the listening socket. The primary relays "committed" from the
// worker that wrote to every sibling and acknowledges once all have bumped their cache generation.
// The first worker starts alone (it may start the local database and load the data), the rest after it listens.
import cluster, { type Worker } from 'node:cluster';
import { isRelayMessage, type RelayMessage } from './cache/cluster-relay.js';

const workers = Number(process.env.KG_WORKERS ?? '1');
if (!Number.isInteger(workers) || workers < 1) {
  console.error(`Error: KG_WORKERS must be an integer ≥ 1 (got "${process.env.KG_WORKERS}")`);
  process.exit(1);
}

/** A dead or stuck sibling must not hold writes back forever. */
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

if (workers === 1 || !cluster.isPrimary) {
  await import('./main.js');
} else {
  const fork = () => {
    const worker = cluster.fork();
    worker.on('message', (message: unknown) => {
      if (isRelayMessage(message) && message.kg === 'committed') relay(worker, message.id);
    });
    return worker;
  };
  fork().once('listening', () => {
    for (let i = 1; i < workers; i++) fork();
  });
  cluster.on('exit', (worker, code) => {
    console.error(`Worker ${worker.process.pid} exited (${code}); starting another.`);
    if (code !== 0) fork();
  });
}
