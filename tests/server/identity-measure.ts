// `npx tsx tests/server/identity-measure.ts`: what identity costs a request (token lookup over N entries,
// constant time, plus the due stat check) and how soon a changed tokens file is in force (watcher).
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTokensChanged } from '../../server/auth/index.js';
import { parseTokenLines } from '../../server/auth/token-lines.js';
import { TokenStore } from '../../server/auth/token-store.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-identity-measure-'));
const lines = (n: number, salt = '') =>
  Array.from({ length: n }, (_, i) => `editor:user${i}:token-${salt}${String(i).padStart(12, '0')}`).join('\n');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const n of [3, 100, 1000]) {
  const store = new TokenStore({
    fixed: parseTokenLines(lines(n), 'm'),
    file: null,
    fileEntries: [],
    checkIntervalMs: 0,
  });
  const rounds = 20_000;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) store.lookup(`unknown-token-${i}`);
  console.log(
    `lookup of an unknown token over ${n} entries: ${((1000 * (performance.now() - started)) / rounds).toFixed(1)} µs`,
  );
}

const file = join(dir, 'tokens.txt');
writeFileSync(file, lines(50));
const store = new TokenStore(
  { fixed: [], file, fileEntries: parseTokenLines(lines(50), 'm'), checkIntervalMs: 3000 },
  () => {},
);
// The watcher does not keep a process alive (persistent: false); this timer does while measuring.
const keepAlive = setInterval(() => {}, 1000);
const latencies: number[] = [];
for (let round = 0; round < 10; round++) {
  const seen = new Promise<number>((resolve) => {
    const stop = onTokensChanged(() => {
      stop();
      resolve(performance.now());
    });
  });
  const started = performance.now();
  writeFileSync(`${file}.tmp`, lines(50, `r${round}`));
  renameSync(`${file}.tmp`, file);
  latencies.push((await seen) - started);
}
console.log(
  `tokens file replaced → change in force (watcher, 50 ms debounce): median ${median(latencies).toFixed(0)} ms, worst ${Math.max(...latencies).toFixed(0)} ms over 10`,
);
store.close();
clearInterval(keepAlive);
rmSync(dir, { recursive: true, force: true });
