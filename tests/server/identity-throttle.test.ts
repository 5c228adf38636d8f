// Failed-token throttling over real sockets: unknown tokens from one address are answered later and
// later, then 429 with Retry-After; X-Forwarded-For counts only from a trusted proxy (KG_TRUSTED_PROXY),
// and then its right-most untrusted hop is the address; KG_AUTH_THROTTLE=off leaves test suites alone.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { clientAddress, failureDelayMs, parseTrustedProxies } from '../../server/auth/index.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { useTestDb } from '../helpers/neo4j.js';
import { TOKENS, testConfig } from './helpers.js';

const db = useTestDb();
const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

/** An app on a real port of 127.0.0.1 (the peer address of every request), returning a request function. */
async function serve(env: Record<string, string>) {
  const app = createApp({ executor: db.executor, config: testConfig(env), webRoot: '/nonexistent-web-root' });
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return async (token: string | null, forwardedFor?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      code: body.errors?.[0]?.extensions?.code,
      message: body.errors?.[0]?.message ?? '',
      ms: performance.now() - started,
    };
  };
}

const BAD = 'guessed-token-000000000';

describe('failed tokens from one address', () => {
  it('are answered later and later, then refused with 429 and Retry-After; spoofed X-Forwarded-For is ignored', async () => {
    const send = await serve({ KG_AUTH_THROTTLE: '4/60' });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await send(BAD, `203.0.113.${i}`));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    // The third and fourth failures wait 250 and 500 ms (failureDelayMs); the first two do not.
    expect(answers[2].ms).toBeGreaterThanOrEqual(240);
    expect(answers[3].ms).toBeGreaterThanOrEqual(490);
    const refused = await send(BAD, '198.51.100.7');
    expect(refused).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(Number(refused.retryAfter)).toBeGreaterThan(50);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(refused.message).toMatch(/Too many unknown tokens.*Retry-After/);
    // The address is over budget: a token guessed right now is not heard either; reading without one is.
    expect((await send(TOKENS.editor)).status).toBe(429);
    expect((await send(null)).status).toBe(200);
  });

  it('counts the right-most untrusted X-Forwarded-For hop behind a trusted proxy', async () => {
    const send = await serve({ KG_AUTH_THROTTLE: '2/60', KG_TRUSTED_PROXY: 'loopback' });
    expect((await send(BAD, '192.0.2.10')).status).toBe(401);
    expect((await send(BAD, '192.0.2.10')).status).toBe(401);
    expect((await send(BAD, '192.0.2.10')).status).toBe(429);
    // Another client behind the same proxy is not punished for it.
    expect((await send(TOKENS.editor, '192.0.2.20')).status).toBe(200);
    // A hop the client wrote itself (left of the real one) changes nothing; trusted hops are skipped.
    expect((await send(BAD, '10.9.9.9, 192.0.2.10')).status).toBe(429);
    expect((await send(BAD, '192.0.2.10, 127.0.0.5')).status).toBe(429);
    // Without X-Forwarded-For the proxy itself is the address.
    expect((await send(BAD)).status).toBe(401);
  });

  it('is off with KG_AUTH_THROTTLE=off', async () => {
    const send = await serve({ KG_AUTH_THROTTLE: 'off' });
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await send(BAD));
    expect(answers.every((a) => a.status === 401)).toBe(true);
    // Throttled, failures 3 to 12 would wait 27.75 s in all (failureDelayMs).
    expect(answers.reduce((sum, a) => sum + a.ms, 0)).toBeLessThan(5000);
  });
});

describe('throttle settings', () => {
  it('grows the delay from the third failure and caps it', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(failureDelayMs)).toEqual([0, 0, 250, 500, 1000, 2000, 4000, 4000]);
  });

  it('reads the address from the peer unless it is a trusted proxy', () => {
    const proxies = parseTrustedProxies('10.0.0.0/8, 2001:db8::1');
    expect(clientAddress('192.0.2.1', '198.51.100.1', proxies)).toBe('192.0.2.1');
    expect(clientAddress('::ffff:10.1.2.3', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('10.1.2.3', '198.51.100.1, 10.0.0.2', proxies)).toBe('198.51.100.1');
    expect(clientAddress('2001:db8::1', '198.51.100.9', proxies)).toBe('198.51.100.9');
    expect(clientAddress('192.0.2.1', '198.51.100.1', null)).toBe('192.0.2.1');
  });

  it('names bad KG_AUTH_THROTTLE and KG_TRUSTED_PROXY values at start, with the token problems', () => {
    const bad = () =>
      loadConfig({ KG_AUTH_THROTTLE: 'sometimes', KG_TRUSTED_PROXY: 'loopback, 10.0.0.0/33', KG_TOKENS: 'boss:x' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/KG_TOKENS line 1[\s\S]*KG_AUTH_THROTTLE: "sometimes"[\s\S]*KG_TRUSTED_PROXY: "10.0.0.0\/33"/);
    expect(loadConfig({ KG_AUTH_THROTTLE: '5/30' }).throttle).toEqual({ attempts: 5, windowMs: 30_000 });
    expect(loadConfig({}).throttle).toEqual({ attempts: 10, windowMs: 60_000 });
  });
});
