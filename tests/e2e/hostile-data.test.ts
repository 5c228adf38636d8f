// Hostile data on the web page in Chromium: firms, a segment, sources, quotes, a proposal, a document and a
// registry file holding markup, script, event handlers, javascript:/data: URLs, bidi and zero-width
// characters and very long strings are loaded (through the API where the model rules admit them; written
// straight into the graph as data from before the rules where they refuse them), then every view, the
// changes panel, the CSV export and the briefing DOCX/PDF are visited. Nothing may run (no dialog, no
// window.__pwned, no element the data asked for), no non-http(s) URL may be a link, and a very long name
// must not push the page's main controls off screen (docs/reliability.md "Hostile data").
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docxParagraphs } from '../briefing/read-documents.js';
import { STORED_NAMES } from '../reliability/lib/hostile-strings.js';
import { firmId, LEGACY_LONG, loadHostileData, SEGMENT, writeLegacyData } from './hostile-data-load.js';
import { openView, screenshot, TOKENS } from './harness.js';
import { useWebSession } from './session.js';

const web = useWebSession({ prepare: writeLegacyData });
const dialogs: string[] = [];
const visited: string[] = [];

/** Every hostile effect a page could show: a script that ran, an element the data asked for, an inline
 * handler, a link to a non-http(s) address; and the main controls inside the viewport. */
async function probe(page: Page, where: string): Promise<void> {
  visited.push(where);
  const found = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const width = window.innerWidth;
    const box = (selector: string) =>
      [...document.querySelectorAll(selector)].map((el) => {
        const r = el.getBoundingClientRect();
        return { selector, left: r.left, right: r.right, shown: r.width > 0 };
      });
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      pwnedNode: !!document.getElementById('pwned'),
      inlineHandlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
      ),
      frames: document.querySelectorAll('iframe, object, embed').length,
      dataScripts: [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length,
      badLinks: [...document.querySelectorAll('a[href]')]
        .map((a) => (a as HTMLAnchorElement).href)
        .filter((href) => !/^(https?:|blob:)/i.test(href)),
      pageScrollsSideways: document.documentElement.scrollWidth > width + 1,
      offscreen: [
        ...box('.nav-link'),
        ...box('.header-search input'),
        ...box('[data-action="export"]'),
        ...box('.details-title'),
        ...box('.citation'),
        ...box('.fact-card'),
        ...box('.changes-item'),
      ].filter((b) => b.shown && (b.left < 0 || b.right > width + 1)),
    };
  });
  expect(found, where).toEqual({
    pwned: null,
    pwnedNode: false,
    inlineHandlers: [],
    frames: 0,
    dataScripts: 0,
    badLinks: [],
    pageScrollsSideways: false,
    offscreen: [],
  });
  expect(dialogs, where).toEqual([]);
}

async function page(): Promise<Page> {
  const p = await web.newPage();
  p.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return p;
}

