// reviewPlacement: an editor confirms or rejects a placement the registry classifier wrote. The
// relationship's status changes (never its because), the write is audited, the rejected firm leaves the
// segment's gap counts, the next import learns from it, and only machine placements can be reviewed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/audit-log.js';
import { loadPlacementReviews } from '../../graph/queries/registry-feedback.js';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../seed/load/load.js';
import { runRegistry } from '../../seed/registry/cli-registry.js';
import { sharedDir } from '../../seed/shared-dir.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { codes, gql, testApp } from './helpers.js';

const db = useTestDb();
const app = testApp(db.executor);
const MUTATION = `mutation($e: ID!, $s: ID!, $d: String!) {
  reviewPlacement(enterpriseId: $e, segmentId: $s, decision: $d) { enterpriseId segmentId status score because jobId } }`;
const GAPS = `query($chainId: ID!) { gaps(chainId: $chainId) { segment { id } localEnterprises localMachinePlaced } }`;

interface Placed {
  firm: string;
  segment: string;
  chain: string;
  because: string;
}
let placed: Placed[] = [];

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
        log: new AuditLog(join(mkdtempSync(join(tmpdir(), 'review-placement-')), 'audit.jsonl')),
        actor: { role: 'cli', fingerprint: 'test' },
      },
    },
  });
  // Machine placements of local firms that are the firm's only placement in that chain, so that a
  // rejection must take the firm out of the segment's counts.
  placed = (
    await db.executor.query(
      `MATCH (e:Enterprise {local: true})-[r:IN_SEGMENT {method: 'classifier', status: 'unverified'}]->(s:Segment)
             -[:PART_OF*1..8]->(c:Chain)
       WHERE COUNT { MATCH (e)-[:IN_SEGMENT]->(:Segment)-[:PART_OF*1..8]->(c) } = 1
       RETURN DISTINCT e.id AS firm, s.id AS segment, c.id AS chain, r.because AS because ORDER BY firm, segment`,
    )
  ).map((r) => ({
    firm: String(r.firm),
    segment: String(r.segment),
    chain: String(r.chain),
    because: String(r.because),
  }));
}, 300_000);

const statusOf = async (p: Placed) =>
  (
    await db.executor.query(
      'MATCH (:Enterprise {id: $firm})-[r:IN_SEGMENT]->(:Segment {id: $segment}) RETURN r.status AS status, r.because AS because',
      { firm: p.firm, segment: p.segment },
    )
  )[0];

const gapOf = async (p: Placed) =>
  ((await gql(app, GAPS, { chainId: p.chain })).data!.gaps as any[]).find((g) => g.segment.id === p.segment);

describe('reviewPlacement', () => {
  it('is for editors and checks its input', async () => {
    expect(placed.length).toBeGreaterThan(2);
    const p = placed[0];
    expect(codes(await gql(app, MUTATION, { e: p.firm, s: p.segment, d: 'rejected' }, 'analyst'))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await gql(app, MUTATION, { e: p.firm, s: p.segment, d: 'maybe' }, 'editor'))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await gql(app, MUTATION, { e: p.firm, s: 'segment:nope', d: 'rejected' }, 'editor'))).toEqual([
      'NOT_FOUND',
    ]);
    expect((await statusOf(p)).status).toBe('unverified');
  });

  it('never touches a curated placement', async () => {
    const [curated] = await db.executor.query(
      `MATCH (e:Enterprise)-[r:IN_SEGMENT]->(s:Segment) WHERE coalesce(r.method, 'curated') <> 'classifier'
       RETURN e.id AS e, s.id AS s, r.status AS status LIMIT 1`,
    );
    expect(codes(await gql(app, MUTATION, { e: curated.e, s: curated.s, d: 'rejected' }, 'editor'))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('rejects: status rejected, because kept, audited, out of the gap counts, learned from', async () => {
    const p = placed[0];
    const before = await gapOf(p);
    const r = await gql(app, MUTATION, { e: p.firm, s: p.segment, d: 'rejected' }, 'editor');
    expect(r.errors).toBeUndefined();
    expect(r.data!.reviewPlacement).toMatchObject({ enterpriseId: p.firm, segmentId: p.segment, status: 'rejected' });
    expect(r.data!.reviewPlacement.jobId).toMatch(/^job:/);
    expect(await statusOf(p)).toEqual({ status: 'rejected', because: p.because });
    const after = await gapOf(p);
    expect(after.localMachinePlaced).toBe(before.localMachinePlaced - 1);
    expect(after.localEnterprises).toBe(before.localEnterprises - 1);
    const trail = (await gql(app, '{ auditTrail(first: 20) { entries { action target after outcome } } }', {}, 'admin'))
      .data!.auditTrail.entries as any[];
    const entry = trail.find((e) => e.action === 'reviewPlacement');
    expect(entry).toMatchObject({ target: `IN_SEGMENT:${p.firm}->${p.segment}`, outcome: 'committed' });
    expect(entry.after.status).toBe('rejected');
    const reviews = await db.executor.read((tx) => loadPlacementReviews(tx));
    expect(reviews).toContainEqual(
      expect.objectContaining({ segmentId: p.segment, decision: 'rejected', because: p.because }),
    );
  });

  it('confirms', async () => {
    const p = placed[1];
    const r = await gql(app, MUTATION, { e: p.firm, s: p.segment, d: 'confirmed' }, 'editor');
    expect(r.errors).toBeUndefined();
    expect((await statusOf(p)).status).toBe('confirmed');
  });
});
