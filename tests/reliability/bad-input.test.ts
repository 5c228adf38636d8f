// A generated corpus of at least 1,000 malformed and hostile requests through the app (app.fetch, no
// port) on the Changchun data: never a 5xx, never a hang or crash, never a write, always a clear
// error code, and no secret or file outside the web root in any answer.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExecutor } from '../../graph/executor.js';
import { projectRoot } from '../../graph/runtime/instance-config.js';
import { createApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { validateAndLoad } from '../../seed/load/load.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { buildCorpus, judge, send, type Forbidden } from './lib/bad-input-corpus.js';
import type { CorpusCase, CorpusIds, CorpusTokens } from './lib/corpus-types.js';
import { fingerprint, type GraphFingerprint } from './lib/graph-fingerprint.js';

const db = useTestDb();
const tokens: CorpusTokens = {
  analyst: `an-${randomBytes(18).toString('base64url')}`,
  editor: `ed-${randomBytes(18).toString('base64url')}`,
  admin: `ad-${randomBytes(18).toString('base64url')}`,
};
const forbidden: Forbidden = {
  secrets: [db.settings.password, tokens.analyst, tokens.editor, tokens.admin],
  fileMarks: ['root:x:0:0', '"name": "changchun-chain-kg"', 'KG_CYPHER_MAX_ROWS'],
};

let app: App;
let corpus: CorpusCase[];
let before: GraphFingerprint;

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor);
  const [row] = await db.executor.query(
    `MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment)-[:PART_OF*1..]->(c:Chain)
     MATCH (e)-[:LOCATED_IN]->(d:District)
     WITH c, s, e, d ORDER BY c.id, s.id, e.id LIMIT 1
     MATCH (src:Source) WITH c, s, e, d, src ORDER BY src.id LIMIT 1
     RETURN c.id AS chainId, s.id AS segmentId, e.id AS enterpriseId, d.id AS districtId, src.id AS sourceId`,
  );
  const ids = row as unknown as CorpusIds;
  const webRoot = mkdtempSync(join(tmpdir(), 'kg-corpus-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>kg</title>');
  const config = loadConfig({
    KG_TOKENS: `analyst:${tokens.analyst},editor:${tokens.editor},admin:${tokens.admin}`,
    KG_CYPHER_TIMEOUT_MS: '1000',
    // The corpus sends many wrong tokens on purpose: failed-token throttling would answer them 429.
    KG_AUTH_THROTTLE: 'off',
    // Nothing should be written, but should a write slip through, its audit line stays out of the working file.
    KG_AUDIT_FILE: join(webRoot, 'audit.jsonl'),
  });
  app = createApp({ executor: createExecutor(db.driver, { timeoutMs: 20_000 }), config, webRoot });
  corpus = buildCorpus(ids, tokens, db.settings.password);
  before = await fingerprint(db.executor);
});

describe('bad input', () => {
  it('answers each of at least 1,000 malformed and hostile requests without a 5xx, with a known error code', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1000);
    const failures: string[] = [];
    const byCategory = new Map<string, number>();
    const log: { name: string; status: number; ms: number; problems: string[] }[] = [];
    for (const c of corpus) {
      byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1);
      try {
        const answer = await send(app.fetch, c);
        const problems = judge(c, answer, forbidden);
        for (const problem of problems) failures.push(`${c.name}: ${problem}`);
        log.push({ name: c.name, status: answer.status, ms: Math.round(answer.ms), problems });
      } catch (error) {
        failures.push(`${c.name}: ${(error as Error).message}`);
        log.push({ name: c.name, status: 0, ms: 0, problems: [(error as Error).message] });
      }
    }
    // Every case with its status and time, for a look after a failure (test-artifacts/ is git-ignored).
    mkdirSync(join(projectRoot, 'test-artifacts'), { recursive: true });
    writeFileSync(join(projectRoot, 'test-artifacts/bad-input-corpus.json'), JSON.stringify(log, null, 1));
    console.log(
      `bad-input corpus: ${corpus.length} cases tried (${[...byCategory].map(([k, n]) => `${k} ${n}`).join(', ')}), ${failures.length} failed`,
    );
    expect(failures).toEqual([]);
  }, 600_000);

  it('wrote nothing: the same nodes, relationships and checksum as before the corpus', async () => {
    expect(await fingerprint(db.executor)).toEqual(before);
  });

  it('still answers afterwards, and no prototype was polluted', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await app.fetch(new Request('http://corpus.local/healthz'))).status).toBe(200);
    const response = await app.fetch(
      new Request('http://corpus.local/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ programs { id } }' }),
      }),
    );
    const body = (await response.json()) as { data?: { programs: unknown[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.programs.length).toBeGreaterThan(0);
  });
});
