// The audit trail lives beside the database, not in it, because an analyst's `cypher` reads the whole
// graph: after curation writes, a proposal, its review and an import, no node or relationship holds a
// before/after, an actor or a token fingerprint, and no audit label exists; the admin still sees every
// write with before and after; and a write whose audit entry cannot be appended is rolled back.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFingerprint } from '../../server/context.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { countAll, emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { codes, gql, tempAuditFile, testApp, TOKENS } from './helpers.js';

const db = useTestDb();
const auditFile = tempAuditFile();
const app = testApp(db.executor, { KG_AUDIT_FILE: auditFile });

const UPSERT = 'mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id name } }';
const firm = { id: 'ent:audit-probe', name: '审计探针公司', local: true, sources: [F.s2], quote: '审计探针公司' };
const TRACE_KEYS = [
  'before',
  'after',
  'actor',
  'actorRole',
  'actorFingerprint',
  'fingerprint',
  'tokenFingerprint',
  'proposedBy',
  'reviewedBy',
];

const cypher = async (query: string, params: Record<string, unknown> = {}) => {
  const r = await gql(
    app,
    'query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { rows } }',
    { q: query, p: params },
    'analyst',
  );
  expect(r.errors).toBeUndefined();
  return r.data!.cypher.rows as Record<string, any>[];
};

const trail = async () =>
  (
    await gql(
      app,
      '{ auditTrail(first: 200) { entries { id action target actorRole actorFingerprint before after outcome } unreadableLines } }',
      {},
      'admin',
    )
  ).data!.auditTrail;

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
  // Every kind of write the API records: a curation write and an update, a proposal, its review, an import.
  for (const input of [firm, { ...firm, name: '审计探针股份公司' }])
    expect((await gql(app, UPSERT, { input }, 'editor')).errors).toBeUndefined();
  const proposal = await gql(
    app,
    'mutation($input: ProposalInput!) { proposeFact(input: $input) { id } }',
    {
      input: {
        node: { id: F.jlu, properties: { nameEn: 'Jilin University (JLU)' } },
        sources: [F.s1],
        quote: '吉林大学',
      },
    },
    'editor',
  );
  expect(proposal.errors).toBeUndefined();
  const review = await gql(
    app,
    `mutation { reviewProposal(id: "${proposal.data!.proposeFact.id}", decision: CONFIRM) { status } }`,
    {},
    'admin',
  );
  expect(review.data!.reviewProposal.status).toBe('confirmed');
  const csv = 'name,local,source,quote\n审计导入测试企业,true,source:s1,光电信息产业\n';
  const imported = await gql(
    app,
    'mutation($csv: String) { importCsv(csv: $csv, fileName: "audit.csv") { errors { message } importRunId } }',
    { csv },
    'editor',
  );
  expect(imported.data!.importCsv.errors).toEqual([]);
});

describe('the graph holds nothing an analyst may not read', () => {
  it("an analyst's cypher finds no before/after, actor or audit label", async () => {
    const nodes = await cypher('MATCH (n) WHERE any(k IN keys(n) WHERE k IN $keys) RETURN count(n) AS n', {
      keys: TRACE_KEYS,
    });
    expect(nodes).toEqual([{ n: 0 }]);
    const rels = await cypher('MATCH ()-[r]->() WHERE any(k IN keys(r) WHERE k IN $keys) RETURN count(r) AS n', {
      keys: TRACE_KEYS,
    });
    expect(rels).toEqual([{ n: 0 }]);
    const [{ labels }] = await cypher('CALL db.labels() YIELD label RETURN collect(label) AS labels');
    expect(labels).toContain('Proposal');
    expect(labels).not.toContain('AuditEntry');
    expect(labels).not.toContain('ImportRun');
  });

  it('holds no token and no token fingerprint in any property of any node or relationship', async () => {
    const everything = JSON.stringify(
      await db.executor.query(
        'MATCH (n) RETURN properties(n) AS p UNION ALL MATCH ()-[r]->() RETURN properties(r) AS p',
      ),
    );
    expect(everything).toContain('审计探针股份公司'); // the dump does hold the written data
    for (const token of Object.values(TOKENS)) {
      expect(everything).not.toContain(token);
      expect(everything).not.toContain(tokenFingerprint(token));
    }
  });
});

describe('the audit store', () => {
  it('gives the admin every write, newest first, with who, before, after and outcome', async () => {
    const { entries, unreadableLines } = await trail();
    expect(unreadableLines).toBe(0);
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'importCsv',
      'reviewProposal',
      'reviewProposal',
      'proposeFact',
      'upsertEnterprise',
      'upsertEnterprise',
    ]);
    const [update, create] = entries.slice(-2);
    expect(create).toMatchObject({
      target: firm.id,
      actorRole: 'editor',
      actorFingerprint: tokenFingerprint(TOKENS.editor),
      before: null,
      after: { name: '审计探针公司' },
      outcome: 'committed',
    });
    expect(update).toMatchObject({
      target: firm.id,
      before: { name: '审计探针公司' },
      after: { name: '审计探针股份公司' },
      outcome: 'committed',
    });
    expect(entries[0]).toMatchObject({
      target: 'audit.csv',
      actorRole: 'editor',
      after: { fileName: 'audit.csv', rows: 1 },
    });
    expect(entries.every((e: { outcome: string }) => e.outcome === 'committed')).toBe(true);
  });

  it('is a file only its owner can read or write', () => {
    expect(statSync(auditFile).mode & 0o777).toBe(0o600);
  });
});

describe('nothing unaudited', () => {
  // A regular file where the audit file's folder should be: every append fails.
  const blocker = join(mkdtempSync(join(tmpdir(), 'kg-audit-blocked-')), 'not-a-folder');
  writeFileSync(blocker, '');
  const unaudited = testApp(db.executor, { KG_AUDIT_FILE: join(blocker, 'audit.jsonl') });

  it('rolls back a curation write whose audit entry cannot be appended', async () => {
    const before = await countAll(db.executor);
    const r = await gql(unaudited, UPSERT, { input: { ...firm, id: 'ent:unaudited', name: '未审计公司' } }, 'editor');
    expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(r)).not.toContain(blocker); // the server's paths stay on the server
    expect((await gql(app, '{ node(id: "ent:unaudited") { id } }')).data!.node).toBeNull();
    expect(await countAll(db.executor)).toEqual(before);
  });

  it('rolls back an import whose audit entry cannot be appended', async () => {
    const before = await countAll(db.executor);
    const csv = 'name,local,source,quote\n未审计导入企业,true,source:s1,光电信息产业\n';
    const r = await gql(
      unaudited,
      'mutation($csv: String) { importCsv(csv: $csv) { nodesWritten } }',
      { csv },
      'editor',
    );
    expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(await db.executor.query("MATCH (e:Enterprise {name: '未审计导入企业'}) RETURN e.id")).toEqual([]);
    expect(await countAll(db.executor)).toEqual(before);
  });
});
