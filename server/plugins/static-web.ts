// Serves the built web page (web/dist) from the product itself: no CDN on a closed network.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { Plugin } from 'graphql-yoga';

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

export function useStaticWeb(root: string): Plugin {
  const base = resolve(root);
  return {
    onRequest({ request, url, endResponse }) {
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
      const hashed = /\/assets\//.test(path);
      endResponse(
        new Response(readFileSync(path), {
          headers: {
            'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
            'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
          },
        }),
      );
    },
  };
}