describe('hostile data on the web page', () => {
  let jobs: { documentJob: string; registryJob: string };

  it('loads the hostile data through the API', { timeout: 300_000 }, async () => {
    jobs = await loadHostileData(web.base);
  });

  it('shows it as text in the explorer, with non-http(s) sources as plain text', { timeout: 120_000 }, async () => {
    const p = await page();
    for (const id of [
      firmId('script'),
      firmId('imgOnerror'),
      firmId('legacy-rtlOverride'),
      LEGACY_LONG,
      `${LEGACY_LONG}-latin`,
    ]) {
      await openView(p, web.base, `/?view=explorer&focus=${id}&sel=${id}`, 'explorer');
      const details = p.locator(`.details-node[data-id="${id}"]`);
      await details.waitFor();
      await p.waitForTimeout(300);
      await probe(p, `explorer ${id}`);
    }
    const script = p.locator(`.details-node[data-id="${LEGACY_LONG}-latin"]`);
    expect(await script.locator('.citation-title a').count()).toBe(0);
    expect(await script.locator('.citation-title').allInnerTexts()).toContain(STORED_NAMES.script);
    await screenshot(p, 'hostile-explorer-long');
    await openView(p, web.base, `/?view=explorer&focus=${firmId('script')}&sel=${firmId('script')}`, 'explorer');
    await p.locator(`.details-node[data-id="${firmId('script')}"] .details-title`).waitFor();
    expect(await p.locator(`.details-node[data-id="${firmId('script')}"] .details-title`).innerText()).toBe(
      STORED_NAMES.script,
    );
    await probe(p, 'explorer title');
    await p.close();
  });

  it('shows it in the chain view, gaps and the pipeline board, and responsibility', { timeout: 180_000 }, async () => {
    const p = await page();
    await web.signIn(p, TOKENS.analyst); // the pipeline board is for signed-in users
    await openView(p, web.base, `/?view=chain&chain=chain:opto&expand=${SEGMENT}`, 'chain');
    const firms = p.locator(`.tree-item[data-id="${SEGMENT}"] .tree-firms button[data-id]`);
    await firms.first().waitFor();
    expect((await firms.allInnerTexts()).join('\n')).toContain(STORED_NAMES.imgOnerror);
    await probe(p, 'chain');
    await openView(
      p,
      web.base,
      '/?view=chain&chain=chain:opto&expand=segment:hostile-seg&sel=segment:hostile-seg',
      'chain',
    );
    await p.waitForTimeout(500);
    await probe(p, 'chain hostile segment');
    await screenshot(p, 'hostile-chain');
    await openView(p, web.base, '/?view=gaps&chain=chain:opto', 'gaps');
    await probe(p, 'gaps');
    await openView(p, web.base, '/?view=gaps&chain=chain:opto&tab=pipeline', 'gaps');
    await p.locator('.board-card').first().waitFor();
    expect((await p.locator('.board-card strong').allInnerTexts()).join('\n')).toContain(STORED_NAMES.script);
    await probe(p, 'pipeline board');
    await openView(p, web.base, '/?view=responsibility&leader=leader:cc-npc-principal', 'responsibility');
    await probe(p, 'responsibility');
    await p.close();
  });

  it('shows it on the document review screen, the proposal queue, the registry report and the changes panel', {
    timeout: 180_000,
  }, async () => {
    const p = await page();
    await web.signIn(p, TOKENS.admin);
    await probe(p, 'sign-in');
    await openView(p, web.base, `/?view=review&job=${jobs.documentJob}&status=proposed`, 'review');
    await p.locator('.fact-card').first().waitFor();
    expect(await p.locator('body').innerText()).toContain('<a href="javascript:window.__pwned=1">');
    await probe(p, 'document review');
    await screenshot(p, 'hostile-review');
    await openView(p, web.base, '/?view=review&status=proposed', 'review');
    await p.locator('.fact-card').first().waitFor();
    await probe(p, 'proposal queue');
    await openView(p, web.base, `/?view=registry-import&job=${jobs.registryJob}`, 'registry-import');
    await p.locator(`.registry-report[data-report-job="${jobs.registryJob}"]`).waitFor({ timeout: 60_000 });
    await p.waitForTimeout(500);
    const report = await p.locator('.registry-report').innerText();
    expect(report).toContain('invisible format characters');
    expect(report).toContain('control characters');
    await probe(p, 'registry report');
    await screenshot(p, 'hostile-registry');
    await openView(p, web.base, `/?view=review&job=${jobs.registryJob}&status=proposed`, 'review');
    await p.locator('.fact-card').first().waitFor();
    // A placement's card quotes the hostile 经营范围 as text.
    expect(await p.locator('body').innerText()).toContain(`卫星遥感${STORED_NAMES.script}`);
    await probe(p, 'registry placements (review queue)');
    await openView(p, web.base, '/?view=gaps&chain=chain:opto', 'gaps');
    await p.click('[data-testid="changes-toggle"]');
    await p
      .locator(`.changes-item[data-target="${firmId('script')}"]`)
      .first()
      .waitFor({ timeout: 30_000 });
    await probe(p, 'changes panel');
    await p.close();
  });

  it('exports CSV with formula cells defused and a briefing whose text is the data as text', {
    timeout: 240_000,
  }, async () => {
    const p = await page();
    await openView(p, web.base, `/?view=explorer&focus=${firmId('formula')}&sel=${firmId('formula')}`, 'explorer');
    await p.locator(`.details-node[data-id="${firmId('formula')}"]`).waitFor();
    const csv = (await web.exportAs(p, 'csv')).bytes.toString('utf8');
    const cells = csv.split(/\r\n/).flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    const bare = cells.map((c) => c.replace(/^"/, ''));
    expect(bare.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/"",""点我"")"`);
    await probe(p, 'csv export');

    await openView(p, web.base, '/?view=chain&chain=chain:opto', 'chain');
    for (const format of ['DOCX', 'PDF'] as const) {
      if (!(await p.$eval('details.briefing-export', (d) => (d as HTMLDetailsElement).open)))
        await p.click('summary[data-action="briefing"]');
      await p.selectOption('select[name="briefing-format"]', format);
      const [download] = await Promise.all([
        p.waitForEvent('download', { timeout: 120_000 }),
        p.click('[data-action="briefing-go"]'),
      ]);
      const { readFileSync } = await import('node:fs');
      const bytes = new Uint8Array(readFileSync((await download.path())!));
      if (format === 'DOCX') {
        const text = (await docxParagraphs(bytes)).join('\n');
        expect(text).toContain(STORED_NAMES.imgOnerror);
      } else expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    }
    await probe(p, 'briefing export');
    expect(web.guard.outside).toEqual([]);
    console.log(`hostile data: ${visited.length} views and exports probed, ${dialogs.length} dialogs`);
    await p.close();
  });

  it('the probe itself catches a payload that runs', { timeout: 60_000 }, async () => {
    const p = await page();
    await openView(p, web.base, '/?view=gaps&chain=chain:opto', 'gaps');
    await p.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__pwned=1">');
    });
    await p.waitForFunction(() => (window as unknown as { __pwned?: number }).__pwned === 1);
    await expect(probe(p, 'self-check')).rejects.toThrow();
    visited.pop();
    await p.close();
  });
});
