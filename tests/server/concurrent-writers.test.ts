// Concurrent writers of one target: the write lock is taken before the before-image is read, so 20
// clients upserting one firm leave one node and an unbroken chain of audit entries (each entry's before
// is another entry's after: no lost update, no 5xx), and of concurrent reviews of one proposal exactly
// one succeeds while the others are told it was already reviewed.
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureSchema } from '../../graph/schema.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { gql, testApp } from './helpers.js';

const db = useTestDb();
const app = testApp(db.executor);

beforeAll(async () => {
  await emptyDatabase(db.executor);
  // The uniqueness constraints make MERGE lock the id (a fresh test instance has none yet)
  await ensureSchema(db.executor);
  await loadApiFixture(db.executor);
});

const UPSERT = 'mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id name } }';

describe('concurrent writers', () => {
  it('20 clients upserting one firm: one node, every audit before is another entry’s after', async () => {
    const id = 'ent:contended';
    const names = Array.from({ length: 20 }, (_, i) => `争用公司${i}`);
    const answers = await Promise.all(
      names.map((name) =>
        gql(
          app,
          UPSERT,
          { input: { id, name, local: true, sources: [F.s2], quote: '新光学公司落户经开区', confidence: 'HIGH' } },
          'editor',
        ),
      ),
    );
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const [count] = await db.executor.query(
      'MATCH (e:Enterprise {id: $id}) RETURN count(e) AS n, collect(e.name)[0] AS name',
      { id },
    );
    expect(count.n).toBe(1);
    const trail = await gql(app, '{ auditTrail(first: 200) { entries { target outcome before after } } }', {}, 'admin');
    const entries = (
      trail.data!.auditTrail.entries as { target: string; outcome: string; before: unknown; after: unknown }[]
    ).filter((e) => e.target === id && e.outcome === 'committed');
    expect(entries).toHaveLength(20);
    const nameOf = (props: unknown) => (props ? (props as { name: string }).name : null);
    const befores = entries.map((e) => nameOf(e.before));
    const afters = entries.map((e) => nameOf(e.after));
    // exactly one write saw no firm; every other saw the result of exactly one earlier write
    expect(befores.filter((b) => b === null)).toHaveLength(1);
    const seen = befores.filter((b): b is string => b !== null).sort();
    expect(new Set(seen).size).toBe(19);
    for (const name of seen) expect(afters).toContain(name);
    // the one after nobody saw is the last write: the stored name
    expect(afters.filter((a) => !seen.includes(a!))).toEqual([count.name]);
  }, 60_000);

  it('of 8 concurrent reviews of one proposal exactly one succeeds, the others get a clear error', async () => {
    const proposed = await gql(
      app,
      'mutation($input: ProposalInput!) { proposeFact(input: $input) { id } }',
      {
        input: {
          relationship: { type: 'SUPPORTS', from: F.jlu, to: F.opto },
          sources: [F.s2],
          quote: '吉林大学支撑光电',
        },
      },
      'editor',
    );
    expect(proposed.errors).toBeUndefined();
    const id = proposed.data!.proposeFact.id as string;
    const reviews = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        gql(
          app,
          `mutation { reviewProposal(id: "${id}", decision: ${i % 2 ? 'REJECT' : 'CONFIRM'}) { status } }`,
          {},
          'admin',
        ),
      ),
    );
    const ok = reviews.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    for (const r of reviews.filter((x) => x.errors)) {
      expect(r.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message).toMatch(/already (confirmed|rejected)/);
    }
  }, 60_000);
});
