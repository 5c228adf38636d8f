// Backup and restore: dump the database, reset the instance (all data deleted), load the dump: the
// same nodes, relationships and checksum as before, on the Changchun data plus synthetic firms.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTANCES } from '../../graph/runtime/instance-config.js';
import { dumpInstance, loadInstance, resetInstance, startInstance } from '../../graph/runtime/instance.js';
import { runSynth } from '../../seed/synth/synth-run.js';
import { validateAndLoad } from '../../seed/load/load.js';
import { countAll, emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { countsByKind, fingerprint } from '../reliability/lib/graph-fingerprint.js';

const db = useTestDb();

describe.runIf(!db.settings.external)('dump, reset and load', () => {
  it('restores identical counts and checksum', { timeout: 900_000 }, async () => {
    const started = Date.now();
    const phase = (what: string) =>
      console.log(`dump/load: ${what} at ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await emptyDatabase(db.executor);
    await validateAndLoad(db.executor);
    const dir = mkdtempSync(join(tmpdir(), 'kg-dump-fault-'));
    await runSynth(db.executor, { enterprises: 3000, seed: 9, manifestPath: join(dir, 'manifest.json') });
    const before = { fingerprint: await fingerprint(db.executor), counts: await countsByKind(db.executor) };

    phase('data loaded');
    const file = await dumpInstance(INSTANCES.test, join(dir, 'backup.dump'), () => {});
    phase('dumped');
    resetInstance(INSTANCES.test, () => {});
    await startInstance(INSTANCES.test, () => {});
    expect(await countAll(db.executor)).toEqual({ nodes: 0, relationships: 0 });

    phase('reset and started empty');
    await loadInstance(INSTANCES.test, file, () => {});
    phase('loaded');
    const after = { fingerprint: await fingerprint(db.executor), counts: await countsByKind(db.executor) };
    console.log(
      `dump/load: ${before.fingerprint.nodes} nodes and ${before.fingerprint.relationships} relationships, checksum ${before.fingerprint.checksum.slice(0, 16)}… restored identical`,
    );
    expect(after.counts).toEqual(before.counts);
    expect(after.fingerprint).toEqual(before.fingerprint);
  });
});
