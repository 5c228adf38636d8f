// 20 clients at once upserting, linking and reviewing the same firms and proposals through the API:
// no duplicate node, no lost update (graph/audit-resolve.ts checkTrail: each committed entry's before is
// the after of the previous version), no deadlock or 5xx reaching a client, one success per proposal.
// Prints the figures (operations, retries, conflicts, lost updates) that docs/reliability.md quotes.
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/audit-log.js';
import { checkTrail, resolvePending } from '../../graph/audit-resolve.js';
import type { Executor } from '../../graph/executor.js';
import { ensureSchema } from '../../graph/schema.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { gql, tempAuditFile, testApp } from './helpers.js';

const db = useTestDb();
const auditFile = tempAuditFile();
const attempts = { calls: 0, runs: 0 };

/** The test executor, counting write transactions asked for and attempts run (the driver's retries). */
function counting(executor: Executor): Executor {
  return {
    ...executor,
    get transactions() {
      return executor.transactions;
    },
    driver: executor.driver,
    write: (work, options) => {
      attempts.calls++;
      return executor.write((tx) => {
        attempts.runs++;
        return work(tx);
      }, options);
    },
    scoped: () => counting(executor.scoped()),
  };
}
const app = testApp(counting(db.executor), { KG_AUDIT_FILE: auditFile });

const CLIENTS = 20;
const ROUNDS = 6;
const FIRMS = ['ent:shared-a', 'ent:shared-b', 'ent:shared-c'];
const SEGMENTS = [F.chip, F.satellite];
const PROPOSED = [
  { type: 'IN_SEGMENT', from: F.cgsat, to: F.chip },
  { type: 'IN_SEGMENT', from: F.pharma, to: F.chip },
  { type: 'IN_SEGMENT', from: F.target, to: F.satellite },
  { type: 'SUPPORTS', from: F.jlu, to: F.opto },
];
let proposals: string[] = [];

beforeAll(async () => {
  await emptyDatabase(db.executor);
  // The uniqueness constraints make MERGE lock the id (a fresh test instance has none yet)
  await ensureSchema(db.executor);
  await loadApiFixture(db.executor);
  for (const relationship of PROPOSED) {
    const r = await gql(
      app,
      'mutation($input: ProposalInput!) { proposeFact(input: $input) { id } }',
      { input: { relationship, sources: [F.s2], quote: '争用提议' } },
      'editor',
    );
    expect(r.errors).toBeUndefined();
    proposals.push(r.data!.proposeFact.id);
  }
  proposals = [...new Set(proposals)];
});

const UPSERT = 'mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }';
const LINK = 'mutation($input: SegmentLinkInput!) { linkEnterpriseToSegment(input: $input) { id } }';
const REVIEW = 'mutation($id: ID!, $d: ReviewDecision!) { reviewProposal(id: $id, decision: $d) { status } }';

describe('20 concurrent clients on the same firms and proposals', () => {
  it('no duplicate node, no lost update, no 5xx, one review per proposal', async () => {
    const started = performance.now();
    const outcomes: { op: string; status: number; code: string | null; message: string | null }[] = [];
    const client = async (c: number) => {
      for (let round = 0; round < ROUNDS; round++) {
        const pick = (c + round) % 4;
        const firm = FIRMS[(c + round) % FIRMS.length];
        let op: string;
        let r: Awaited<ReturnType<typeof gql>>;
        if (pick === 0 || pick === 1) {
          op = 'upsert';
          const input = { id: firm, name: `共享企业${c}-${round}`, local: true, sources: [F.s2], quote: `客户${c}` };
          r = await gql(app, UPSERT, { input: { ...input, tags: [`c${c}`, `r${round}`] } }, 'editor');
        } else if (pick === 2) {
          op = 'link';
          // link the shared firm (created by an upsert, maybe not yet) or a fixture firm under review
          const enterpriseId = round % 2 ? firm : F.cgsat;
          const input = { enterpriseId, segmentId: SEGMENTS[c % 2], sources: [F.s2], quote: `环节${c}-${round}` };
          r = await gql(app, LINK, { input }, 'editor');
        } else {
          op = 'review';
          const id = proposals[c % proposals.length];
          r = await gql(app, REVIEW, { id, d: c % 3 ? 'CONFIRM' : 'REJECT' }, 'admin');
        }
        const error = r.errors?.[0];
        outcomes.push({
          op,
          status: r.status,
          code: error ? String(error.extensions?.code) : null,
          message: error?.message ?? null,
        });
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const ms = performance.now() - started;

    // Nothing but the expected refusals: a review of an already reviewed proposal, a link to a firm
    // no upsert has created yet. Never a 5xx, a deadlock or an internal error.
    const unexpected = outcomes.filter(
      (o) =>
        o.status >= 500 ||
        (o.code !== null &&
          !(o.op === 'review' && /already (confirmed|rejected)/.test(o.message ?? '')) &&
          !(o.op === 'link' && o.code === 'NOT_FOUND')),
    );
    expect(unexpected).toEqual([]);
    const reviewOk = outcomes.filter((o) => o.op === 'review' && o.code === null).length;
    expect(reviewOk).toBe(proposals.length);
    const [nodes] = await db.executor.query(
      'UNWIND $ids AS id MATCH (e:Enterprise {id: id}) WITH id, count(e) AS n RETURN max(n) AS most, count(id) AS firms',
      { ids: FIRMS },
    );
    expect(nodes.most).toBe(1);
    const [rels] = await db.executor.query(
      'MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(r) AS n WHERE n > 1 RETURN count(*) AS duplicated',
    );
    expect(rels.duplicated).toBe(0);

    const log = new AuditLog(auditFile);
    const resolution = await resolvePending(log, db.executor);
    const check = await checkTrail(log, db.executor);
    const figures = {
      clients: CLIENTS,
      operations: outcomes.length,
      ms: Math.round(ms),
      writeTransactions: attempts.calls,
      retries: attempts.runs - attempts.calls,
      conflicts: outcomes.filter((o) => o.code !== null).length,
      reviewsRefused: outcomes.filter((o) => o.op === 'review' && o.code !== null).length,
      linksBeforeFirm: outcomes.filter((o) => o.op === 'link' && o.code === 'NOT_FOUND').length,
      fiveHundreds: outcomes.filter((o) => o.status >= 500).length,
      versionedEntriesChecked: check.entries,
      lostUpdates: check.lostUpdates.length,
      chainBreaks: check.chainBreaks.length,
      pendingLeft: resolution.undetermined,
    };
    console.log(`concurrent-writers figures: ${JSON.stringify(figures)}`);
    expect(resolution).toEqual({ committed: 0, failed: 0, undetermined: 0 });
    expect(check.lostUpdates).toEqual([]);
    expect(check.chainBreaks).toEqual([]);
    expect(check.headMismatches).toEqual([]);
    expect(check.unauditedFacts).toEqual([]);
    expect(check.entries).toBeGreaterThan(CLIENTS);
  }, 300_000);
});
