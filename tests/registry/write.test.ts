// Registry writes against the real test Neo4j: the dev file is written as one ImportJob, a rerun changes
// nothing, a person's confirmation and rejection survive the next run, and undo removes the rest.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/audit-log.js';
import { checkTrail } from '../../graph/audit-resolve.js';
import { reviewProposal } from '../../graph/queries/proposals.js';
import { reviewPlacement } from '../../graph/queries/registry-review.js';
import { undoRegistryJob } from '../../graph/queries/registry-write.js';
import { countGraph } from '../../graph/stats.js';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../seed/load/load.js';
import { runRegistry } from '../../seed/registry/cli-registry.js';
import { sharedDir } from '../../seed/registry/eval.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();
const auditFile = join(mkdtempSync(join(tmpdir(), 'registry-write-audit-')), 'audit.jsonl');
const devFile = join(sharedDir(), 'corpus', 'registry', 'dev', 'registry-dev.csv');
const run = () =>
  runRegistry(devFile, {
    log: () => {},
    executor: db.executor,
    programId: 'program:cc-10plus3',
    write: {
      confidence: { high: 0.85, medium: 0.6 },
      audit: { log: new AuditLog(auditFile), actor: { role: 'cli', fingerprint: 'test' } },
    },
  });
const jobIds = async () =>
  (await db.executor.query("MATCH (j:ImportJob {kind: 'REGISTRY'}) RETURN j.id AS id ORDER BY j.createdAt")).map((r) =>
    String(r.id),
  );

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
}, 120_000);

