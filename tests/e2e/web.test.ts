// The web page in Debian's Chromium against the real server and the Changchun data (loaded through the
// seed loader): overview, the biomed chain and its eight fields, expanding a segment, search with
// details and citations, a path, English, PNG and CSV export, a CSV upload as an editor, a deep link,
// the database-down message, and no request leaving 127.0.0.1. Screenshots of every view at 1440x900
// go to test-artifacts/screenshots/.
import cytoscape from 'cytoscape';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAndLoad } from '../../seed/load.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { SCREENSHOTS, TOKENS, ensureWebBuild, guardedContext, launchBrowser, openView, screenshot, startServer, type GuardedContext, type RunningServer } from './harness.js';

const db = useTestDb();
let server: RunningServer;
let browser: Browser;
let guard: GuardedContext;
let base: string;

const BIOMED_FIELDS = ['生物药', '中药', '化学药', '医疗器械', '医疗健康服务业', '医药流通业', '医美产业', '生命健康'];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await Promise.all([
    ensureWebBuild(),
    (async () => {
      await emptyDatabase(db.executor);
      await validateAndLoad(db.executor, undefined, { log: () => {} });
    })(),
  ]);
  server = await startServer(db.executor);
  base = server.url;
  browser = await launchBrowser();
  guard = await guardedContext(browser);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<Page> {
  return guard.context.newPage();
}

