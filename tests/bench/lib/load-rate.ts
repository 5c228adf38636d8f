// Load rate of the seed loader (`npm run seed -- synth`, records/s into an empty database) against
// `neo4j-admin database import full` of the same data exported to CSV (the offline ceiling; the
// database is stopped for it). The import is checked to give the very same graph (fingerprint).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { instanceHome } from '../../../graph/runtime/instance-config.js';
import { runSynth, type SynthRunReport } from '../../../seed/synth/synth-run.js';
import { countsByKind, fingerprint } from '../../reliability/lib/graph-fingerprint.js';
import { adminImport, type BenchInstance } from './bench-instance.js';
import { exportForImport } from './csv-export.js';
import type { Figure, NotMeasured } from './report.js';
import { ratio, summarize } from './stats.js';

export interface LoadRateOptions {
  group: string;
  /** How the imported graph is compared with the loaded one: every node and relationship (checksum), or counts per label and type. */
  verify?: 'checksum' | 'counts';
  enterprises: number;
  seed: number;
  runs: number;
  log: (line: string) => void;
}

/** Replaces the instance's database by an empty one, schema included: its store and transaction log
 *  are deleted while the server is stopped, and Neo4j creates the default database afresh on start. */
export async function emptyBenchDatabase(instance: BenchInstance): Promise<void> {
  const [row] = await instance.executor.query('MATCH (n) RETURN count(n) > 0 AS any');
  const [schema] = await instance.executor.query(
    'SHOW INDEXES YIELD name WHERE NOT name STARTS WITH "index_" RETURN count(*) > 0 AS any',
  );
  if (!row.any && !schema.any) return;
  await instance.stop();
  const home = instanceHome(instance.spec);
  for (const dir of ['data/databases/neo4j', 'data/transactions/neo4j'])
    rmSync(join(home, dir), { recursive: true, force: true });
  await instance.start();
}

/** Loads the synthetic data `runs` times into an empty database; the last load stays for what follows. */
export async function measureSeedLoad(
  instance: BenchInstance,
  options: LoadRateOptions,
): Promise<{ rates: number[]; last: SynthRunReport }> {
  const rates: number[] = [];
  let last: SynthRunReport | undefined;
  for (let i = 0; i < options.runs; i++) {
    await emptyBenchDatabase(instance);
    last = await runSynth(instance.executor, {
      enterprises: options.enterprises,
      seed: options.seed,
      manifestPath: join(instanceHome(instance.spec), `manifest-${options.enterprises}.json`),
    });
    rates.push(last.recordsPerSecond);
    options.log(
      `  seed loader: ${last.records.toLocaleString('en-US')} records in ${last.loadSeconds.toFixed(1)} s (${last.recordsPerSecond.toLocaleString('en-US')} records/s)`,
    );
  }
  return { rates, last: last! };
}

/** Exports what is in the database, imports it offline `runs` times, checks the graph is unchanged. */
export async function measureOfflineImport(
  instance: BenchInstance,
  seedRates: number[],
  options: LoadRateOptions,
): Promise<{ figures: Figure[]; notMeasured: NotMeasured[] }> {
  const check = async () =>
    options.verify === 'counts'
      ? JSON.stringify(await countsByKind(instance.executor))
      : JSON.stringify(await fingerprint(instance.executor, { dropEmptyLists: true }));
  const before = await check();
  const dir = join(instanceHome(instance.spec), 'import', `csv-${options.enterprises}`);
  const exportStarted = performance.now();
  const files = await exportForImport(instance.executor, dir);
  const exportS = (performance.now() - exportStarted) / 1000;
  const records = files.nodeCount + files.relationshipCount;
  await instance.stop();
  const importRates: number[] = [];
  try {
    for (let i = 0; i < options.runs; i++) {
      const { ms } = adminImport(instance.spec, files);
      importRates.push((records / ms) * 1000);
      options.log(`  neo4j-admin import: ${records.toLocaleString('en-US')} records in ${(ms / 1000).toFixed(1)} s`);
    }
  } finally {
    await instance.start();
  }
  const after = await check();
  rmSync(dir, { recursive: true, force: true });
  const same = after === before;
  const compared =
    options.verify === 'counts'
      ? 'counts per label and type'
      : 'counts and checksum; empty lists, which the CSV format cannot carry, left out';
  const value = summarize(seedRates, 'higher');
  const reference = summarize(importRates, 'higher');
  return {
    figures: [
      {
        group: options.group,
        name: `seed loader (synth ${options.enterprises.toLocaleString('en-US')} enterprises, ${records.toLocaleString('en-US')} records)`,
        unit: 'records/s',
        direction: 'higher',
        value,
        reference: { name: 'neo4j-admin database import full, same data as CSV', value: reference },
        ratio: ratio(value.median, reference.median),
        note: `import includes its JVM start; CSV export took ${exportS.toFixed(1)} s; imported graph ${same ? `identical (${compared})` : `DIFFERS from the loaded one (${compared})`}`,
      },
    ],
    notMeasured: [],
  };
}
