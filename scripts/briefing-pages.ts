// `npx tsx scripts/briefing-pages.ts FILE.pdf OUT_PREFIX [pages]`: PNGs of the first pages of a PDF
// briefing (for docs/briefing/), drawn by pdf.js inside Debian's Chromium (no poppler needed): a tiny
// local page loads pdf.js from node_modules and the PDF, renders each page to a canvas, screenshots it.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [pdfPath, outPrefix, count = '2'] = process.argv.slice(2);
if (!pdfPath || !outPrefix) throw new Error('usage: briefing-pages.ts FILE.pdf OUT_PREFIX [pages]');
const PDFJS = join(import.meta.dirname, '../node_modules/pdfjs-dist/legacy/build');
const PAGE = `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff"><canvas id="c"></canvas>
<script type="module">
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
const doc = await pdfjs.getDocument('/doc.pdf').promise;
window.renderPage = async (n) => {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: 1.5 });
  const canvas = document.getElementById('c');
  canvas.width = viewport.width; canvas.height = viewport.height;
  await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
  return { width: viewport.width, height: viewport.height };
};
window.ready = true;
</script>`;
const files: Record<string, [string, Buffer | string]> = {
  '/': ['text/html', PAGE],
  '/pdf.mjs': ['text/javascript', readFileSync(join(PDFJS, 'pdf.mjs'))],
  '/pdf.worker.mjs': ['text/javascript', readFileSync(join(PDFJS, 'pdf.worker.mjs'))],
  '/doc.pdf': ['application/pdf', readFileSync(pdfPath)],
};
const server = createServer((req, res) => {
  const file = files[req.url ?? ''];
  res.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' });
  res.end(file?.[1] ?? '');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({
  executablePath: process.env.KG_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true, null, {
    timeout: 60_000,
  });
  for (let n = 1; n <= Number(count); n++) {
    const size = await page.evaluate(
      (k) =>
        (window as unknown as { renderPage: (k: number) => Promise<{ width: number; height: number }> }).renderPage(k),
      n,
    );
    await page.setViewportSize({ width: Math.ceil(size.width), height: Math.ceil(size.height) });
    writeFileSync(`${outPrefix}-${n}.png`, await page.locator('#c').screenshot());
    console.log(`${outPrefix}-${n}.png`);
  }
} finally {
  await browser.close();
  server.close();
}
