// When Neo4j goes away the API fails fast with DATABASE_UNAVAILABLE, /readyz turns 503, and both
// recover by themselves when it is back. Neo4j "goes away" by closing a TCP proxy between the app's
// driver and the test instance, so the test instance itself keeps running for the other files.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../graph/connection.js';
import { createExecutor } from '../../graph/executor.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { loadApiFixture } from '../fixtures/api/small-graph.js';
import { codes, gql, testApp } from './helpers.js';

const db = useTestDb();

class TcpProxy {
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

const target = new URL(db.settings.uri.replace('bolt://', 'http://'));
const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port) });
let driver: ReturnType<typeof createDriver>;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
  await proxy.open();
  driver = createDriver({ ...db.settings, uri: `bolt://127.0.0.1:${proxy.port}` });
  app = testApp(createExecutor(driver, { timeoutMs: 5000 }));
});

afterAll(async () => {
  await proxy.close();
  await driver.close();
});

const ready = async () => (await app.fetch('http://test/readyz')).status;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Neo4j going away and coming back', () => {
  it('answers normally while the database is there', async () => {
    expect((await gql(app, '{ programs { id } }')).data!.programs).toHaveLength(1);
    expect(await ready()).toBe(200);
  });

  it('fails fast with DATABASE_UNAVAILABLE and turns /readyz to 503', async () => {
    await proxy.close();
    const started = Date.now();
    const r = await gql(app, '{ chains { id name } }');
    const elapsed = Date.now() - started;
    expect(codes(r)).toEqual(['DATABASE_UNAVAILABLE']);
    expect(r.errors![0].message).toMatch(/Try again shortly/);
    expect(r.status).toBe(503);
    expect(elapsed).toBeLessThan(10_000);
    await sleep(1100); // readiness answers are cached for a second
    expect(await ready()).toBe(503);
    expect((await app.fetch('http://test/healthz')).status).toBe(200);
  }, 30_000);

  it('recovers by itself when the database is back', async () => {
    await proxy.open();
    let answer = await gql(app, '{ programs { id } }');
    for (let i = 0; i < 20 && answer.errors; i++) {
      await sleep(500);
      answer = await gql(app, '{ programs { id } }');
    }
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.programs).toHaveLength(1);
    await sleep(1100);
    expect(await ready()).toBe(200);
  }, 30_000);
});
