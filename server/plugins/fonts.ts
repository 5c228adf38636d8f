// Serves the Noto CJK faces the project installs (Debian fonts-noto-cjk) at /fonts/<file>, so the
// print page of a briefing names fonts of the product itself (no CDN). Only the listed files.
import { existsSync, readFileSync } from 'node:fs';
import type { Plugin } from 'graphql-yoga';

const DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'];
const FILES = new Set(['NotoSerifCJK-Regular.ttc', 'NotoSerifCJK-Bold.ttc', 'NotoSansCJK-Regular.ttc']);

export function useFonts(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' || !url.pathname.startsWith('/fonts/')) return;
      const name = url.pathname.slice('/fonts/'.length);
      const path = FILES.has(name) ? DIRS.map((d) => `${d}/${name}`).find((p) => existsSync(p)) : undefined;
      endResponse(
        path
          ? new Response(readFileSync(path), {
              headers: { 'content-type': 'font/collection', 'cache-control': 'public, max-age=86400' },
            })
          : new Response(`No font ${name} here: install Debian's fonts-noto-cjk.`, { status: 404 }),
      );
    },
  };
}
