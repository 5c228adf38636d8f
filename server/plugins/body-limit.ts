// Request body size limit (KG_MAX_BODY_BYTES; multipart file uploads KG_MAX_UPLOAD_BYTES): refused
// before parsing with 413 and a GraphQL-shaped JSON body, whether the client declares Content-Length or
// streams the body in chunks. A body within its declared Content-Length is not copied: Node's HTTP
// parser hands over exactly that many bytes, so only undeclared (chunked) bodies are counted.
import type { Plugin } from 'graphql-yoga';

function tooLarge(max: number, upload = false): Response {
  const message = upload
    ? `The upload is larger than ${max} bytes (KG_MAX_UPLOAD_BYTES). Send a smaller file, or import it with the command line, which has no size limit (npm run seed -- ingest FILE for a document, npm run seed -- registry FILE for a registry export).`
    : `The request body is larger than ${max} bytes. Send a smaller query or fewer variables.`;
  const body = {
    errors: [
      {
        message,
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ],
  };
  return new Response(JSON.stringify(body), {
    status: 413,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

async function readLimited(request: Request, max: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const isUpload = (request: Request) =>
  (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');

/** A single non-negative integer; anything else (absent, "1,2", "-1") gets the counting reader. */
function declaredLength(request: Request): number | null {
  const header = request.headers.get('content-length');
  return header !== null && /^\d+$/.test(header) ? Number(header) : null;
}

export function useBodyLimit(maxBytes: number, maxUploadBytes = maxBytes): Plugin {
  const limitOf = (request: Request) => (isUpload(request) ? maxUploadBytes : maxBytes);
  return {
    onRequest({ request, endResponse }) {
      const declared = declaredLength(request);
      const max = limitOf(request);
      if (declared !== null && declared > max) endResponse(tooLarge(max, isUpload(request)));
    },
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (request.method !== 'POST' || !requestParser) return;
      // Declared and within the limit (onRequest refused the rest): the body cannot be longer.
      if (declaredLength(request) !== null) return;
      setRequestParser(async (req) => {
        const max = limitOf(req);
        const body = await readLimited(req, max);
        if (!body) return tooLarge(max, isUpload(req));
        return requestParser(
          new Request(req.url, { method: req.method, headers: req.headers, body: body as unknown as BodyInit }),
        );
      });
    },
  };
}
