// Several server processes behind one port: KG_WORKERS=N (default 1 = just server/main.ts) forks N
// workers with node:cluster; they share the listening socket, and the primary relays each worker's
// commits to the others (server/cache/cluster-primary.ts). The first worker starts alone (it may start
// the local database and load the data), the rest once it listens.
import cluster from 'node:cluster';
import { relayCommits } from './cache/cluster-primary.js';

const workers = Number(process.env.KG_WORKERS ?? '1');
if (!Number.isInteger(workers) || workers < 1) {
  console.error(`Error: KG_WORKERS must be an integer ≥ 1 (got "${process.env.KG_WORKERS}")`);
  process.exit(1);
}

if (workers === 1 || !cluster.isPrimary) {
  await import('./main.js');
} else {
  const fork = () => relayCommits(cluster.fork());
  fork().once('listening', () => {
    for (let i = 1; i < workers; i++) fork();
  });
  cluster.on('exit', (worker, code) => {
    console.error(`Worker ${worker.process.pid} exited (${code}).`);
    if (code !== 0) fork();
  });
}
