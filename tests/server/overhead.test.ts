// The trivial-query shortcuts keep their protection over real HTTP: a declared body above the limit
// and an undeclared (chunked) one are refused with 413, a declared body within the limit is answered
// without being copied, /readyz answers only its own path, and pathnameOf reads paths right.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor } from '../../graph/executor.js';
import { pathnameOf } from '../../server/plugins/compress-responses.js';
import { testApp } from './helpers.js';

// `{ __typename }` and the 413 answers never reach the database: a driver that connects lazily is enough.
const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'unused'), {
  connectionTimeout: 500,
  connectionAcquisitionTimeout: 1000,
});
const app = testApp(createExecutor(driver), { KG_MAX_BODY_BYTES: '2000' });
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await driver.close();
});

function post(body: string, chunked: boolean): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = String(Buffer.byteLength(body));
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    if (chunked) for (let i = 0; i < body.length; i += 500) req.write(body.slice(i, i + 500));
    else req.write(body);
    req.end();
  });
}

const small = JSON.stringify({ query: '{ __typename }' });
const big = JSON.stringify({ query: `{ __typename } # ${'x'.repeat(5000)}` });

describe('body limit over HTTP', () => {
  it('answers a declared body within the limit, sent whole or in chunks', async () => {
    for (const chunked of [false, true]) {
      const r = await post(small, chunked);
      expect(r.status).toBe(200);
      expect(JSON.parse(r.text).data).toEqual({ __typename: 'Query' });
    }
  });
  it('refuses a body above the limit with 413, declared or chunked', async () => {
    for (const chunked of [false, true]) {
      const r = await post(big, chunked);
      expect(r.status).toBe(413);
      expect(JSON.parse(r.text).errors[0].message).toMatch(/larger than 2000 bytes/);
    }
  });
});

describe('readiness route', () => {
  // /readyz itself against a database that is down: tests/server/database-down.test.ts.
  it('leaves paths that only start like /readyz alone', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/readyz-not`)).status).toBe(404);
  });
});

describe('pathnameOf', () => {
  it('reads the path of absolute URLs', () => {
    expect(pathnameOf('http://a.b:80/graphql?query=x')).toBe('/graphql');
    expect(pathnameOf('http://a.b/graphql#f')).toBe('/graphql');
    expect(pathnameOf('http://a.b')).toBe('/');
    expect(pathnameOf('https://a.b/x/y')).toBe('/x/y');
  });
});