describe('registry writes', () => {
  it('writes the dev file, reruns unchanged, keeps reviews, undoes', async () => {
    const first = await run();
    const [job1] = await jobIds();
    const placed = first.flatMap((r) => r.placements).filter((p) => p.written === 'IN_SEGMENT').length;
    const proposed = first.flatMap((r) => r.placements).filter((p) => p.written === 'proposal').length;
    expect(first.filter((r) => r.action === 'created').length).toBeGreaterThan(20);
    expect(placed).toBeGreaterThan(0);
    expect(proposed).toBeGreaterThan(0);
    const [w] = await db.executor.query(
      `MATCH (:Enterprise)-[r:IN_SEGMENT {jobId: $job}]->() WITH count(r) AS placed, collect(r)[0] AS one
       MATCH (p:Proposal {jobId: $job}) RETURN placed, count(p) AS proposals, one.method AS method, one.status AS status,
         one.createdAt IS NOT NULL AS stamped, EXISTS { MATCH (s:Source {kind: 'dataset'}) WHERE s.sha256 IS NOT NULL } AS source`,
      { job: job1 },
    );
    expect(w).toEqual({
      placed,
      proposals: proposed,
      method: 'classifier',
      status: 'unverified',
      stamped: true,
      source: true,
    });
    const batchEntries = (await new AuditLog(auditFile).read()).entries.filter((e) => e.target === job1);
    expect(batchEntries.length).toBe(1);
    expect((batchEntries[0].after as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);

    const snapshot = async () => {
      const { labels, types } = await countGraph(db.executor);
      const [p] = await db.executor.query('MATCH (p:Proposal) RETURN count(p) AS n');
      return { labels, types, proposals: p.n };
    };
    const before = await snapshot();
    const second = await run();
    expect(second.filter((r) => r.action !== 'skipped').every((r) => r.action === 'unchanged')).toBe(true);
    expect(await snapshot()).toEqual(before);

    // Registry writes are stamped like the API's: version 1 and writtenBy = their audit entry, the trail
    // agrees with the graph, and the unchanged rerun bumped nothing.
    const [v] = await db.executor.query(
      `MATCH (e:Enterprise {jobId: $job}) WITH collect(e) AS firms
       MATCH (:Enterprise)-[r:IN_SEGMENT {jobId: $job}]->() WITH firms, collect(r) AS placements
       RETURN size(firms) AS firms, [x IN firms WHERE x.version = 1 AND x.writtenBy STARTS WITH 'audit:' | 1] AS firmsStamped,
              size(placements) AS placed, [x IN placements WHERE x.version = 1 AND x.writtenBy STARTS WITH 'audit:' | 1] AS placedStamped`,
      { job: job1 },
    );
    expect((v.firmsStamped as unknown[]).length).toBe(Number(v.firms));
    expect((v.placedStamped as unknown[]).length).toBe(Number(v.placed));
    const trail = await checkTrail(new AuditLog(auditFile), db.executor);
    expect(trail.entries).toBeGreaterThan(Number(v.firms) + Number(v.placed));
    expect(trail).toMatchObject({
      pending: 0,
      lostUpdates: [],
      chainBreaks: [],
      headMismatches: [],
      unauditedFacts: [],
    });

    // A person confirms one machine placement and rejects one proposal.
    const [confirmed] = await db.executor.mutate(
      `MATCH (e:Enterprise)-[r:IN_SEGMENT {jobId: $job}]->(s) WITH e, r, s ORDER BY e.id, s.id LIMIT 1
       SET r.status = 'confirmed' RETURN e.id AS from, s.id AS to`,
      { job: job1 },
    );
    const [rejected] = await db.executor.query(
      "MATCH (p:Proposal {jobId: $job, status: 'proposed'}) RETURN p.id AS id, p.target AS target ORDER BY p.id LIMIT 1",
      { job: job1 },
    );
    await db.executor.write((tx) => reviewProposal(tx, String(rejected.id), 'REJECT', 'not this segment'));
    // …and rejects one placement the machine wrote
    const [machineRejected] = await db.executor.query(
      `MATCH (e:Enterprise)-[r:IN_SEGMENT {jobId: $job, status: 'unverified'}]->(s) WHERE e.id <> $kept
       RETURN e.id AS from, s.id AS to ORDER BY e.id, s.id LIMIT 1`,
      { job: job1, kept: confirmed.from },
    );
    await db.executor.write((tx) =>
      reviewPlacement(tx, String(machineRejected.from), String(machineRejected.to), 'rejected'),
    );
    const third = await run();
    const written = (from: unknown, to: unknown) =>
      third.find((r) => r.enterpriseId === from)?.placements.find((p) => p.segmentId === to)?.written;
    expect(written(confirmed.from, confirmed.to)).toBe('kept-confirmed');
    const [, from, to] = /^IN_SEGMENT:(.+)->(.+)$/.exec(String(rejected.target)) ?? [];
    expect(written(from, to)).toBe('kept-rejected');
    const [open] = await db.executor.query("MATCH (p:Proposal {target: $t, status: 'proposed'}) RETURN count(p) AS n", {
      t: rejected.target,
    });
    expect(open.n).toBe(0);
    // learning may push similar placements under the floor: those are not filed
    const [low] = await db.executor.query('MATCH (p:Proposal) WHERE p.score < 0.4 RETURN count(p) AS n');
    expect(low.n).toBe(0);

    await db.executor.write((tx) => undoRegistryJob(tx, job1));
    const [left] = await db.executor.query(
      `OPTIONAL MATCH ()-[r:IN_SEGMENT {jobId: $job}]->() WITH collect(r.status) AS statuses
       OPTIONAL MATCH (p:Proposal {jobId: $job, status: 'proposed'}) WITH statuses, count(p) AS open
       OPTIONAL MATCH (e:Enterprise {jobId: $job}) RETURN statuses, open, collect(e.id) AS firms`,
      { job: job1 },
    );
    // what people reviewed stays: the confirmation, and the rejection (later imports learn from it)
    expect({
      ...left,
      statuses: [...(left.statuses as string[])].sort(),
      firms: [...(left.firms as string[])].sort(),
    }).toEqual({
      statuses: ['confirmed', 'rejected'],
      open: 0,
      firms: [confirmed.from, machineRejected.from].sort(),
    });
  }, 300_000);
});
