// Neo4j stopped in the middle of a seed run: the seed command ends with a clear error (no hang), and
// after Neo4j is started again, rerunning it gives exactly the graph a clean load gives (counts per
// label and type, and a checksum of every node and relationship).
import { describe, expect, it } from 'vitest';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { countsByKind, fingerprint } from '../reliability/lib/graph-fingerprint.js';
import { runTsx, spawnTsx, testDb } from './lib/processes.js';

const db = useTestDb();
const SYNTH = ['seed/cli.ts', 'synth', '--enterprises', '4000', '--seed', '11', '--batch-size', '500'];
const started = Date.now();
const phase = (what: string) =>
  console.log(`seed interrupted: ${what} at ${((Date.now() - started) / 1000).toFixed(0)} s`);
const neo4jEnv = () => ({
  NEO4J_URI: db.settings.uri,
  NEO4J_USER: db.settings.user,
  NEO4J_PASSWORD: db.settings.password,
});

async function syntheticNodes(): Promise<number> {
  const [row] = await db.executor.query('MATCH (e:Enterprise) WHERE e.synthetic = true RETURN count(e) AS n');
  return Number(row.n);
}

// Two separate loads differ in when and by which run each fact was written, and in nothing else.
const STAMPS_APART = { ignoreWriteStamps: true };

describe.runIf(!db.settings.external)('a seed run interrupted by Neo4j stopping', () => {
  it('fails clearly, and a rerun after restart gives the same graph as a clean load', {
    timeout: 900_000,
  }, async () => {
    // The clean reference first.
    await emptyDatabase(db.executor);
    const clean = await runTsx(SYNTH, neo4jEnv());
    expect(clean.code, clean.stderr).toBe(0);
    const reference = {
      fingerprint: await fingerprint(db.executor, STAMPS_APART),
      counts: await countsByKind(db.executor),
    };
    expect(reference.fingerprint.nodes).toBeGreaterThan(4000);
    phase('clean load done');

    // Interrupted: stop Neo4j once part of the firms are written.
    await emptyDatabase(db.executor);
    const child = spawnTsx(SYNTH, neo4jEnv());
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    let written = 0;
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      written = await syntheticNodes();
      if (written > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(written, `the seed run wrote nothing within 4 minutes:\n${output}`).toBeGreaterThan(0);
    await testDb('stop');
    const stoppedAt = Date.now();
    const hang = new Promise<'hang'>((resolve) => setTimeout(() => resolve('hang'), 120_000).unref());
    const code = await Promise.race([exit, hang]);
    if (code === 'hang') child.kill('SIGKILL');
    console.log(
      `seed interrupted: Neo4j stopped with ${written}+ synthetic firms written; the seed command exited ${code} ${((Date.now() - stoppedAt) / 1000).toFixed(1)} s later`,
    );
    expect(code, 'the seed command hung after Neo4j stopped').not.toBe('hang');
    if (code !== 0) expect(output).toMatch(/not answering|unavailable|Neo4j|database/i);

    // Restart and rerun: the same graph as the clean load.
    await testDb('start');
    phase('Neo4j started again');
    const rerun = await runTsx(SYNTH, neo4jEnv());
    expect(rerun.code, rerun.stderr).toBe(0);
    phase('rerun done');
    expect(await countsByKind(db.executor)).toEqual(reference.counts);
    expect(await fingerprint(db.executor, STAMPS_APART)).toEqual(reference.fingerprint);
  });
});
