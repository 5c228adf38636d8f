// `npm run bench:trivial [-- --runs N --seconds S]`: the trivial-query figure alone (product ÷ plain
// yoga ÷ bare node:http), without a database: `{ __typename }` never reaches Neo4j and the driver
// connects lazily. For quick rounds while removing overhead; `npm run bench` prints the same figure.
import neo4j from 'neo4j-driver';
import { benchApp } from './lib/api-bench.js';
import { measureTrivialThroughput } from './lib/throughput.js';

const arg = (flag: string, fallback: number) => {
  const i = process.argv.indexOf(flag);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'unused'));
const bench = benchApp(driver);
const started = Date.now();
const figures = await measureTrivialThroughput(bench.app, {
  group: 'Throughput (no database)',
  durationS: arg('--seconds', 5),
  runs: arg('--runs', 3),
  log: console.log,
});
for (const f of figures)
  console.log(
    `${f.name}: ${f.value.median.toFixed(0)} req/s (p95 ${f.value.p95.toFixed(0)}, n ${f.value.n}) ÷ ${f.reference.name} ${f.reference.value.median.toFixed(0)} req/s = ${f.ratio.toFixed(2)}x; ${f.note}`,
  );
console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
await driver.close();
process.exit(0);
