// The views of the web page in Debian's Chromium against the real server and the Changchun data (loaded
// through the seed loader): the overview, the biomed chain and its eight fields, expanding a segment,
// a deep link, search with details and citations, a path, the explorer's double-click, filters and
// layouts, English, gaps, responsibility; and no request leaving 127.0.0.1. Screenshots of each view
// at 1440x900 go to test-artifacts/screenshots/.
import { describe, expect, it } from 'vitest';
import { BIOMED_FIELDS, openView, screenshot } from './harness.js';
import { useWebSession } from './session.js';

const web = useWebSession();

describe('the views of the web page in Chromium', () => {
  it('opens at the overview: the mechanism drawn, 13 chains listed, unnamed ones marked as undisclosed', async () => {
    const page = await web.newPage();
    await page.goto(`${web.base}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.waitForSelector('body[data-stats-ready="true"]', { timeout: 30_000 });
    expect(await page.textContent('.brand-name')).toBe('长春市产业链图谱');
    expect(await page.locator('.nav-link').count()).toBe(10);
    const rows = page.locator('.chain-row');
    expect(await rows.count()).toBe(13);
    expect(await page.locator('.chain-row.unknown').count()).toBe(10);
    // Each named chain shows its figures at a glance; none is left as unknown once the analysis answers.
    for (const id of ['chain:nev', 'chain:opto', 'chain:biomed']) {
      const figures = await page.locator(`.chain-row[data-id="${id}"] .chain-row-figures`).innerText();
      expect(figures).toMatch(/企业 \d+/);
      expect(figures).toMatch(/缺口 \d+/);
    }
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    await screenshot(page, '01-overview');
    await page.close();
  });
  it('opens the biomed chain and shows its eight fields', async () => {
    const page = await web.newPage();
    // The server places the chain (layeredLayout): the page never fetches its own ELK worker.
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(`${web.base}/?view=overview`);
    await page.waitForSelector('body[data-stats-ready="true"]');
    const started = Date.now();
    await page.click('.chain-row[data-id="chain:biomed"] .chain-row-name');
    await page.waitForSelector('body[data-view-ready="chain"]', { timeout: 30_000 });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await page.textContent('.view-title')).toBe('生物医药和生命健康');
    expect(page.url()).toContain('view=chain');
    expect(page.url()).toContain('chain=chain:biomed');
    const fields = await page.locator('.tree-item[data-level="1"] > .tree-button .tree-name').allInnerTexts();
    expect(fields.sort()).toEqual([...BIOMED_FIELDS].sort());
    // Gap status shown with a glyph, not colour alone.
    expect(await page.locator('.tree-item[data-level="1"] > .tree-button .gap-chip .gap-glyph').count()).toBe(8);
    expect(fetched.filter((url) => url.includes('elk-worker'))).toEqual([]);
    await screenshot(page, '02-chain-biomed');
    await page.close();
  });
  it('expands a segment into its firms and collapses it again; the URL follows', async () => {
    const page = await web.newPage();
    await openView(page, web.base, '/?view=chain&chain=chain:biomed', 'chain');
    const item = page.locator('.tree-item[data-id="segment:biomed-biologics"]');
    await item.locator('> .tree-button').click();
    await expect.poll(() => item.getAttribute('aria-expanded'), { timeout: 10_000 }).toBe('true');
    const firms = item.locator('.tree-firms button[data-id]');
    await expect.poll(() => firms.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The tree stays in view while the user works in it.
    expect(await page.getAttribute('.app-side .side', 'data-tab')).toBe('summary');
    expect(page.url()).toContain('expand=segment:biomed-biologics');
    await page.waitForTimeout(500);
    await screenshot(page, '03-chain-expanded');
    await item.locator('> .tree-button').click();
    await expect.poll(() => item.getAttribute('aria-expanded'), { timeout: 10_000 }).toBe('false');
    expect(page.url()).not.toContain('expand=');
    await page.close();
  });
  it('searches 光机所 as you type and opens its details with citations', async () => {
    const page = await web.newPage();
    await openView(page, web.base, '/', 'overview');
    const search = page.locator('.header-search input[type="search"]');
    await search.click();
    await search.pressSequentially('光机所', { delay: 30 });
    const first = page.locator('.header-search .search-hit').first();
    await first.waitFor();
    expect(await first.getAttribute('data-id')).toBe('institute:ciomp');
    await search.press('Enter');
    await page.waitForSelector('body[data-view-ready="explorer"]');
    const details = page.locator('.details-node[data-id="institute:ciomp"]');
    await details.waitFor();
    expect(await details.locator('.details-title').innerText()).toBe('中国科学院长春光学精密机械与物理研究所');
    const citations = details.locator('.citation');
    expect(await citations.count()).toBeGreaterThan(0);
    expect((await citations.first().locator('.citation-title').innerText()).length).toBeGreaterThan(0);
    expect(await details.locator('.citation-quote').count()).toBeGreaterThan(0);
    expect(await details.locator('.citation-title a[href^="http"]').count()).toBeGreaterThan(0);
    expect(page.url()).toContain('sel=institute:ciomp');
    await screenshot(page, '04-explorer-details');
    await page.close();
  });
  it('suggests as you type in English too, and opens the pick with the keyboard', async () => {
    const page = await web.newPage();
    await openView(page, web.base, '/', 'overview');
    const search = page.locator('.header-search input[type="search"]');
    await search.click();
    await search.pressSequentially('Chang Guang Satellite', { delay: 20 });
    await page.locator('.header-search .search-hit[data-id="ent:changguang-satellite"]').waitFor();
    await search.press('ArrowDown');
    expect(await page.locator('.header-search .search-hit[aria-selected="true"]').getAttribute('data-id')).toBe(
      'ent:changguang-satellite',
    );
    await search.press('Enter');
    await page.locator('.details-node[data-id="ent:changguang-satellite"]').waitFor();
    expect(page.url()).toContain('view=explorer');
    await page.close();
  });

  it('finds a path between two entities and lists it', async () => {
    const page = await web.newPage();
    await openView(page, web.base, '/?view=explorer&focus=ent:changguang-satellite', 'explorer');
    const pick = async (box: string, text: string, id: string) => {
      const input = page.locator(`input[name="${box}"]`);
      await input.click();
      await input.pressSequentially(text, { delay: 30 });
      await page.locator(`.path-finder .search-hit[data-id="${id}"]`).click();
    };
    await pick('path-from', '长光卫星', 'ent:changguang-satellite');
    await pick('path-to', '吉林大学', 'university:jlu');
    await page.click('[data-action="find-path"]');
    const result = page.locator('.path-result');
    await result.waitFor();
    expect(await result.innerText()).toMatch(/找到路径/);
    expect(await page.locator('.path-list li').count()).toBeGreaterThan(1);
    expect(page.url()).toContain('from=ent:changguang-satellite');
    expect(page.url()).toContain('to=university:jlu');
    await screenshot(page, '05-explorer-path');
    await page.close();
  });
  it('expands neighbours on double-click, hides a type with the filters and switches the layout', async () => {
    const page = await web.newPage();
    await openView(page, web.base, '/?view=explorer&focus=institute:ciomp', 'explorer');
    // The drawn graph, read through the Cytoscape instance registered on its container.
    const nodes = (selector: string) =>
      page.evaluate(
        (s) =>
          (document.querySelector('.graph') as unknown as { _cyreg: { cy: cytoscape.Core } })._cyreg.cy.nodes(s).length,
        selector,
      );
    const before = await nodes('*');
    const at = await page.evaluate(() => {
      const cy = (document.querySelector('.graph') as unknown as { _cyreg: { cy: cytoscape.Core } })._cyreg.cy;
      const p = cy.getElementById('chain:opto').renderedPosition();
      const box = cy.container()!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.dblclick(at.x, at.y);
    await expect.poll(() => nodes('*'), { timeout: 15_000 }).toBeGreaterThan(before);
    expect(page.url()).toContain('expand=chain:opto');
    expect(await nodes('[type = "ENTERPRISE"]:visible')).toBeGreaterThan(0);
    await page.click('details.dropdown > summary');
    await page.uncheck('input[name="hideTypes-ENTERPRISE"]');
    await expect.poll(() => nodes('[type = "ENTERPRISE"]:visible')).toBe(0);
    expect(page.url()).toContain('hideTypes=ENTERPRISE');
    expect(await page.locator('.explorer-summary').innerText()).toMatch(/已筛除 [1-9]\d* 个节点/);
    await page.selectOption('select[name="layout"]', 'grid');
    await expect.poll(() => page.url()).toContain('layout=grid');
    await page.close();
  });
  it('switches to English and back with the language button', async () => {
    const page = await web.newPage();
    await openView(page, web.base, '/?view=chain&chain=chain:biomed', 'chain');
    await page.click('button[aria-label="English"]');
    await page.waitForSelector('button[aria-label="中文"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('.brand-name')).toBe('Changchun Industry-Chain Graph');
    expect(await page.locator('.nav-link[data-view="overview"]').innerText()).toBe('Overview');
    expect(await page.textContent('.view-title')).toBe('Biomedicine and life health');
    expect(page.url()).toContain('lang=en');
    await page.waitForTimeout(300);
    await screenshot(page, '06-chain-english');
    await page.click('button[aria-label="中文"]');
    await page.waitForSelector('button[aria-label="English"]');
    expect(await page.textContent('.view-title')).toBe('生物医药和生命健康');
    await page.close();
  });
  it('follows a deep link to a chain with an expanded, selected segment', async () => {
    const page = await web.newPage();
    await openView(
      page,
      web.base,
      '/?view=chain&chain=chain:opto&expand=segment:opto-ic-cmos&sel=segment:opto-ic-cmos',
      'chain',
    );
    expect(await page.textContent('.view-title')).toBe('光电信息');
    await expect
      .poll(() => page.locator('.tree-item[data-id="segment:opto-ic-cmos"]').getAttribute('aria-expanded'), {
        timeout: 10_000,
      })
      .toBe('true');
    const details = page.locator('.details-node[data-id="segment:opto-ic-cmos"]');
    await details.waitFor();
    expect(await details.locator('.details-title').innerText()).toBe('CMOS图像传感器');
    expect(await page.getAttribute('.app-side .side', 'data-tab')).toBe('details');
    await page.close();
  });
  it('shows gaps linked to the graph, and goal progress', async () => {
    const page = await web.newPage();
    await openView(page, web.base, '/?view=gaps&chain=chain:opto', 'gaps');
    const rows = page.locator('.gap-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    await rows.first().click();
    await expect.poll(() => rows.first().getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
    expect(page.url()).toMatch(/segment=segment:/);
    await page.waitForTimeout(400);
    await screenshot(page, '07-gaps');
    await page.click('.drawer-tab[data-tab="goals"]');
    await page.locator('.goal').first().waitFor();
    expect(await page.locator('.goal .progress').count()).toBeGreaterThan(0);
    // a goal measured only by counting recorded firms reads as coverage, never as progress
    const coverage = page.locator('.goal .progress.coverage');
    expect(await coverage.count()).toBeGreaterThan(0);
    expect(await coverage.first().textContent()).toMatch(/^已录入数据覆盖 .+（非进度）$/);
    expect(await coverage.first().getAttribute('title')).toContain('不代表目标完成进度');
    expect(await coverage.first().getAttribute('role')).toBe('img');
    await page.close();
  });
  it('shows who is accountable for a leader post', async () => {
    const page = await web.newPage();
    await openView(page, web.base, '/?view=responsibility&leader=leader:cc-cppcc-principal', 'responsibility');
    expect(await page.locator('.resp-summary .chain-row').count()).toBeGreaterThan(0);
    expect(await page.locator('.resp-summary').innerText()).toContain('生物医药和生命健康');
    await screenshot(page, '08-responsibility');
    await page.close();
  });

  it('never calls a host other than 127.0.0.1, and no page threw', () => {
    expect(web.guard.outside).toEqual([]);
    expect(web.guard.errors.filter((e) => !e.includes('503'))).toEqual([]);
  });
});
