// Vite build of the web page: root web/, output web/dist (served by the server at /). `npm run dev`
// serves it with hot reload and forwards /graphql to a running server (KG_API_URL, default :4000).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './precompress.js';

const root = dirname(fileURLToPath(import.meta.url));
const api = process.env.KG_API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root,
  base: '/',
  // Everything is bundled and served by the product: no CDN, no remote fonts, no public/ surprises.
  publicDir: false,
  // .br/.gz beside each built file, served by server/plugins/static-web.ts.
  plugins: [precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // cytoscape alone is ~430 kB minified; it is the one big dependency of the first view.
    chunkSizeWarningLimit: 600,
    // The precompress plugin writes the compressed sizes that matter (brotli); skip Vite's gzip estimate.
    reportCompressedSize: false,
  },
  worker: { format: 'es' },
  server: {
    port: Number(process.env.KG_DEV_PORT ?? 5173),
    host: '127.0.0.1',
    proxy: { '/graphql': { target: api, changeOrigin: false } },
  },
  preview: { host: '127.0.0.1' },
});
