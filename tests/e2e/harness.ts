// What the browser tests share: a fresh web build when web/ changed, the real server (createApp on
// node:http, a free port on 127.0.0.1) over the test Neo4j, and Debian's Chromium through
// playwright-core with a guard that records every request leaving 127.0.0.1.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Executor } from '../../graph/executor.js';
import { projectRoot } from '../../graph/runtime/instance-config.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { tempAuditFile } from '../server/helpers.js';

export const WEB_ROOT = join(projectRoot, 'web');
export const WEB_DIST = join(WEB_ROOT, 'dist');
export const SCREENSHOTS = join(projectRoot, 'test-artifacts', 'screenshots');

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The eight biomed fields S1 names (the level-1 segments of chain:biomed). */
export const BIOMED_FIELDS = [
  '生物药',
  '中药',
  '化学药',
  '医疗器械',
  '医疗健康服务业',
  '医药流通业',
  '医美产业',
  '生命健康',
];

export const TOKENS = {
  analyst: 'e2e-analyst-token-0123456789',
  editor: 'e2e-editor-token-0123456789',
  admin: 'e2e-admin-token-0123456789',
} as const;

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** Builds web/dist with Vite's JS API when it is missing or older than any source of the page. */
export async function ensureWebBuild(): Promise<void> {
  const built = join(WEB_DIST, 'index.html');
  const sources = [join(WEB_ROOT, 'src'), join(WEB_ROOT, 'index.html'), join(WEB_ROOT, 'vite.config.ts')];
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest))) return;
  const { build } = await import('vite');
  await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The product's HTTP server on a free port of 127.0.0.1, serving web/dist and /graphql. */
export async function startServer(executor: Executor, env: Record<string, string> = {}): Promise<RunningServer> {
  // A temporary audit file, so browser tests never append to the working .data/audit.jsonl.
  const config = loadConfig({
    KG_TOKENS: Object.entries(TOKENS)
      .map(([role, token]) => `${role}:${token}`)
      .join(','),
    KG_AUDIT_FILE: tempAuditFile(),
    // Browser tests that try wrong tokens are not to be slowed by the failed-token throttle.
    KG_AUTH_THROTTLE: 'off',
    ...env,
  });
  const server: Server = createServer(createApp({ executor, config, webRoot: WEB_DIST }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface GuardedContext {
  context: BrowserContext;
  /** Every request URL that was not for 127.0.0.1 (aborted before it left). */
  outside: string[];
  /** Console errors and uncaught exceptions of every page. */
  errors: string[];
}

/**
 * A browser context as a Chinese user at 1440x900 would have it. Requests for any host but
 * 127.0.0.1 are recorded and aborted, so a test can assert that the page calls nowhere else.
 */
export async function guardedContext(browser: Browser, locale = 'zh-CN'): Promise<GuardedContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale, acceptDownloads: true });
  const outside: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') {
      outside.push(url.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  context.on('page', (page) => watch(page, errors));
  return { context, outside, errors };
}

function watch(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
}

/** Navigates and waits until the named view has drawn its first picture. */
export async function openView(page: Page, base: string, path: string, view: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.waitForSelector(`body[data-view-ready="${view}"]`, { timeout: 30_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
