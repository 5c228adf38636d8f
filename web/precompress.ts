// Vite plugin: after the build writes web/dist, writes a .br (brotli, best quality) and a .gz (gzip -9)
// beside each text file, so the server sends compressed bytes without compressing per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const TEXT = new Set(['.html', '.js', '.css', '.svg', '.json', '.map', '.wasm']);
/** The server leaves smaller files uncompressed (server/plugins/static-web.ts MIN_COMPRESS_BYTES). */
const MIN_BYTES = 1024;
/**
 * Brotli's best quality (11) takes ~25 s on the 1.6 MB ELK worker for 10% fewer bytes than quality 9
 * with a large window (1.5 s); that worker loads in idle time, so large files take the fast setting and
 * every build (tests rebuild the page when web/ changes) stays short.
 */
const LARGE_BYTES = 1 << 20;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Compresses every text file of `dir`; returns how many files it compressed. */
export async function precompressDir(dir: string): Promise<number> {
  const targets = listFiles(dir).filter((p) => TEXT.has(extname(p)) && statSync(p).size >= MIN_BYTES);
  await Promise.all(
    targets.map(async (path) => {
      const raw = readFileSync(path);
      const [br, gz] = await Promise.all([
        brotliAsync(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: raw.length >= LARGE_BYTES ? 9 : 11,
            [constants.BROTLI_PARAM_LGWIN]: raw.length >= LARGE_BYTES ? 24 : 22,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
        gzipAsync(raw, { level: 9 }),
      ]);
      // Only a smaller form is worth sending; the server falls back to the file itself.
      if (br.length < raw.length) writeFileSync(`${path}.br`, br);
      if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
    }),
  );
  return targets.length;
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'kg-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
