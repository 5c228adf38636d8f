// Gaps tell confirmed from machine-placed firms: after a registry import, localConfirmed and
// localMachinePlaced split localEnterprises on IN_SEGMENT.method, and gaps(machinePlacements: false)
// counts only placements the classifier did not make, which changes the status of some segment.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/audit-log.js';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../seed/load/load.js';
import { runRegistry } from '../../seed/registry/cli-registry.js';
import { sharedDir } from '../../seed/registry/eval.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { gql, testApp } from '../server/helpers.js';

const db = useTestDb();
const app = testApp(db.executor);
let chainIds: string[] = [];

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
  await runRegistry(join(sharedDir(), 'corpus', 'registry', 'dev', 'registry-dev.csv'), {
    log: () => {},
    executor: db.executor,
    programId: 'program:cc-10plus3',
    write: {
      confidence: { high: 0.85, medium: 0.6 },
      audit: {
        log: new AuditLog(join(mkdtempSync(join(tmpdir(), 'registry-gaps-')), 'audit.jsonl')),
        actor: { role: 'cli', fingerprint: 'test' },
      },
    },
  });
  chainIds = (
    await db.executor.query(
      `MATCH (:Enterprise {local: true})-[:IN_SEGMENT {method: 'classifier'}]->(:Segment)-[:PART_OF*1..8]->(c:Chain)
       RETURN DISTINCT c.id AS id ORDER BY id`,
    )
  ).map((r) => String(r.id));
}, 300_000);

const GAPS = `query($chainId: ID!, $machine: Boolean) { gaps(chainId: $chainId, machinePlacements: $machine) {
  segment { id } status localEnterprises localConfirmed localMachinePlaced } }`;

describe('gaps with and without machine placements', () => {
  it('splits local firms on method and switches statuses', async () => {
    expect(chainIds.length).toBeGreaterThan(0);
    let changed = 0;
    let machinePlaced = 0;
    for (const chainId of chainIds) {
      const all = await gql(app, GAPS, { chainId, machine: true });
      const curated = await gql(app, GAPS, { chainId, machine: false });
      expect(all.errors).toBeUndefined();
      expect(curated.errors).toBeUndefined();
      const without = new Map(curated.data!.gaps.map((g: any) => [g.segment.id, g]));
      for (const g of all.data!.gaps as any[]) {
        expect(g.localConfirmed + g.localMachinePlaced).toBe(g.localEnterprises);
        const w = without.get(g.segment.id) as any;
        expect(w.localMachinePlaced).toBe(0);
        expect(w.localEnterprises).toBe(g.localConfirmed);
        machinePlaced += g.localMachinePlaced;
        if (w.status !== g.status) changed++;
      }
    }
    expect(machinePlaced).toBeGreaterThan(0);
    expect(changed).toBeGreaterThan(0);
  }, 120_000);
});
