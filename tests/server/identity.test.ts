// Tokens belong to named people: the three line forms of KG_TOKENS_FILE, the hash form holding no usable
// secret, the name in viewer, the audit trail and the review queue, and a tokens file that changes
// while the server runs (revocation without restart; an invalid file keeps the last good set).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { onTokensChanged, type TokensChange } from '../../server/auth/index.js';
import { TokenStore } from '../../server/auth/token-store.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { tokenFingerprint } from '../../server/context.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { gql, tempAuditFile } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EDITOR = 'zhangsan-editor-token-7f3a9c';
const ADMIN = 'lisi-admin-token-51d0e2b8';
const LEGACY = 'legacy-analyst-token-0042';
const sha = (token: string) => createHash('sha256').update(token).digest('hex');
const GOOD = [
  '# tokens of the chain office',
  `editor:张三:${EDITOR}`,
  `admin:李四:sha256:${sha(ADMIN)}`,
  `analyst:${LEGACY}`,
  '',
].join('\n');

/** Replaces the file the way editors do: a new file renamed over the old one. */
function replaceFile(file: string, text: string) {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

const db = useTestDb();
const tokensFile = join(dir, 'tokens.txt');
writeFileSync(tokensFile, GOOD);
const auditFile = tempAuditFile();
const app = createApp({
  executor: db.executor,
  config: loadConfig({ KG_TOKENS_FILE: tokensFile, KG_AUDIT_FILE: auditFile, KG_AUTH_THROTTLE: 'off' }),
  webRoot: '/nonexistent-web-root',
});
const VIEWER = '{ viewer { role name canCurate canReview } }';

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
});

describe('tokens file lines', () => {
  it('accepts role:name:token, role:name:sha256:HEX and role:token, with their names', async () => {
    const as = async (token: string) => (await gql(app, VIEWER, {}, { token })).data!.viewer;
    expect(await as(EDITOR)).toMatchObject({ role: 'editor', name: '张三', canCurate: true });
    expect(await as(ADMIN)).toMatchObject({ role: 'admin', name: '李四', canReview: true });
    // The older form has no name: its fingerprint stands for one.
    expect(await as(LEGACY)).toMatchObject({ role: 'analyst', name: tokenFingerprint(LEGACY) });
    expect((await gql(app, VIEWER)).data!.viewer).toMatchObject({ role: 'public', name: null });
  });

  it('keeps no usable secret in the hash form: the file does not hold the token, and its hash does not sign in', async () => {
    const text = readFileSync(tokensFile, 'utf8');
    expect(text).not.toContain(ADMIN);
    for (const guess of [sha(ADMIN), `sha256:${sha(ADMIN)}`]) {
      const r = await gql(app, VIEWER, {}, { token: guess });
      expect(r.status).toBe(401);
    }
  });

  it('names each bad line at start with its number and what to fix, never echoing a token', () => {
    const bad = join(dir, 'bad-start.txt');
    writeFileSync(
      bad,
      [
        `editor:张三:${EDITOR}`,
        'boss:王五:some-long-token-123456',
        'editor:王\u0007五:another-long-token-1234',
        `admin:${'名'.repeat(101)}:yet-another-token-12345`,
        'admin:赵六:sha256:abc',
        'analyst:short',
        `admin:别人:${EDITOR}`,
      ].join('\n'),
    );
    let message = '';
    try {
      loadConfig({ KG_TOKENS_FILE: bad, KG_AUDIT_FILE: tempAuditFile() });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/line 2: must start with a role \(analyst, editor, admin\)/);
    expect(message).toMatch(/line 3: the name holds control/);
    expect(message).toMatch(/line 4: the name is longer than 100 characters/);
    expect(message).toMatch(/line 5: sha256: must be followed by the 64 hex digits/);
    expect(message).toMatch(/line 6: the analyst token is shorter than 12/);
    expect(message).toMatch(/line 7: the same token as line 1 with another role or name/);
    expect(message).not.toMatch(/line 1:/);
    expect(message).not.toContain(EDITOR);
    // KG_TOKENS takes the same forms.
    const env = loadConfig({ KG_TOKENS: `editor:王五:${EDITOR},analyst:${LEGACY}`, KG_AUDIT_FILE: tempAuditFile() });
    expect(env.tokens.fixed.map((e) => [e.role, e.name])).toEqual([
      ['editor', '王五'],
      ['analyst', tokenFingerprint(LEGACY)],
    ]);
  });
});

