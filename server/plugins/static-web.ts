// Serves the built web page (web/dist) from the product itself: no CDN on a closed network. Each file
// goes out brotli- or gzip-compressed when the client accepts it (the build's .br/.gz siblings, else
// compressed once here and kept), with an ETag; hashed assets are immutable, index.html is revalidated.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, normalize, resolve } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { addVary, compress, type Encoding, isCompressible, negotiateEncoding } from '../http/content-encoding.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

/** Below this size a compressed body saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

interface FileEntry {
  stamp: string;
  raw: Buffer;
  etag: string;
  variants: Map<Encoding, Promise<Buffer | null>>;
}

/** A sibling written by the build (web/precompress.ts), used only when it is not older than the file. */
function precompressed(path: string, encoding: Encoding, mtimeMs: number): Buffer | null {
  const sibling = path + SUFFIX[encoding];
  if (!existsSync(sibling) || statSync(sibling).mtimeMs < mtimeMs) return null;
  return readFileSync(sibling);
}

/** A Buffer as a Response body without copying (zlib's Buffers are typed over ArrayBufferLike). */
const asBody = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

export function useStaticWeb(root: string): Plugin {
  const base = resolve(root);
  const files = new Map<string, FileEntry>();

  const entryFor = (path: string): FileEntry => {
    const stat = statSync(path);
    const stamp = `${stat.mtimeMs}:${stat.size}`;
    const known = files.get(path);
    if (known?.stamp === stamp) return known;
    const raw = readFileSync(path);
    const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`;
    const entry: FileEntry = { stamp, raw, etag, variants: new Map() };
    files.set(path, entry);
    return entry;
  };

  const variant = (path: string, entry: FileEntry, encoding: Encoding): Promise<Buffer | null> => {
    let pending = entry.variants.get(encoding);
    if (!pending) {
      const built = precompressed(path, encoding, statSync(path).mtimeMs);
      // Without the build's sibling (a dev build, a file added by hand): compressed once, kept in memory.
      const compressed = built ? Promise.resolve(built) : compress(entry.raw, encoding, 'fast');
      // A compressed form that is not smaller is not worth a Content-Encoding.
      pending = compressed.then((body) => (body.length < entry.raw.length ? body : null));
      entry.variants.set(encoding, pending);
    }
    return pending;
  };

  return {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname.startsWith('/graphql') || url.pathname === '/healthz' || url.pathname === '/readyz') return;
      let decoded: string;
      try {
        decoded = decodeURIComponent(url.pathname);
      } catch {
        return; // malformed percent-encoding (%ZZ, overlong UTF-8): not a file of ours; yoga answers 404
      }
      let path = normalize(join(base, decoded));
      if (!path.startsWith(base)) return;
      if (!existsSync(path) || statSync(path).isDirectory()) path = join(base, 'index.html'); // SPA deep links
      if (!existsSync(path)) return;
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      const hashed = /\/assets\//.test(path);
      const entry = entryFor(path);
      const compressible = isCompressible(type) && entry.raw.length >= MIN_COMPRESS_BYTES;
      const encoding = compressible ? negotiateEncoding(request.headers.get('accept-encoding')) : null;
      const body = encoding ? await variant(path, entry, encoding) : null;
      const headers = new Headers({
        'content-type': type,
        // Hashed names change with their content: cached for a year. index.html names them: revalidated.
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        // One ETag per representation, so a cache never answers a gzip validator with brotli bytes.
        etag: body && encoding ? entry.etag.replace(/"$/, `-${encoding}"`) : entry.etag,
      });
      if (compressible) addVary(headers, 'Accept-Encoding');
      if (body && encoding) headers.set('content-encoding', encoding);
      if (etagMatches(request.headers.get('if-none-match'), headers.get('etag')!)) {
        endResponse(new Response(null, { status: 304, headers }));
        return;
      }
      headers.set('content-length', String((body ?? entry.raw).length));
      endResponse(new Response(request.method === 'HEAD' ? null : asBody(body ?? entry.raw), { headers }));
    },
  };
}
