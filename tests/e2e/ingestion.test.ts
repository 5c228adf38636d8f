// Document ingestion on the web page in Chromium against the real server and extraction engine: an
// HTML page and a DOCX (built here from dev articles of the shared corpus) uploaded as an editor-admin,
// the job followed, the review screen (text highlights, facts by kind) used to confirm some facts and
// reject others, and the confirmed facts found in the explorer with their citations after switching
// to the new program.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TOKENS, openView, screenshot } from './harness.js';
import { sharedDir } from '../../seed/shared-dir.js';
import { useWebSession } from './session.js';

const devArticle = (name: string) => readFileSync(join(sharedDir(), 'corpus/documents/dev', name), 'utf8');

function htmlPage(title: string, text: string): Buffer {
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  return Buffer.from(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
      `<body><nav><a href="/">首页</a> · <a href="/news">新闻</a></nav><article><h1>${escapeHtml(title)}</h1>\n${paragraphs}</article>` +
      '<footer>版权所有</footer></body></html>',
  );
}

async function docxFile(text: string): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: text
          .split(/\n+/)
          .filter((p) => p.trim())
          .map((p) => new Paragraph(p)),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const web = useWebSession();

/** Uploads a file on the import page and waits for its job to end; returns the job panel's status. */
async function upload(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  meta: Record<string, string>,
) {
  await openView(page, web.base, '/?view=ingest', 'ingest');
  await page.setInputFiles('form[data-form="ingest"] input[type="file"]', file);
  for (const [name, value] of Object.entries(meta)) await page.fill(`form[data-form="ingest"] [name="${name}"]`, value);
  await page.click('[data-action="ingest"]');
  const panel = page.locator('.job-panel[data-status="DONE"], .job-panel[data-status="FAILED"]');
  await panel.waitFor({ timeout: 120_000 });
  return panel;
}

