// Time from navigation to an interactive chain view (body[data-ready] set by the page once the first
// picture is drawn) on the Changchun data, in headless Chromium with a cold cache each time, against
// the chain view's own GraphQL request fetched from the same page (the data alone).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../graph/runtime/instance-config.js';
import { validateAndLoad } from '../../../seed/load.js';
import { benchApp } from './api-bench.js';
import type { BenchInstance } from './bench-instance.js';
import { launchBrowser } from './browser.js';
import { emptyBenchDatabase } from './load-rate.js';
import { listen } from './load.js';
import type { Figure } from './report.js';
import { ratio, summarize } from './stats.js';
import { CHAIN_VIEW } from './root-fields.js';

export interface WebNavigationOptions {
  group: string;
  runs: number;
  log: (line: string) => void;
}

/** Records when the page marks itself ready, as ms since navigation start. */
const READY_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.body && document.body.dataset.ready) { window.__readyAt = performance.now(); observer.disconnect(); }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });`;

export async function measureWebNavigation(instance: BenchInstance, options: WebNavigationOptions): Promise<Figure> {
  if (!existsSync(join(projectRoot, 'web/dist/index.html'))) throw new Error('web/dist is not built (the web page build produces it)');
  await emptyBenchDatabase(instance);
  await validateAndLoad(instance.executor);
  const [chain] = await instance.executor.query(
    `MATCH (s:Segment)-[:PART_OF*1..]->(c:Chain) WHERE coalesce(c.synthetic, false) = false
     RETURN c.id AS id, count(DISTINCT s) AS segments ORDER BY segments DESC, id LIMIT 1`,
  );
  if (!chain) throw new Error('the Changchun data has no chain with segments');
  const { app } = benchApp(instance.driver);
  const server = await listen(app);
  const browser = await launchBrowser();
  const pageMs: number[] = [];
  const dataMs: number[] = [];
  try {
    const url = `${server.url}/?view=chain&chain=${encodeURIComponent(String(chain.id))}`;
    for (let i = 0; i < options.runs + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(READY_PROBE);
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined, undefined, { timeout: 60_000 });
      const readyAt = await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
      const failed = await page.evaluate(() => document.querySelector('[role="alert"]')?.textContent ?? null);
      if (failed) throw new Error(`the chain view shows an error: ${failed.slice(0, 200)}`);
      const fetchMs = await page.evaluate(async ([query, id]) => {
        const started = performance.now();
        const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { id } }) });
        await response.json();
        return performance.now() - started;
      }, [CHAIN_VIEW, String(chain.id)] as const);
      await context.close();
      if (i === 0) continue; // the first navigation warms the server and Neo4j, not the browser cache
      pageMs.push(readyAt);
      dataMs.push(fetchMs);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const value = summarize(pageMs, 'lower');
  const reference = summarize(dataMs, 'lower');
  options.log(`  navigation to the chain view ${value.median.toFixed(0)} ms (its data alone ${reference.median.toFixed(0)} ms)`);
  return {
    group: options.group,
    name: `navigation to interactive chain view (${chain.id}, cold cache)`,
    unit: 'ms',
    direction: 'lower',
    value,
    reference: { name: "the view's GraphQL request alone, from the page", value: reference },
    ratio: ratio(value.median, reference.median),
    note: 'headless Chromium 1440x900; Changchun data',
  };
}
