// Bytes on the wire as Chromium counts them (encoded body + response headers, per Playwright's
// request.sizes()): the first view of the web page (HTML, JS, CSS, fonts; not API data) and the
// GraphiQL page. Run alone: `npx tsx tests/bench/transfer.ts` (web/dist built, test Neo4j loaded).
import type { Browser, Request } from 'playwright-core';

export interface TransferredFile {
  url: string;
  kind: string;
  bytes: number;
  encoding: string | null;
}

export interface Transfer {
  total: number;
  byKind: Record<string, number>;
  files: TransferredFile[];
}

/** API data (GraphQL POSTs, the page's reads) is what the view shows, not what the page is made of. */
const isApiData = (request: Request) =>
  new URL(request.url()).pathname.startsWith('/graphql') && request.method() === 'POST';

async function sizeOf(request: Request): Promise<TransferredFile> {
  const response = await request.response();
  const sizes = await request.sizes();
  return {
    url: new URL(request.url()).pathname,
    kind: request.resourceType(),
    bytes: sizes.responseBodySize + sizes.responseHeadersSize,
    encoding: (await response?.headerValue('content-encoding')) ?? null,
  };
}

function total(files: TransferredFile[]): Transfer {
  const byKind: Record<string, number> = {};
  for (const f of files) byKind[f.kind] = (byKind[f.kind] ?? 0) + f.bytes;
  return { total: files.reduce((a, f) => a + f.bytes, 0), byKind, files };
}

/**
 * Loads `url` in a fresh context (cold cache) and counts every non-API request the page started
 * before `ready` resolved. Idle-time prefetches started later (the ELK worker the overview warms
 * 1.5 s after it is drawn) are not part of the first view. `acceptEncoding` overrides Chromium's
 * header ('identity' = what a server without compression sends).
 */
export async function transferUntil(
  browser: Browser,
  url: string,
  ready: (page: import('playwright-core').Page) => Promise<unknown>,
  acceptEncoding?: string,
): Promise<Transfer> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    extraHTTPHeaders: acceptEncoding ? { 'accept-encoding': acceptEncoding } : undefined,
  });
  try {
    const page = await context.newPage();
    const started: Promise<TransferredFile>[] = [];
    page.on('request', (request) => {
      // blob: and data: URLs (GraphiQL's workers) never touch the network.
      if (!/^https?:/.test(request.url()) || isApiData(request)) return;
      started.push(
        new Promise<void>((resolve) => {
          const done = (r: Request) => {
            if (r !== request) return;
            page.off('requestfinished', done);
            page.off('requestfailed', done);
            resolve();
          };
          page.on('requestfinished', done);
          page.on('requestfailed', done);
        }).then(() => sizeOf(request)),
      );
    });
    await page.goto(url);
    await ready(page);
    const counted = started.length;
    return total(await Promise.all(started.slice(0, counted)));
  } finally {
    await context.close();
  }
}

/** The web page's first view: `/` until the overview is drawn with its statistics. */
export function firstViewTransfer(browser: Browser, base: string, acceptEncoding?: string): Promise<Transfer> {
  return transferUntil(
    browser,
    `${base}/`,
    (page) => page.waitForSelector('body[data-view-ready="overview"][data-stats-ready="true"]', { timeout: 60_000 }),
    acceptEncoding,
  );
}

/** The GraphiQL page: /graphql opened in the browser until its editor is on screen. */
export function graphiqlTransfer(browser: Browser, base: string, acceptEncoding?: string): Promise<Transfer> {
  return transferUntil(
    browser,
    `${base}/graphql`,
    (page) => page.waitForSelector('.graphiql-container', { timeout: 60_000 }),
    acceptEncoding,
  );
}

export function describeTransfer(label: string, t: Transfer): string {
  const kinds = Object.entries(t.byKind)
    .map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} KB`)
    .join(', ');
  const lines = t.files.map(
    (f) => `    ${f.url.padEnd(48)} ${(f.bytes / 1024).toFixed(1).padStart(8)} KB ${f.encoding ?? 'identity'}`,
  );
  return [`  ${label}: ${(t.total / 1024).toFixed(1)} KB (${kinds})`, ...lines].join('\n');
}

async function main() {
  const { launchBrowser, ensureWebBuild, startServer } = await import('../e2e/harness.js');
  const { createDriver } = await import('../../graph/connection.js');
  const { createExecutor } = await import('../../graph/executor.js');
  const { INSTANCES } = await import('../../graph/runtime/instance-config.js');
  const { startInstance } = await import('../../graph/runtime/instance.js');
  await ensureWebBuild();
  const { connection } = await startInstance(INSTANCES.test, () => {});
  const driver = createDriver({ ...connection, external: false });
  const executor = createExecutor(driver, { timeoutMs: 120_000 });
  const [{ chains }] = await executor.query('MATCH (c:Chain) RETURN count(c) AS chains');
  if (Number(chains) === 0)
    await (await import('../../seed/load/load.js')).validateAndLoad(executor, undefined, { log: () => {} });
  const server = await startServer(executor);
  const browser = await launchBrowser();
  try {
    for (const encoding of [undefined, 'identity']) {
      const tag = encoding ? `Accept-Encoding: ${encoding}` : "Chromium's Accept-Encoding";
      console.log(describeTransfer(`first view, ${tag}`, await firstViewTransfer(browser, server.url, encoding)));
      const g = await graphiqlTransfer(browser, server.url, encoding);
      console.log(describeTransfer(`GraphiQL page, ${tag}`, g));
    }
  } finally {
    await browser.close();
    await server.close();
    await driver.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
