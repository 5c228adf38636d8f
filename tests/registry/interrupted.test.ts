// An import stopped between batches (the process killed after the first batch committed) completes on
// rerun: the rows already written come back unchanged, the rest are written, and the graph ends exactly
// where an uninterrupted import of the same file ends (nothing filed twice, nothing else changed).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/audit-log.js';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../seed/load/load.js';
import { classifyFile, registryContext, runRegistry } from '../../seed/registry/cli-registry.js';
import { DEFAULT_PLACEMENT } from '../../seed/registry/config.js';
import { sharedDir } from '../../seed/registry/eval.js';
import { fileSha256, writeReport } from '../../seed/registry/write-run.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();
const PROGRAM = 'program:cc-10plus3';
const devFile = join(sharedDir(), 'corpus', 'registry', 'dev', 'registry-dev.csv');
const audit = {
  log: new AuditLog(join(mkdtempSync(join(tmpdir(), 'registry-interrupted-')), 'audit.jsonl')),
  actor: { role: 'cli' as const, fingerprint: 'test' },
};
const confidence = { high: 0.85, medium: 0.6 };
const importAll = () =>
  runRegistry(devFile, { log: () => {}, executor: db.executor, programId: PROGRAM, write: { confidence, audit } });

/** What the imports wrote, without job ids and times: firms, locations, placements, open proposals. */
async function facts() {
  const [row] = await db.executor.query(
    `CALL () { MATCH (e:Enterprise) WHERE e.uscc IS NOT NULL
               RETURN collect([e.id, e.name, e.uscc, e.local, e.registrationStatus]) AS firms }
     CALL () { MATCH (e:Enterprise)-[:LOCATED_IN]->(d) WHERE e.uscc IS NOT NULL RETURN collect(e.id + '>' + d.id) AS located }
     CALL () { MATCH (e:Enterprise)-[r:IN_SEGMENT {method: 'classifier'}]->(s)
               RETURN collect([e.id, s.id, r.score, r.status]) AS placed }
     CALL () { MATCH (p:Proposal {status: 'proposed'}) RETURN collect([p.target, p.score, p.confidence]) AS proposed }
     RETURN firms, located, placed, proposed`,
  );
  const sorted = (v: unknown) => (v as unknown[]).map((x) => JSON.stringify(x)).sort();
  return {
    firms: sorted(row.firms),
    located: sorted(row.located),
    placed: sorted(row.placed),
    proposed: sorted(row.proposed),
  };
}

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
}, 120_000);

describe('an interrupted registry import', () => {
  it('completes on rerun and ends where an uninterrupted import ends', async () => {
    const ctx = await registryContext(db.executor, PROGRAM);
    const report = await classifyFile(devFile, () => {}, DEFAULT_PLACEMENT, ctx);
    const stop = new Error('killed after the first batch');
    await expect(
      writeReport(db.executor, report, {
        jobId: 'job:interrupted',
        fileName: 'registry-dev.csv',
        sha256: await fileSha256(devFile),
        programId: PROGRAM,
        confidence,
        audit,
        batchSize: 30,
        onProgress: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    const partial = await facts();
    const written = report.filter((r) => r.action !== 'skipped').slice(0, 30);
    expect(partial.firms.length).toBe(new Set(written.map((r) => r.enterpriseId)).size);
    expect(partial.placed.length + partial.proposed.length).toBeGreaterThan(0);

    const rerun = await importAll();
    const firstBatch = new Set(written.map((r) => r.enterpriseId));
    const again = rerun.filter(
      (r) => firstBatch.has(r.enterpriseId) && !r.problems.some((p) => p.includes('another name')),
    );
    expect(again.length).toBeGreaterThan(20);
    expect(again.every((r) => r.action === 'unchanged')).toBe(true);
    expect(rerun.filter((r) => r.action === 'created').length).toBeGreaterThan(50);
    const completed = await facts();

    // The reference: the same file imported without interruption into the same starting graph.
    await emptyDatabase(db.executor);
    await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
    await importAll();
    expect(completed).toEqual(await facts());
  }, 300_000);
});
