// `npx tsx tests/bench/ingest-review.ts [--runs N]`: time from uploading S1 (the shared Changchun article,
// $KG_SHARED_DIR or <repo>/../shared) on the import page to a filled review screen (its text with the
// facts highlighted), in Chromium against the real server on the test Neo4j (KG_TEST_INSTANCE /
// NEO4J_TEST_BOLT_PORT; its data is replaced by the shipped dataset). Each run reads S1 again (force).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createDriver } from '../../graph/connection.js';
import { createExecutor } from '../../graph/executor.js';
import { INSTANCES, projectRoot } from '../../graph/runtime/instance-config.js';
import { startInstance } from '../../graph/runtime/instance.js';
import { validateAndLoad } from '../../seed/load/load.js';
import { emptyDatabase } from '../helpers/neo4j.js';
import { CHROMIUM, CHROMIUM_ARGS, TOKENS, ensureWebBuild, startServer } from '../e2e/harness.js';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const shared = process.env.KG_SHARED_DIR ?? join(projectRoot, '..', 'shared');
const sourcesDir = join(shared, 'sources');
if (!existsSync(sourcesDir)) throw new Error(`No shared sources at ${sourcesDir}: set KG_SHARED_DIR.`);
const s1Name = readdirSync(sourcesDir).find((f) => f.startsWith('S1-') && f.endsWith('.txt'));
if (!s1Name) throw new Error(`No S1-….txt in ${sourcesDir}`);
const s1 = readFileSync(join(sourcesDir, s1Name));

await ensureWebBuild();
const { connection } = await startInstance(INSTANCES.test, () => {});
const driver = createDriver({ ...connection, external: false });
const executor = createExecutor(driver, { timeoutMs: 120_000 });
await emptyDatabase(executor);
await validateAndLoad(executor, undefined, { log: () => {} });
const server = await startServer(executor);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const results: { jobMs: number; reviewMs: number; marks: number }[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.url}/?view=curation`);
  await page.fill('#token-input', TOKENS.admin);
  await page.click('[data-action="login"]');
  await page.waitForSelector('[data-action="logout"]');
  for (let run = 0; run < runs; run++) {
    await page.goto(`${server.url}/?view=ingest`);
    await page.waitForSelector('body[data-view-ready="ingest"]');
    await page.setInputFiles('form[data-form="ingest"] input[type="file"]', {
      name: s1Name,
      mimeType: 'text/plain',
      buffer: s1,
    });
    await page.fill('form[data-form="ingest"] [name="title"]', '长春市“链长制”工作（S1）');
    await page.fill('form[data-form="ingest"] [name="publishedOn"]', '2023-08-17');
    await page.check('form[data-form="ingest"] [name="force"]');
    const start = performance.now();
    await page.click('[data-action="ingest"]');
    await page.waitForSelector('.job-panel[data-status="DONE"], .job-panel[data-status="FAILED"]', { timeout: 60_000 });
    const jobMs = performance.now() - start;
    const status = await page.getAttribute('.job-panel', 'data-status');
    if (status !== 'DONE') throw new Error(`The job failed: ${await page.locator('.job-panel').innerText()}`);
    await page.click('[data-action="open-review"]');
    await page.waitForSelector('body[data-review-loaded] mark.fact-mark', { timeout: 60_000 });
    const reviewMs = performance.now() - start;
    results.push({ jobMs, reviewMs, marks: await page.locator('mark.fact-mark').count() });
  }
} finally {
  await browser.close();
  await server.close();
  await driver.close();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(
  `S1 upload → filled review screen (${runs} runs): median ${median(results.map((r) => r.reviewMs)).toFixed(0)} ms ` +
    `[${results.map((r) => r.reviewMs.toFixed(0)).join(', ')}]; job done at median ${median(results.map((r) => r.jobMs)).toFixed(0)} ms; ` +
    `${results[0]?.marks ?? 0} highlights`,
);
