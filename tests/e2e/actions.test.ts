// What users do with the web page, in Debian's Chromium against the real server and the Changchun data:
// export PNG, CSV (UTF-8 with BOM), SVG, GraphML and JSON; run Cypher as an analyst; upload a CSV as an
// editor; propose a fact and confirm it as an admin; read what to do when the database is down; and no
// request leaving 127.0.0.1.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { BIOMED_FIELDS, TOKENS, openView, screenshot } from './harness.js';
import { useWebSession } from './session.js';

const web = useWebSession();

describe('actions on the web page in Chromium', () => {
  it('exports the chain as a PNG image and a CSV that Excel reads as UTF-8', async () => {
    const page = await web.newPage();
    await openView(page, web.base, '/?view=chain&chain=chain:biomed', 'chain');
    const png = await web.exportAs(page, 'png');
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(5_000);
    const csv = await web.exportAs(page, 'csv');
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('element,id,type,name,nameEn,source,target,status,confidence,sources');
    expect(lines.some((line) => line.startsWith('node,chain:biomed,CHAIN,生物医药和生命健康,'))).toBe(true);
    for (const field of BIOMED_FIELDS) expect(lines.some((line) => line.includes(`,SEGMENT,${field},`))).toBe(true);
    await page.close();
  });
  it('exports SVG and GraphML that parse as XML, and JSON that Cytoscape loads back', async () => {
    const page = await web.newPage();
    await openView(page, web.base, '/?view=chain&chain=chain:biomed', 'chain');
    const parse = (text: string, type: string) =>
      page.evaluate(
        ([t, ty]) => {
          const doc = new DOMParser().parseFromString(t, ty as DOMParserSupportedType);
          return {
            root: doc.documentElement.nodeName,
            broken: doc.getElementsByTagName('parsererror').length > 0,
            texts: [...doc.getElementsByTagName('text')].map((n) => n.textContent ?? ''),
          };
        },
        [text, type] as const,
      );
    const svg = await parse((await web.exportAs(page, 'svg')).bytes.toString('utf8'), 'image/svg+xml');
    expect(svg).toMatchObject({ root: 'svg', broken: false });
    expect(svg.texts.join('')).toContain('生物医药和生命健康');
    const graphml = (await web.exportAs(page, 'graphml')).bytes.toString('utf8');
    expect(await parse(graphml, 'application/xml')).toMatchObject({ root: 'graphml', broken: false });
    expect(graphml).toContain('<node id="chain:biomed">');
    const json = JSON.parse((await web.exportAs(page, 'json')).bytes.toString('utf8'));
    expect(json.elements.nodes.some((n: { data: { id: string } }) => n.data.id === 'chain:biomed')).toBe(true);
    // Cytoscape itself (headless) loads the file back: every node and every edge, ends included.
    const reloaded = cytoscape({ headless: true, elements: json.elements });
    expect(reloaded.nodes().length).toBe(json.elements.nodes.length);
    expect(reloaded.edges().length).toBe(json.elements.edges.length);
    expect(reloaded.getElementById('chain:biomed').data('name')).toBe('生物医药和生命健康');
    reloaded.destroy();
    await page.close();
  });
  it('runs read-only Cypher as an analyst and tables the result', async () => {
    const page = await web.newPage();
    await web.signIn(page, TOKENS.analyst);
    await page.click('.nav-link[data-view="cypher"]');
    await page.waitForSelector('body[data-view-ready="cypher"]');
    await page.fill(
      'textarea[name="cypher"]',
      'MATCH (c:Chain)<-[r:PART_OF]-(s:Segment) WHERE c.id = "chain:biomed" AND s.level = 1 RETURN c, r, s',
    );
    await page.click('[data-action="run-cypher"]');
    await page.locator('.cypher-table tbody tr').first().waitFor();
    expect(await page.locator('.cypher-table tbody tr').count()).toBe(8);
    await page.waitForTimeout(400);
    await screenshot(page, '09-cypher');
    await page.close();
  });
  it('uploads a CSV as an editor: per-row problems first, then the import', async () => {
    const page = await web.newPage();
    await web.signIn(page, TOKENS.editor);
    expect(await page.getAttribute('.role-badge', 'data-role')).toBe('editor');
    const upload = async (name: string, text: string) => {
      await page.setInputFiles('input[name="csv-file"]', {
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from(text, 'utf8'),
      });
      await page.click('[data-action="csv-import"]');
    };
    await upload('bad.csv', 'name,local,source\n好企业丙,true,source:s999\n');
    const problems = page.locator('.csv-problems tbody tr');
    await problems.first().waitFor();
    expect(await problems.first().innerText()).toMatch(/2\s+source\s+.*source:s999/);
    await problems.first().scrollIntoViewIfNeeded();
    await screenshot(page, '10-curation-problems');
    await upload('good.csv', '\ufeff企业名称,是否本地,来源,原文\n长春网页测试光学有限公司,否,source:s1,光电信息产业\n');
    const ok = page.locator('.form-result .notice-ok');
    await ok.waitFor();
    expect(await ok.innerText()).toMatch(/1 行/);
    const [row] = await web.db.executor.query(
      "MATCH (e:Enterprise {name: '长春网页测试光学有限公司'}) RETURN e.local AS local, e.sources AS sources",
    );
    expect(row).toEqual({ local: false, sources: ['source:s1'] });
    await page.close();
  });
  it('lets an editor propose a fact with its source and an admin confirm it from the review queue', async () => {
    const editor = await web.newPage();
    await web.signIn(editor, TOKENS.editor);
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

    const admin = await web.newPage();
    await web.signIn(admin, TOKENS.admin);
    const item = admin.locator(`.review-item[data-id="${proposalId}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain('网页测试：东北师范大学支撑生物医药');
    await item.scrollIntoViewIfNeeded();
    await screenshot(admin, '11-curation-review');
    await item.locator('button.btn-primary').click();
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(0);
    const [row] = await web.db.executor.query(
      "MATCH (:University {id: 'university:nenu'})-[r:SUPPORTS]->(:Chain {id: 'chain:biomed'}) RETURN r.status AS status",
    );
    expect(row).toEqual({ status: 'confirmed' });
    await admin.close();
  });
  it('says what to do when the database does not answer', async () => {
    const page = await web.newPage();
    await page.route('**/graphql', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [{ message: 'Neo4j is unavailable', extensions: { code: 'DATABASE_UNAVAILABLE' } }],
        }),
      }),
    );
    await page.goto(`${web.base}/`);
    await page.waitForSelector('body[data-ready="true"]');
    const overlay = page.locator('.status-overlay[data-code="DATABASE_UNAVAILABLE"]');
    await overlay.waitFor();
    expect(await overlay.innerText()).toContain('数据库未响应');
    expect(await overlay.locator('button').innerText()).toBe('重试');
    await page.close();
  });

  it('never calls a host other than 127.0.0.1, and no page threw', () => {
    expect(web.guard.outside).toEqual([]);
    expect(web.guard.errors.filter((e) => !e.includes('503'))).toEqual([]);
  });
});