describe('the name in the audit trail and the review queue', () => {
  it('records the writer by name in the audit entry, and shows proposer and reviewer by name', async () => {
    const write = await gql(
      app,
      'mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }',
      { input: { id: 'ent:named-writer', name: '署名测试公司', local: true, sources: [F.s2], quote: '署名测试公司' } },
      { token: EDITOR },
    );
    expect(write.errors).toBeUndefined();
    const lines = readFileSync(auditFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.find((l) => l.target === 'ent:named-writer' && l.outcome === 'pending')).toMatchObject({
      actorRole: 'editor',
      actorName: '张三',
      actorFingerprint: tokenFingerprint(EDITOR),
    });
    expect(readFileSync(auditFile, 'utf8')).not.toContain(EDITOR);

    const proposed = await gql(
      app,
      'mutation($input: ProposalInput!) { proposeFact(input: $input) { id proposedBy } }',
      {
        input: {
          relationship: { type: 'SUPPORTS', from: F.ciomp, to: F.opto },
          sources: [F.s2],
          quote: '长春光机所支撑光电信息产业',
        },
      },
      { token: EDITOR },
    );
    expect(proposed.errors).toBeUndefined();
    const id = proposed.data!.proposeFact.id;
    expect(proposed.data!.proposeFact.proposedBy).toBe('editor:张三');
    const review = await gql(
      app,
      `mutation { reviewProposal(id: "${id}", decision: REJECT, comment: "no source") { reviewedBy } }`,
      {},
      { token: ADMIN },
    );
    expect(review.data!.reviewProposal.reviewedBy).toBe('admin:李四');
    const queue = await gql(
      app,
      '{ proposals(status: "rejected") { id proposedBy reviewedBy } }',
      {},
      { token: ADMIN },
    );
    expect(queue.data!.proposals).toContainEqual({ id, proposedBy: 'editor:张三', reviewedBy: 'admin:李四' });
    // The review screen's queue carries the same names and the time of the decision.
    const screenQueue = await gql(
      app,
      '{ proposalQueue(filter: { status: "rejected" }) { nodes { id proposedBy reviewedBy reviewedAt } } }',
      {},
      { token: ADMIN },
    );
    const decided = screenQueue.data!.proposalQueue.nodes.find((n: { id: string }) => n.id === id);
    expect(decided).toMatchObject({ proposedBy: 'editor:张三', reviewedBy: 'admin:李四' });
    expect(Date.now() - Date.parse(decided.reviewedAt)).toBeLessThan(3_600_000); // a real time, of this review
    const trail = await gql(app, '{ auditTrail(first: 5) { entries { action actorName } } }', {}, { token: ADMIN });
    expect(trail.data!.auditTrail.entries).toContainEqual({ action: 'reviewProposal', actorName: '李四' });
  });
});

describe('a tokens file changed while the server runs', () => {
  it('revokes a removed token on the next request after the watcher reloads, telling subscribers', async () => {
    const changes: TokensChange[] = [];
    const seen = new Promise<void>((resolve) => {
      const stop = onTokensChanged((change) => {
        changes.push(change);
        stop();
        resolve();
      });
    });
    replaceFile(tokensFile, GOOD.replace(`editor:张三:${EDITOR}\n`, ''));
    await seen;
    expect(changes[0].revoked).toEqual([{ role: 'editor', name: '张三', fingerprint: tokenFingerprint(EDITOR) }]);
    expect(changes[0].added).toEqual([]);
    expect(JSON.stringify(changes)).not.toContain(EDITOR);
    const r = await gql(app, VIEWER, {}, { token: EDITOR });
    expect(r.status).toBe(401);
    expect((await gql(app, VIEWER, {}, { token: ADMIN })).data!.viewer.name).toBe('李四');
  });

  it('sees a change the watcher missed by the stat check on the next request', () => {
    const file = join(dir, 'stat.txt');
    writeFileSync(file, `editor:张三:${EDITOR}\n`);
    const store = new TokenStore({ fixed: [], file, fileEntries: [], checkIntervalMs: 0 }, () => {});
    store.reload();
    expect(store.lookup(EDITOR)?.name).toBe('张三');
    // Synchronously after the write: no watcher event can have been delivered yet.
    writeFileSync(file, `admin:李四:${ADMIN}\n`);
    expect(store.lookup(EDITOR)).toBeNull();
    expect(store.lookup(ADMIN)).toMatchObject({ role: 'admin', name: '李四' });
    store.close();
  });

  it('keeps the last good set when the file becomes invalid or goes missing, and logs why', () => {
    const file = join(dir, 'invalid.txt');
    writeFileSync(file, `editor:张三:${EDITOR}\n`);
    const logged: string[] = [];
    const store = new TokenStore({ fixed: [], file, fileEntries: [], checkIntervalMs: 0 }, (m) => logged.push(m));
    store.reload();
    writeFileSync(file, `editor:张三:${EDITOR}\nmanager:王五:a-long-enough-token-99\n`);
    expect(store.lookup(EDITOR)?.name).toBe('张三');
    expect(store.lastError).toMatch(/line 2: must start with a role/);
    expect(logged.at(-1)).toMatch(/last good set of 1 tokens stays in use[\s\S]*line 2/);
    rmSync(file);
    expect(store.lookup(EDITOR)?.name).toBe('张三');
    expect(store.lastError).toMatch(/cannot read/);
    writeFileSync(file, `admin:李四:${ADMIN}\n`);
    expect(store.lookup(EDITOR)).toBeNull();
    expect(store.lookup(ADMIN)?.name).toBe('李四');
    expect(store.lastError).toBeNull();
    store.close();
  });
});
