// What /graphql sends: answers compressed (brotli or gzip) when large and the client accepts it, never
// stored by a shared cache when the request carries a bearer token; the GraphiQL page sent from its
// precompressed forms with an ETag (server/http/graphiql-page.ts).
import type { Plugin } from 'graphql-yoga';
import { addVary, compress, isCompressible, negotiateEncoding } from '../http/content-encoding.js';
import type { GraphiqlPage } from '../http/graphiql-page.js';
import { etagMatches } from './static-web.js';

/** Answers smaller than this go out as they are: compressing them saves less than it costs. */
export const MIN_COMPRESS_BYTES = 1024;

const asBody = (b: Buffer | Uint8Array) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

/** Streams (subscriptions, incremental delivery) are left alone: compressing them would hold their parts back. */
function isStream(contentType: string) {
  return /^(text\/event-stream|multipart\/)/i.test(contentType);
}

/** The path of an absolute URL without parsing it (a URL object per request shows on trivial queries). */
export function pathnameOf(url: string): string {
  const afterScheme = url.indexOf('://');
  const slash = url.indexOf('/', afterScheme < 0 ? 0 : afterScheme + 3);
  if (slash < 0) return '/';
  const end = url.slice(slash).search(/[?#]/);
  return end < 0 ? url.slice(slash) : url.slice(slash, slash + end);
}

export function useCompressedResponses(graphiql: GraphiqlPage): Plugin {
  return {
    async onResponse({ request, response, setResponse }) {
      if (!pathnameOf(request.url).startsWith('/graphql')) return;
      const headers = response.headers;
      // A bearer's answer belongs to that caller alone: no proxy or shared cache may keep or replay it.
      if (request.headers.has('authorization')) {
        headers.set('cache-control', 'private, no-store');
        addVary(headers, 'Authorization');
      } else if (!headers.has('cache-control')) headers.set('cache-control', 'no-cache');
      const type = headers.get('content-type') ?? '';
      const encoding = negotiateEncoding(request.headers.get('accept-encoding'));

      if (request.method === 'GET' && response.status === 200 && type.startsWith('text/html')) {
        // Yoga rendered graphiql.html (app.ts passes it as the renderer): send the kept bytes instead.
        await response.body?.cancel();
        headers.set('etag', encoding ? graphiql.etag.replace(/"$/, `-${encoding}"`) : graphiql.etag);
        addVary(headers, 'Accept-Encoding');
        headers.delete('content-length');
        if (etagMatches(request.headers.get('if-none-match'), headers.get('etag')!)) {
          setResponse(new Response(null, { status: 304, headers }));
          return;
        }
        const body = encoding ? await graphiql.variant(encoding) : graphiql.raw;
        if (encoding) headers.set('content-encoding', encoding);
        headers.set('content-length', String(body.length));
        setResponse(new Response(asBody(body), { status: 200, headers }));
        return;
      }

      if (!isCompressible(type) || isStream(type) || headers.has('content-encoding')) return;
      addVary(headers, 'Accept-Encoding');
      if (!encoding || request.method === 'HEAD' || !response.body) return;
      const declared = Number(headers.get('content-length') ?? Number.NaN);
      if (declared < MIN_COMPRESS_BYTES) return;
      const raw = new Uint8Array(await response.arrayBuffer());
      const init = { status: response.status, statusText: response.statusText, headers };
      if (raw.byteLength < MIN_COMPRESS_BYTES) {
        setResponse(new Response(raw, init));
        return;
      }
      const body = await compress(raw, encoding, 'fast');
      headers.set('content-encoding', encoding);
      headers.set('content-length', String(body.length));
      setResponse(new Response(asBody(body), init));
    },
  };
}