/** Clicks an export format and returns the downloaded file's bytes and name. */
async function exportAs(page: Page, format: string): Promise<{ bytes: Buffer; name: string }> {
  await page.click('[data-action="export"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`.menu-item[data-format="${format}"]`)]);
  return { bytes: readFileSync((await download.path())!), name: download.suggestedFilename() };
}

async function signIn(page: Page, token: string): Promise<void> {
  await openView(page, base, '/?view=curation', 'curation');
  await page.fill('#token-input', token);
  await page.click('[data-action="login"]');
  await page.waitForSelector('[data-action="logout"]');
}

describe('the web page in Chromium', () => {
  it('opens at the overview: the mechanism drawn, 13 chains listed, unnamed ones marked as undisclosed', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.waitForSelector('body[data-stats-ready="true"]', { timeout: 30_000 });
    expect(await page.textContent('.brand-name')).toBe('长春市产业链图谱');
    expect(await page.locator('.nav-link').count()).toBe(7);
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
    const page = await newPage();
    await page.goto(`${base}/?view=overview`);
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
    await screenshot(page, '02-chain-biomed');
    await page.close();
  });

  it('expands a segment into its firms and collapses it again; the URL follows', async () => {
    const page = await newPage();
    await openView(page, base, '/?view=chain&chain=chain:biomed', 'chain');
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
    const page = await newPage();
    await openView(page, base, '/', 'overview');
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

  it('finds a path between two entities and lists it', async () => {
    const page = await newPage();
    await openView(page, base, '/?view=explorer&focus=ent:changguang-satellite', 'explorer');
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
    const page = await newPage();
    await openView(page, base, '/?view=explorer&focus=institute:ciomp', 'explorer');
    // The drawn graph, read through the Cytoscape instance registered on its container.
    const nodes = (selector: string) => page.evaluate((s) => (document.querySelector('.graph') as unknown as { _cyreg: { cy: cytoscape.Core } })._cyreg.cy.nodes(s).length, selector);
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
    const page = await newPage();
    await openView(page, base, '/?view=chain&chain=chain:biomed', 'chain');
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

  it('exports the chain as a PNG image and a CSV that Excel reads as UTF-8', async () => {
    const page = await newPage();
    await openView(page, base, '/?view=chain&chain=chain:biomed', 'chain');
    const png = await exportAs(page, 'png');
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(5_000);
    const csv = await exportAs(page, 'csv');
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('element,id,type,name,nameEn,source,target,status,confidence,sources');
    expect(lines.some((line) => line.startsWith('node,chain:biomed,CHAIN,生物医药和生命健康,'))).toBe(true);
    for (const field of BIOMED_FIELDS) expect(lines.some((line) => line.includes(`,SEGMENT,${field},`))).toBe(true);
    await page.close();
  });

  it('exports SVG and GraphML that parse as XML, and JSON that Cytoscape loads back', async () => {
    const page = await newPage();
    await openView(page, base, '/?view=chain&chain=chain:biomed', 'chain');
    const parse = (text: string, type: string) =>
      page.evaluate(([t, ty]) => {
        const doc = new DOMParser().parseFromString(t, ty as DOMParserSupportedType);
        return { root: doc.documentElement.nodeName, broken: doc.getElementsByTagName('parsererror').length > 0, texts: [...doc.getElementsByTagName('text')].map((n) => n.textContent ?? '') };
      }, [text, type] as const);
    const svg = await parse((await exportAs(page, 'svg')).bytes.toString('utf8'), 'image/svg+xml');
    expect(svg).toMatchObject({ root: 'svg', broken: false });
    expect(svg.texts.join('')).toContain('生物医药和生命健康');
    const graphml = (await exportAs(page, 'graphml')).bytes.toString('utf8');
    expect(await parse(graphml, 'application/xml')).toMatchObject({ root: 'graphml', broken: false });
    expect(graphml).toContain('<node id="chain:biomed">');
    const json = JSON.parse((await exportAs(page, 'json')).bytes.toString('utf8'));
    expect(json.elements.nodes.some((n: { data: { id: string } }) => n.data.id === 'chain:biomed')).toBe(true);
    // Cytoscape itself (headless) loads the file back: every node and every edge, ends included.
    const reloaded = cytoscape({ headless: true, elements: json.elements });
    expect(reloaded.nodes().length).toBe(json.elements.nodes.length);
    expect(reloaded.edges().length).toBe(json.elements.edges.length);
    expect(reloaded.getElementById('chain:biomed').data('name')).toBe('生物医药和生命健康');
    reloaded.destroy();
    await page.close();
  });

  it('follows a deep link to a chain with an expanded, selected segment', async () => {
    const page = await newPage();
    await openView(page, base, '/?view=chain&chain=chain:opto&expand=segment:opto-ic-cmos&sel=segment:opto-ic-cmos', 'chain');
    expect(await page.textContent('.view-title')).toBe('光电信息');
    await expect.poll(() => page.locator('.tree-item[data-id="segment:opto-ic-cmos"]').getAttribute('aria-expanded'), { timeout: 10_000 }).toBe('true');
    const details = page.locator('.details-node[data-id="segment:opto-ic-cmos"]');
    await details.waitFor();
    expect(await details.locator('.details-title').innerText()).toBe('CMOS图像传感器');
    expect(await page.getAttribute('.app-side .side', 'data-tab')).toBe('details');
    await page.close();
  });

  it('shows gaps linked to the graph, and goal progress', async () => {
    const page = await newPage();
    await openView(page, base, '/?view=gaps&chain=chain:opto', 'gaps');
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
    await page.close();
  });

  it('shows who is accountable for a leader post', async () => {
    const page = await newPage();
    await openView(page, base, '/?view=responsibility&leader=leader:cc-cppcc-principal', 'responsibility');
    expect(await page.locator('.resp-summary .chain-row').count()).toBeGreaterThan(0);
    expect(await page.locator('.resp-summary').innerText()).toContain('生物医药和生命健康');
    await screenshot(page, '08-responsibility');
    await page.close();
  });

  it('runs read-only Cypher as an analyst and tables the result', async () => {
    const page = await newPage();
    await signIn(page, TOKENS.analyst);
    await page.click('.nav-link[data-view="cypher"]');
    await page.waitForSelector('body[data-view-ready="cypher"]');
    await page.fill('textarea[name="cypher"]', 'MATCH (c:Chain)<-[r:PART_OF]-(s:Segment) WHERE c.id = "chain:biomed" AND s.level = 1 RETURN c, r, s');
    await page.click('[data-action="run-cypher"]');
    await page.locator('.cypher-table tbody tr').first().waitFor();
    expect(await page.locator('.cypher-table tbody tr').count()).toBe(8);
    await page.waitForTimeout(400);
    await screenshot(page, '09-cypher');
    await page.close();
  });

  it('uploads a CSV as an editor: per-row problems first, then the import', async () => {
    const page = await newPage();
    await signIn(page, TOKENS.editor);
    expect(await page.getAttribute('.role-badge', 'data-role')).toBe('editor');
    const upload = async (name: string, text: string) => {
      await page.setInputFiles('input[name="csv-file"]', { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
      await page.click('[data-action="csv-import"]');
    };
    await upload('bad.csv', 'name,local,source\n好企业丙,true,source:s999\n');
    const problems = page.locator('.csv-problems tbody tr');
    await problems.first().waitFor();
    expect(await problems.first().innerText()).toMatch(/2\s+source\s+.*source:s999/);
    await problems.first().scrollIntoViewIfNeeded();
    await screenshot(page, '10-curation-problems');
    await upload('good.csv', '\ufeff企业名称,是否本地,来源,原文\n长春网页测试光学有限公司,否,source:s1,网页测试\n');
    const ok = page.locator('.form-result .notice-ok');
    await ok.waitFor();
    expect(await ok.innerText()).toMatch(/1 行/);
    const [row] = await db.executor.query("MATCH (e:Enterprise {name: '长春网页测试光学有限公司'}) RETURN e.local AS local, e.sources AS sources");
    expect(row).toEqual({ local: false, sources: ['source:s1'] });
    await page.close();
  });

  it('lets an editor propose a fact with its source and an admin confirm it from the review queue', async () => {
    const editor = await newPage();
    await signIn(editor, TOKENS.editor);
    const form = editor.locator('form[data-form="propose"]');
    await form.locator('select[name="fact-kind"]').selectOption('relationship');
    await form.locator('input[name="rel-type"]').fill('SUPPORTS');
    await form.locator('input[name="rel-from"]').fill('university:nenu');
    await form.locator('input[name="rel-to"]').fill('chain:biomed');
    await form.locator('input[name="sources"]').fill('source:s1');
    await form.locator('textarea[name="quote"]').fill('网页测试：东北师范大学支撑生物医药');
    await form.locator('button[type="submit"]').click();
    const done = form.locator('.notice-ok');
    await done.waitFor();
    const proposalId = /(proposal:[\w-]+)/.exec(await done.innerText())?.[1];
    expect(proposalId).toBeTruthy();
    await editor.close();

    const admin = await newPage();
    await signIn(admin, TOKENS.admin);
    const item = admin.locator(`.review-item[data-id="${proposalId}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain('网页测试：东北师范大学支撑生物医药');
    await item.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: `${SCREENSHOTS}/11-curation-review.png`, fullPage: false });
    await item.locator('button.btn-primary').click();
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(0);
    const [row] = await db.executor.query("MATCH (:University {id: 'university:nenu'})-[r:SUPPORTS]->(:Chain {id: 'chain:biomed'}) RETURN r.status AS status");
    expect(row).toEqual({ status: 'confirmed' });
    await admin.close();
  });

  it('says what to do when the database does not answer', async () => {
    const page = await newPage();
    await page.route('**/graphql', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'Neo4j is unavailable', extensions: { code: 'DATABASE_UNAVAILABLE' } }] }) }),
    );
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="true"]');
    const overlay = page.locator('.status-overlay[data-code="DATABASE_UNAVAILABLE"]');
    await overlay.waitFor();
    expect(await overlay.innerText()).toContain('数据库未响应');
    expect(await overlay.locator('button').innerText()).toBe('重试');
    await page.close();
  });

  it('never calls a host other than 127.0.0.1, and no page threw', () => {
    expect(guard.outside).toEqual([]);
    expect(guard.errors.filter((e) => !e.includes('503'))).toEqual([]);
  });
});
