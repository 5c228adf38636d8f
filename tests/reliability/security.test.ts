// Secrets stay secret: no route or query reveals the Neo4j password or a token (health, readiness,
// GraphiQL, errors, a database that is down, researchers' Cypher, the audit trail), tokens are never
// stored in the graph, and every Neo4j of this project and the HTTP server listen on 127.0.0.1 only.
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../graph/connection.js';
import { createExecutor } from '../../graph/executor.js';
import { INSTANCES, renderConf, runtimeRoot } from '../../graph/runtime/instance-config.js';
import { serverPid } from '../../graph/runtime/instance.js';
import { createApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { validateAndLoad } from '../../seed/load/load.js';
import { emptyDatabase, testInstanceSpec, useTestDb } from '../helpers/neo4j.js';
import { DEFAULT_BENCH_PORT } from '../bench/lib/bench-instance.js';

const db = useTestDb();
const testInstance = testInstanceSpec();
const tokens = {
  analyst: `an-${randomBytes(18).toString('base64url')}`,
  editor: `ed-${randomBytes(18).toString('base64url')}`,
  admin: `ad-${randomBytes(18).toString('base64url')}`,
};
const secrets = [db.settings.password, ...Object.values(tokens)];
// The audit trail of this file's writes goes to a file of its own (never the working one), which is searched too.
const auditFile = join(mkdtempSync(join(tmpdir(), 'kg-security-')), 'audit.jsonl');
const config = loadConfig({
  KG_TOKENS: Object.entries(tokens)
    .map(([role, token]) => `${role}:${token}`)
    .join(','),
  KG_AUDIT_FILE: auditFile,
  // Probes with wrong tokens are not to be throttled (tests/server/identity-throttle.test.ts covers that).
  KG_AUTH_THROTTLE: 'off',
});

let app: App;
let sourceId: string;

/** Status, headers and body as one text to search for secrets. */
async function everything(response: Response): Promise<{ status: number; text: string }> {
  const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
  return { status: response.status, text: `${headers}\n\n${await response.text()}` };
}

function gqlRequest(query: string, variables: Record<string, unknown> = {}, token?: string): Request {
  return new Request('http://sec.local/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
}

function expectNoSecret(text: string, where: string) {
  for (const secret of secrets) expect(text.includes(secret), `${where} reveals a secret`).toBe(false);
}

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor);
  [{ id: sourceId }] = (await db.executor.query('MATCH (s:Source) RETURN s.id AS id ORDER BY id LIMIT 1')) as {
    id: string;
  }[];
  app = createApp({ executor: createExecutor(db.driver), config, webRoot: '/nonexistent-web-root' });
});

