// GraphQL over HTTP: the graphql-http audits (every MUST passes), request size and query shape limits
// answered in GraphQL JSON before execution, masked unexpected errors, and GraphiQL served with no
// external asset.
import { beforeAll, describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { codes, gql, testApp } from './helpers.js';
import { LIMITS } from '../../server/plugins/armor.js';

const db = useTestDb();
const app = testApp(db.executor, { KG_MAX_BODY_BYTES: '20000' });

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
});

describe('graphql-http audits', () => {
  const audits = serverAudits({
    url: 'http://test/graphql',
    fetchFn: (input: string, init?: RequestInit) => app.fetch(new Request(input, init)),
  });
  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (audit.name.startsWith('MUST'))
        expect(
          result.status,
          'status' in result && result.status !== 'ok' ? (result as { reason?: string }).reason : '',
        ).toBe('ok');
      else expect(['ok', 'warn']).toContain(result.status);
    });
  }
});

describe('limits', () => {
  it('refuses a query deeper than the limit with QUERY_TOO_COMPLEX, before touching the database', async () => {
    let nested = 'id';
    for (let i = 0; i < LIMITS.maxDepth; i++) nested = `children { ${nested} }`;
    const r = await gql(app, `{ node(id: "${F.chip}") { ... on Segment { ${nested} } } }`);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.errors![0].message).toMatch(/depth limit.*fewer nested levels/);
    expect(r.status).toBe(400);
    expect(r.extensions?.transactions ?? 0).toBe(0);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: programs { id }`).join(' ');
    const r = await gql(app, `{ ${aliases} }`);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.errors![0].message).toMatch(/[Aa]liases/);
  });

  it('refuses a costly query', async () => {
    const r = await gql(app, '{ search(text: "光", first: 100000) { entity { id name } } }');
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses a body above KG_MAX_BODY_BYTES with 413 and GraphQL JSON, declared or streamed', async () => {
    const big = JSON.stringify({ query: `{ programs { id } } # ${'x'.repeat(30_000)}` });
    const declared = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(declared.status).toBe(413);
    const body = (await declared.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/larger than 20000 bytes/);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(big.slice(i * 3100, (i + 1) * 3100)));
        controller.close();
      },
    });
    const streamed = await app.fetch(
      new Request('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });

  it('still answers a normal POST', async () => {
    const r = await gql(app, '{ programs { id } }');
    expect(r.data!.programs).toEqual([{ id: F.program }]);
  });
});

describe('errors', () => {
  it('answers BAD_USER_INPUT for a query that does not fit the schema, with a hint', async () => {
    const r = await gql(app, '{ chains { nmae } }');
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(/Did you mean "name"/);
  });

  it('masks an unexpected error and logs it instead of sending it', async () => {
    const failing = {
      ...db.executor,
      read: () => Promise.reject(new Error('secret internal detail')),
      transactions: 0,
    } as typeof db.executor;
    const broken = testApp({ ...failing, scoped: () => failing } as typeof db.executor);
    const r = await gql(broken, '{ programs { id } }');
    expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(r)).not.toContain('secret internal detail');
    expect(r.errors![0].message).toMatch(/logged/);
  });
});

describe('GraphiQL', () => {
  it('is served at /graphql to a browser, with no external URL', async () => {
    const response = await app.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/graphiql/i);
    expect(html.length).toBeGreaterThan(100_000); // the bundle itself, not a loader
    const external = [...html.matchAll(/(?:src|href)\s*=\s*["'](https?:)?\/\/[^"']+/gi)].map((m) => m[0]);
    expect(external).toEqual([]);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdnjs|fonts\.googleapis/);
  });
});
