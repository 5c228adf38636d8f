// Content negotiation for compressed responses: which encoding a client accepts (brotli before gzip,
// q-values honoured), which media types are worth compressing, and the compression itself (node:zlib).
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The encoding to send for an Accept-Encoding header, or null for the identity (uncompressed). */
export function negotiateEncoding(header: string | null): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name: Encoding) => q.get(name) ?? q.get('*') ?? 0;
  const br = weight('br');
  const gz = weight('gzip');
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return null;
}

/** Text-like media types: compressing images or fonts that are compressed already only costs CPU. */
export function isCompressible(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type === 'application/graphql-response+json' ||
    type === 'application/javascript' ||
    type === 'image/svg+xml' ||
    type === 'application/wasm'
  );
}

/**
 * Compresses off the event loop. `quality` is brotli's 0–11 (gzip maps it onto its 1–9): dynamic
 * answers use a fast level, files compressed once use the best.
 */
export async function compress(body: Uint8Array, encoding: Encoding, quality: 'fast' | 'best'): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(body, { level: quality === 'best' ? 9 : 6 });
  return brotliAsync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality === 'best' ? 11 : 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      // A larger window finds the repeats of multi-megabyte bundles (GraphiQL); browsers accept up to 24.
      [constants.BROTLI_PARAM_LGWIN]: body.byteLength > 1 << 22 ? 24 : 22,
    },
  });
}

/** Appends to Vary without repeating a name already there. */
export function addVary(headers: Headers, ...names: string[]): void {
  const present = (headers.get('vary') ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  for (const name of names) if (!present.some((p) => p.toLowerCase() === name.toLowerCase())) present.push(name);
  headers.set('vary', present.join(', '));
}
