// A graph past the large-graph threshold (1,500 elements) gets a lower level of detail and the WebGL
// renderer where the browser has hardware WebGL (software WebGL is slower than the canvas renderer:
// see tests/bench/web-perf.ts), and stays usable. Synthetic data (the seed generator) drawn through
// the Cypher box; the browser gets software WebGL (SwiftShader), as a machine without a GPU would.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSynth } from '../../seed/synth/synth-run.js';
import { emptyDatabase } from '../helpers/neo4j.js';
import { TOKENS, openView, screenshot } from './harness.js';
import { useWebSession } from './session.js';

const web = useWebSession({
  env: { KG_CYPHER_MAX_ROWS: '5000' },
  browserArgs: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist'],
  prepare: async (executor) => {
    await runSynth(executor, {
      enterprises: 500,
      seed: 11,
      manifestPath: join(tmpdir(), 'kg-e2e-synth-manifest.json'),
    });
  },
});

// Leave no synthetic data behind for whoever uses the test database next.
afterAll(() => emptyDatabase(web.db.executor));

describe('a segment with many firms', () => {
  it('shows its firms capped, with "show more" for the next batch', async () => {
    const [big] = await web.db.executor.query(`
      MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment)-[:PART_OF*1..]->(c:Chain)
      WHERE s.synthetic
      WITH s, c, count(DISTINCT e) AS firms
      WHERE firms > 12
      RETURN s.id AS segment, c.id AS chain, firms
      ORDER BY firms DESC, segment
      LIMIT 1`);
    expect(big, 'the synthetic data has a segment with more than 12 firms').toBeTruthy();
    const page = await web.newPage();
    await openView(page, web.base, `/?view=chain&chain=${big.chain}&expand=${big.segment}`, 'chain');
    const item = page.locator(`.tree-item[data-id="${big.segment}"]`);
    const firms = item.locator('.tree-firms button[data-id]');
    await expect.poll(() => firms.count(), { timeout: 20_000 }).toBe(12);
    await item.locator('.more-link').click();
    await expect.poll(() => firms.count(), { timeout: 20_000 }).toBe(Math.min(Number(big.firms), 32));
    expect(await item.locator('.more-link').count()).toBe(Number(big.firms) > 32 ? 1 : 0);
    await page.close();
  }, 120_000);
});

describe('a large graph', () => {
  it('is drawn with a lower level of detail, by WebGL only on hardware WebGL, and the page stays responsive', async () => {
    const page = await web.newPage();
    await web.signIn(page, TOKENS.analyst);
    await page.click('.nav-link[data-view="cypher"]');
    await page.waitForSelector('body[data-view-ready="cypher"]');
    await page.fill(
      'textarea[name="cypher"]',
      'MATCH (a:Enterprise)-[r:SUPPLIES]->(b:Enterprise) WHERE a.synthetic RETURN a, r, b',
    );
    await page.click('[data-action="run-cypher"]');
    await page.locator('.cypher-result p.muted').filter({ hasText: '返回' }).waitFor({ timeout: 120_000 });
    const summary = await page.locator('.cypher-result p.muted').first().innerText();
    const [, rows, nodes] = /返回 (\d+) 行，图中绘制 (\d+) 个节点/.exec(summary) ?? [];
    expect(Number(rows) + Number(nodes)).toBeGreaterThan(1500);
    expect(await page.getAttribute('.graph', 'data-detail')).toBe('low');
    const support = await page.getAttribute('.graph', 'data-webgl');
    expect(['hardware', 'software', 'none']).toContain(support);
    expect(await page.getAttribute('.graph', 'data-renderer')).toBe(support === 'hardware' ? 'webgl' : 'canvas');
    // Still responsive: the export menu opens while the big graph is on screen.
    await page.click('[data-action="export"]', { timeout: 20_000 });
    await page.locator('.menu-item[data-format="png"]').waitFor({ timeout: 20_000 });
    await page.keyboard.press('Escape');
    await screenshot(page, '12-large-graph');
    // Back to a small graph: the ordinary canvas renderer and full detail again.
    await page.fill('textarea[name="cypher"]', 'MATCH (c:Chain {id: "chain:biomed"}) RETURN c');
    await page.click('[data-action="run-cypher"]');
    await expect.poll(() => page.getAttribute('.graph', 'data-detail'), { timeout: 30_000 }).toBe('full');
    expect(await page.getAttribute('.graph', 'data-renderer')).toBe('canvas');
    expect(web.guard.outside).toEqual([]);
    expect(web.guard.errors).toEqual([]);
    await page.close();
  }, 240_000);
});
