// One browser session per test file: the Changchun data loaded through the seed loader (plus what the
// file adds), the product's server, Chromium with the outside-request guard, and small helpers for
// what several tests do (sign in, export). Closed after the file.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Executor } from '../../graph/executor.js';
import { validateAndLoad } from '../../seed/load/load.js';
import { emptyDatabase, useTestDb, type TestDb } from '../helpers/neo4j.js';
import {
  SCREENSHOTS,
  ensureWebBuild,
  guardedContext,
  launchBrowser,
  openView,
  startServer,
  type GuardedContext,
  type RunningServer,
} from './harness.js';

export interface WebSession {
  db: TestDb;
  /** http://127.0.0.1:<port> of the running server */
  readonly base: string;
  readonly guard: GuardedContext;
  newPage(): Promise<Page>;
  signIn(page: Page, token: string): Promise<void>;
  /** Clicks an export format and returns the downloaded file's bytes and name. */
  exportAs(page: Page, format: string): Promise<{ bytes: Buffer; name: string }>;
}

export interface SessionOptions {
  /** server environment (e.g. KG_CYPHER_MAX_ROWS) */
  env?: Record<string, string>;
  browserArgs?: string[];
  /** more data after the shipped dataset */
  prepare?: (executor: Executor) => Promise<void>;
}

export function useWebSession(options: SessionOptions = {}): WebSession {
  const db = useTestDb();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let guard: GuardedContext | undefined;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await Promise.all([
      ensureWebBuild(),
      (async () => {
        await emptyDatabase(db.executor);
        await validateAndLoad(db.executor, undefined, { log: () => {} });
        await options.prepare?.(db.executor);
      })(),
    ]);
    server = await startServer(db.executor, options.env);
    browser = await launchBrowser(options.browserArgs);
    guard = await guardedContext(browser);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const session: WebSession = {
    db,
    get base() {
      return server!.url;
    },
    get guard() {
      return guard!;
    },
    newPage: () => guard!.context.newPage(),
    async signIn(page, token) {
      await openView(page, server!.url, '/?view=curation', 'curation');
      await page.fill('#token-input', token);
      await page.click('[data-action="login"]');
      await page.waitForSelector('[data-action="logout"]');
    },
    async exportAs(page, format) {
      await page.click('[data-action="export"]');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`.menu-item[data-format="${format}"]`),
      ]);
      return { bytes: readFileSync((await download.path())!), name: download.suggestedFilename() };
    },
  };
  return session;
}