describe('secrets', () => {
  it('are in no answer of the health, readiness, GraphiQL and error routes', async () => {
    const requests = [
      new Request('http://sec.local/healthz'),
      new Request('http://sec.local/readyz'),
      new Request('http://sec.local/graphql', { headers: { accept: 'text/html' } }),
      new Request('http://sec.local/nothing-here'),
      gqlRequest('{ nope }'),
      gqlRequest('{ programs { id } }', {}, `${tokens.analyst}-wrong`),
      gqlRequest('{ auditTrail { entries { id } } }', {}, tokens.analyst),
      gqlRequest('{ viewer { role publicRead canSeeTargets } }', {}, tokens.admin),
    ];
    for (const request of requests) {
      const { status, text } = await everything(await app.fetch(request));
      expect(status, request.url).toBeLessThan(500);
      expectNoSecret(text, `${request.method} ${request.url}`);
    }
  });

  it('are in no answer while Neo4j is unreachable (errors and readiness)', async () => {
    // The real password against a port where nothing listens: the driver's errors must not carry it.
    const driver = createDriver(
      { ...db.settings, uri: 'bolt://127.0.0.1:9' },
      { acquisitionTimeoutMs: 1500, maxRetryTimeMs: 500 },
    );
    try {
      const down = createApp({
        executor: createExecutor(driver, { timeoutMs: 2000 }),
        config,
        webRoot: '/nonexistent-web-root',
      });
      for (const request of [
        gqlRequest('{ programs { id } }'),
        gqlRequest('query C { cypher(query: "RETURN 1") { rows } }', {}, tokens.analyst),
        new Request('http://sec.local/readyz'),
      ]) {
        const { status, text } = await everything(await down.fetch(request));
        expect(status).toBeGreaterThanOrEqual(400);
        expectNoSecret(text, `down: ${request.url}`);
        if (request.url.endsWith('/graphql')) expect(text).toContain('DATABASE_UNAVAILABLE');
      }
    } finally {
      await driver.close();
    }
  });

  it("are out of reach of researchers' Cypher", async () => {
    const probes = [
      'CALL dbms.listConfig() YIELD name, value RETURN name, value',
      'CALL dbms.showCurrentUser()',
      'SHOW USERS',
      'CALL dbms.security.listUsers()',
      'CALL dbms.components()',
      'RETURN apoc.version() AS v',
      'CALL apoc.meta.data()',
      'MATCH (n) RETURN properties(n) AS p LIMIT 1000',
    ];
    for (const q of probes) {
      const { status, text } = await everything(
        await app.fetch(gqlRequest('query C($q: String!) { cypher(query: $q) { rows } }', { q }, tokens.analyst)),
      );
      expect(status, q).toBeLessThan(500);
      expectNoSecret(text, `cypher ${q}`);
    }
  });

  it('are never stored in the graph, the audit file or the audit trail, which names the caller by a fingerprint', async () => {
    const write = await app.fetch(
      gqlRequest(
        'mutation M($i: EnterpriseInput!) { upsertEnterprise(input: $i) { id } }',
        { i: { id: 'ent:security-probe', name: '安全探针企业', local: false, sources: [sourceId], quote: 'probe' } },
        tokens.editor,
      ),
    );
    const written = (await write.json()) as { errors?: unknown };
    expect(written.errors).toBeUndefined();
    const audit = await everything(
      await app.fetch(
        gqlRequest(
          '{ auditTrail(first: 10) { entries { actorRole actorFingerprint action target before after } } }',
          {},
          tokens.admin,
        ),
      ),
    );
    expect(audit.text).toContain('ent:security-probe');
    expectNoSecret(audit.text, 'auditTrail');
    const stored = await db.executor.query(
      'CALL () { MATCH (n) RETURN properties(n) AS p UNION ALL MATCH ()-[r]->() RETURN properties(r) AS p } RETURN collect(p) AS all',
    );
    const text = JSON.stringify(stored);
    expect(text).toContain('安全探针企业'); // the write itself is there…
    expectNoSecret(text, 'the stored graph'); // …and no token or password anywhere in it
    const auditLines = readFileSync(auditFile, 'utf8');
    expect(auditLines).toContain('ent:security-probe');
    expectNoSecret(auditLines, 'the audit file');
  });
});

describe('listening addresses', () => {
  it('every Neo4j configuration of the project binds 127.0.0.1 only, the benchmark one included', () => {
    const specs = [
      ...Object.values(INSTANCES),
      { name: 'bench-probe', boltPort: DEFAULT_BENCH_PORT, heap: '3g', pageCache: '2g' },
    ];
    for (const spec of specs) {
      const conf = renderConf(spec);
      expect(conf).toContain('server.default_listen_address=127.0.0.1\n');
      expect(conf).toContain(`server.bolt.listen_address=127.0.0.1:${spec.boltPort}\n`);
      expect(conf).toContain('server.http.enabled=false\n');
      expect(conf).not.toMatch(/0\.0\.0\.0|listen_address=:/);
    }
  });

  it.runIf(process.platform === 'linux')('every running Neo4j of this project listens on 127.0.0.1 only', () => {
    const ours = readdirSync('/proc')
      .filter((pid) => /^\d+$/.test(pid))
      .filter((pid) => {
        try {
          const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          return cmd.includes('CommunityEntryPoint') && cmd.includes(runtimeRoot);
        } catch {
          return false; // the process ended meanwhile
        }
      });
    const sockets = execSync('ss -Hltnp', { encoding: 'utf8' }).split('\n');
    // An instance that is still starting listens nowhere yet: only what listens is judged, and the
    // test instance (running for this suite) must be among them.
    for (const pid of ours) {
      for (const line of sockets.filter((l) => l.includes(`pid=${pid},`))) {
        expect(line, `Neo4j pid ${pid}`).toMatch(/\s(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):\d+\s/);
      }
    }
    if (!db.settings.external) {
      const testPid = serverPid(testInstance);
      const bolt = new RegExp(`127\\.0\\.0\\.1\\]?:${testInstance.boltPort}\\s`);
      expect(sockets.some((l) => l.includes(`pid=${testPid},`) && bolt.test(l))).toBe(true);
    }
  });

  it('the HTTP server listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });
});