describe('document ingestion on the web page in Chromium', () => {
  it('uploads an HTML page, reviews its facts against the text, and finds them in the explorer', async () => {
    const page = await web.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await web.signIn(page, TOKENS.admin);
    const text = devArticle('01-xianning-chain-plan.txt');
    const title = '咸宁推行制造业产业链链长制';
    const panel = await upload(
      page,
      { name: 'xianning.html', mimeType: 'text/html', buffer: htmlPage(title, text) },
      { title, publishedOn: '2021-07-28', publisher: '咸宁日报' },
    );
    expect(await panel.getAttribute('data-status')).toBe('DONE');
    expect(await page.locator('.job-panel .job-progress').getAttribute('aria-valuenow')).toBe('100');
    await screenshot(page, '20-ingest-done');

    await page.click('[data-action="open-review"]');
    await page.waitForSelector('body[data-view-ready="review"]');
    await page.locator('mark.fact-mark').first().waitFor();
    // The stored text is shown as text: the page's markup and navigation never reach the pane.
    const pane = await page.locator('.review-text').innerText();
    expect(pane).toContain('8条重点产业链');
    expect(pane).not.toContain('<p>');
    expect(pane).not.toContain('版权所有');
    expect(await page.locator('.review-text *:not(mark)').count()).toBe(0);
    // Each highlight stands where its fact's quote is.
    const marks = await page
      .locator('mark.fact-mark')
      .evaluateAll((els) => els.map((el) => ({ id: (el as HTMLElement).dataset.proposal, text: el.textContent })));
    const cards = await page.locator('.fact-card').evaluateAll((els) =>
      els.map((el) => ({
        id: (el as HTMLElement).dataset.proposal,
        quote: el.querySelector('.fact-quote')?.textContent,
      })),
    );
    expect(marks.length).toBeGreaterThan(5);
    for (const mark of marks) {
      const card = cards.find((c) => c.id === mark.id);
      expect(card?.quote?.startsWith(mark.text ?? '') || card?.quote?.endsWith(mark.text ?? '')).toBe(true);
    }
    // A highlight selects its fact; a fact selects its highlight.
    const firstMark = page.locator('mark.fact-mark').first();
    const markId = await firstMark.getAttribute('data-proposal');
    await firstMark.click();
    expect(await page.locator(`.fact-card[data-proposal="${markId}"]`).getAttribute('class')).toContain('selected');
    const lastCard = page.locator('.fact-card').last();
    const cardId = await lastCard.getAttribute('data-proposal');
    await lastCard.locator('.fact-head').click();
    if (marks.some((m) => m.id === cardId))
      expect(await page.locator(`mark.fact-mark[data-proposal="${cardId}"]`).getAttribute('class')).toContain(
        'selected',
      );
    expect(await page.locator('[data-group="Chain"] .fact-card').count()).toBeGreaterThanOrEqual(8);
    const total = Number((await page.locator('.review-summary').innerText()).match(/共 (\d+)/)?.[1]);
    expect(total).toBe(cards.length);
    await screenshot(page, '21-review');

    // Edit the program before confirming it (its region is taken as the district's id), then confirm
    // the chains' PART_OF (it needs the chains: they are confirmed with it) and reject the goals.
    const programCard = page.locator('[data-group="Program"] .fact-card').first();
    await programCard.locator('[data-action="edit"]').click();
    const nameInput = programCard.locator('.fact-editor input[name="name"]');
    expect(await nameInput.inputValue()).toContain('链长制');
    await programCard.locator('[data-action="confirm-edited"]').click();
    await page.locator('.review-results .notice-ok').waitFor();
    expect(await page.locator('.review-results').innerText()).toMatch(/已处理 1 条，失败 0 条/);
    await page.click('[data-group="PART_OF"] [data-action="group-confirm"]');
    await page.locator('.review-results .notice-ok').waitFor();
    expect(await page.locator('.review-results').innerText()).toMatch(/失败 0 条/);
    await page.locator('[data-group="PART_OF"]').waitFor({ state: 'detached' });
    if (await page.locator('[data-group="Goal"]').count()) {
      await page.click('[data-group="Goal"] [data-action="group-reject"]');
      await page.locator('[data-group="Goal"]').waitFor({ state: 'detached' });
    }
    await page.selectOption('form[data-form="review-filter"] [name="status"]', 'confirmed');
    await page.click('form[data-form="review-filter"] button[type="submit"]');
    await page.locator('.fact-card[data-status="confirmed"]').first().waitFor();
    expect(
      await page.locator('[data-group="Chain"] .fact-card[data-status="confirmed"]').count(),
    ).toBeGreaterThanOrEqual(8);
    await page.locator('mark.fact-mark[data-status="confirmed"]').first().waitFor();
    expect(await page.locator('mark.fact-mark[data-status="proposed"]').count()).toBe(0);
    // Each decided fact names who proposed it and who reviewed it, and when (the admin token has no name:
    // role and fingerprint).
    const people = await page
      .locator('[data-group="Chain"] .fact-card[data-status="confirmed"]')
      .first()
      .evaluate((el) => [
        el.querySelector('.fact-people')?.textContent,
        el.querySelector('.fact-reviewer')?.textContent,
      ]);
    expect(people[0]).toMatch(/^提出人 admin:\S+ · \d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(people[1]).toMatch(/^审核人 admin:\S+ · \d{4}-\d\d-\d\d \d\d:\d\d$/);
    await screenshot(page, '22-review-confirmed');

    // The new program in the header switcher; its chains in the explorer with their citation.
    const options = await page
      .locator('[data-testid="program-switcher"] option')
      .evaluateAll((els) => els.map((el) => ({ value: (el as HTMLOptionElement).value, text: el.textContent ?? '' })));
    const program = options.find(
      (o) => o.value && o.value !== 'program:cc-10plus3' && o.text.includes('制造业产业链链长制'),
    );
    expect(program).toBeDefined();
    await page.selectOption('[data-testid="program-switcher"]', program!.value);
    expect(page.url()).toContain(`program=${program!.value}`);
    const search = page.locator('.header-search input[type="search"]');
    await search.click();
    await search.pressSequentially('电子信息', { delay: 30 });
    const hit = page.locator('.header-search .search-hit').first();
    await hit.waitFor();
    await search.press('Enter');
    await page.waitForSelector('body[data-view-ready="explorer"]');
    const details = page.locator('.details-node');
    await details.waitFor();
    const citation = details.locator('.citation').filter({ hasText: title });
    await citation.first().waitFor();
    expect(await citation.first().locator('.citation-quote').innerText()).toContain('电子信息');
    await screenshot(page, '23-explorer-ingested');
    await page.close();
  }, 240_000);

  it('uploads a DOCX, rejects the facts of the current filter, and flags them when pasted text proposes them again', async () => {
    const page = await web.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await web.signIn(page, TOKENS.admin);
    const text = devArticle('02-luzhou-ecochain-adjustment.txt');
    const panel = await upload(
      page,
      {
        name: 'luzhou.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: await docxFile(text),
      },
      { title: '泸州重点工业产业生态链扩至10条', publishedOn: '2025-02-08' },
    );
    expect(await panel.getAttribute('data-status')).toBe('DONE');
    await page.click('[data-action="open-review"]');
    await page.waitForSelector('body[data-view-ready="review"]');
    await page.locator('mark.fact-mark').first().waitFor();
    expect(await page.locator('.review-text').innerText()).toContain('泸州');
    // Narrow to the chains and reject the current filter as a whole (their PART_OF go with them).
    await page.fill('form[data-form="review-filter"] [name="labelOrType"]', 'Chain');
    await page.click('form[data-form="review-filter"] button[type="submit"]');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.fact-group').length === 1 &&
        document.querySelector('.fact-group')?.getAttribute('data-group') === 'Chain',
    );
    const chains = await page.locator('.fact-card').count();
    expect(chains).toBeGreaterThanOrEqual(10);
    expect(await page.locator('.review-summary').innerText()).toContain(`共 ${chains} 条`);
    await page.click('[data-action="filter-reject"]');
    await page.locator('.review-results .notice-ok').waitFor();
    expect(await page.locator('.review-results').innerText()).toMatch(/已处理 \d+ 条，失败 0 条/);
    await page.locator('.fact-card').first().waitFor({ state: 'detached' });
    expect(await page.locator('.review-summary').innerText()).toContain('共 0 条');
    await page.selectOption('form[data-form="review-filter"] [name="status"]', 'rejected');
    await page.click('form[data-form="review-filter"] button[type="submit"]');
    await page.locator('.fact-card[data-status="rejected"]').first().waitFor();
    expect(await page.locator('.fact-card[data-status="rejected"]').count()).toBe(chains);

    // Pasted text (a part of the same article: another source) proposes the rejected chains again; the
    // review screen says they were rejected before.
    await openView(page, web.base, '/?view=ingest', 'ingest');
    const part = text.slice(0, text.indexOf('数字经济') + 4);
    await page.fill('form[data-form="ingest"] [name="text"]', part);
    await page.fill('form[data-form="ingest"] [name="title"]', '泸州生态链调整（摘录）');
    await page.fill('form[data-form="ingest"] [name="publishedOn"]', '2025-02-08');
    await page.click('[data-action="ingest"]');
    await page.locator('.job-panel[data-status="DONE"]').waitFor();
    await page.click('[data-action="open-review"]');
    await page.waitForSelector('body[data-view-ready="review"]');
    const flagged = page.locator('[data-group="Chain"] .fact-card .fact-rejected-before');
    await flagged.first().waitFor();
    expect(await flagged.first().innerText()).toContain('泸州重点工业产业生态链扩至10条');
    await screenshot(page, '24-review-docx');
    // The English toggle relabels the screen (the data stays as written).
    await page.click('.lang-toggle');
    await page.waitForFunction(() => document.querySelector('.review-summary')?.textContent?.startsWith('Showing'));
    expect(await page.locator('.fact-group-head h3').first().innerText()).toMatch(/^Nodes · Chain/);
    await screenshot(page, '26-review-en');
    await page.click('.lang-toggle');
    expect(web.guard.errors).toEqual([]);
    expect(web.guard.outside).toEqual([]);
    await page.close();
  }, 240_000);

  it('says why a document could not be read', async () => {
    const page = await web.newPage();
    await web.signIn(page, TOKENS.editor);
    await openView(page, web.base, '/?view=ingest', 'ingest');
    await page.setInputFiles('form[data-form="ingest"] input[type="file"]', {
      name: 'broken.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('这不是PDF文件'),
    });
    await page.fill('form[data-form="ingest"] [name="title"]', '损坏的文件');
    await page.click('[data-action="ingest"]');
    const failure = page.locator('.job-panel[data-status="FAILED"] .notice-error, .form-result > .notice-error');
    await failure.first().waitFor({ timeout: 60_000 });
    expect((await failure.first().innerText()).length).toBeGreaterThan(4);
    await screenshot(page, '25-ingest-failed');
    await page.close();
  }, 120_000);
});
