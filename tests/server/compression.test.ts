// What the server sends over the wire: the web page's files brotli/gzip by Accept-Encoding from the
// build's .br/.gz siblings (or compressed once), ETag and 304, immutable hashed assets and a revalidated
// index.html; the GraphiQL page compressed; large GraphQL answers compressed, never shared-cached with a
// bearer; and every body as it is for a client that accepts no encoding.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { negotiateEncoding } from '../../server/http/content-encoding.js';
import { precompressDir } from '../../web/precompress.js';
import { useTestDb } from '../helpers/neo4j.js';
import { TOKENS, testConfig } from './helpers.js';

const db = useTestDb();
const web = mkdtempSync(join(tmpdir(), 'kg-web-'));
afterAll(() => rmSync(web, { recursive: true, force: true }));

// A built page in miniature: text long enough to be worth compressing, one asset without siblings.
const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{id:${i},name:"环节${i}"}`).join(',')}];\n`;
const html = `<!doctype html><html><head><title>图谱</title>${'<meta name="x" content="padding">'.repeat(40)}</head><body><script type="module" src="/assets/index-AbC123.js"></script></body></html>`;
mkdirSync(join(web, 'assets'));
writeFileSync(join(web, 'index.html'), html);
writeFileSync(join(web, 'assets', 'index-AbC123.js'), script);
const built = precompressDir(web);
writeFileSync(join(web, 'assets', 'late-XyZ789.css'), `.a{color:red}\n`.repeat(200)); // after the build: no siblings

const app = createApp({ executor: db.executor, config: testConfig(), webRoot: web });
const get = (path: string, headers: Record<string, string> = {}) => app.fetch(`http://test${path}`, { headers });
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

describe('Accept-Encoding negotiation', () => {
  it('prefers brotli, honours q-values and refusals, and falls back to the identity', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding(null)).toBeNull();
  });
});

describe('the web page', () => {
  it('writes .br and .gz beside each text file at build time', async () => {
    expect(await built).toBe(2);
    const asset = join(web, 'assets', 'index-AbC123.js');
    expect(brotliDecompressSync(readFileSync(`${asset}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${asset}.gz`)).toString()).toBe(script);
  });

  it('sends a hashed asset as brotli from its sibling, immutable for a year', async () => {
    await built;
    const r = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-encoding')).toBe('br');
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(r.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(r.headers.get('content-type')).toMatch(/^text\/javascript/);
    const body = await bytes(r);
    expect(body.equals(readFileSync(join(web, 'assets', 'index-AbC123.js.br')))).toBe(true);
    expect(Number(r.headers.get('content-length'))).toBe(body.length);
    expect(body.length).toBeLessThan(script.length / 3);
  });

  it('sends gzip to a client without brotli, and the file as it is to one that accepts no encoding', async () => {
    await built;
    const gz = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(script);
    for (const headers of [
      {} as Record<string, string>,
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ]) {
      const plain = await get('/assets/index-AbC123.js', headers);
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect((await bytes(plain)).toString()).toBe(script);
    }
  });

  it('compresses a file without siblings once, on first request', async () => {
    const r = await get('/assets/late-XyZ789.css', { 'accept-encoding': 'br' });
    expect(r.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(await bytes(r)).toString()).toBe(`.a{color:red}\n`.repeat(200));
  });

  it('revalidates index.html (no-cache + ETag) and answers a matching If-None-Match with 304', async () => {
    await built;
    for (const encoding of ['br', 'gzip', '']) {
      const headers: Record<string, string> = encoding ? { 'accept-encoding': encoding } : {};
      const first = await get('/', headers);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('no-cache');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      await first.arrayBuffer();
      const again = await get('/', { ...headers, 'if-none-match': etag! });
      expect(again.status).toBe(304);
      expect((await bytes(again)).length).toBe(0);
      const changed = await get('/', { ...headers, 'if-none-match': '"another"' });
      expect(changed.status).toBe(200);
    }
    // One ETag per representation: a gzip validator does not revalidate the brotli bytes.
    const br = (await get('/', { 'accept-encoding': 'br' })).headers.get('etag');
    const gz = (await get('/', { 'accept-encoding': 'gzip' })).headers.get('etag');
    expect(br).not.toBe(gz);
    expect((await get('/', { 'accept-encoding': 'br', 'if-none-match': gz! })).status).toBe(200);
    // A deep link is the page too.
    const deep = await get('/chain/x', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(await bytes(deep)).toString()).toBe(html);
  });
});

describe('GraphiQL', () => {
  const page = (headers: Record<string, string>) => get('/graphql', { accept: 'text/html', ...headers });

  it('sends the 9 MB page compressed, with an ETag, and whole to a client that accepts no encoding', async () => {
    const plain = await page({});
    const raw = await bytes(plain);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(raw.length).toBeGreaterThan(5_000_000);
    expect(raw.toString()).toContain('Changchun chain-owner graph');
    const br = await page({ 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const body = await bytes(br);
    expect(body.length).toBeLessThan(raw.length / 4);
    expect(brotliDecompressSync(body).equals(raw)).toBe(true);
    const gz = await page({ 'accept-encoding': 'gzip' });
    expect(gunzipSync(await bytes(gz)).equals(raw)).toBe(true);
    const again = await page({ 'accept-encoding': 'br', 'if-none-match': br.headers.get('etag')! });
    expect(again.status).toBe(304);
  }, 60_000);
});

describe('GraphQL answers', () => {
  const post = (query: string, headers: Record<string, string>) =>
    app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query }),
    });
  const large = '{ __schema { types { name description fields { name description } } } }';

  it('compresses a large answer for a client that accepts it, and leaves a small one as it is', async () => {
    const plain = await post(large, {});
    const text = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(text.length).toBeGreaterThan(2048);
    const br = await post(large, { 'accept-encoding': 'br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(JSON.parse(brotliDecompressSync(await bytes(br)).toString())).toEqual(JSON.parse(text));
    const gz = await post(large, { 'accept-encoding': 'gzip' });
    expect(JSON.parse(gunzipSync(await bytes(gz)).toString())).toEqual(JSON.parse(text));
    const small = await post('{ __typename }', { 'accept-encoding': 'br' });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect((await small.json()).data).toEqual({ __typename: 'Query' });
  });

  it('marks an answer to a bearer private and unstorable, and one without a bearer for revalidation', async () => {
    const withBearer = await post(large, { 'accept-encoding': 'br', authorization: `Bearer ${TOKENS.analyst}` });
    expect(withBearer.status).toBe(200);
    expect(withBearer.headers.get('cache-control')).toBe('private, no-store');
    expect(withBearer.headers.get('vary')).toMatch(/Authorization/);
    const anonymous = await post('{ __typename }', {});
    expect(anonymous.headers.get('cache-control')).toBe('no-cache');
  });
});
