// 导出简报 on the web page in Chromium: the chain view exports the 光电 briefing as DOCX and as PDF
// (printed by Chromium from the print page); the PDF's text has every [n] with an endnote whose quote is
// the stored quote (Chromium's CJK text is NFKC-folded first); the responsibility view exports a post's
// briefing as of its date; a district's details in the explorer export its briefing; the download link
// works once.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docxParagraphs, pdfNoteMatchesStored, pdfPages, storedCitations } from '../briefing/read-documents.js';
import { openView, screenshot } from './harness.js';
import { useWebSession } from './session.js';

const web = useWebSession();

async function exportFrom(page: Page, format: 'DOCX' | 'PDF', since?: string) {
  // the form stays open after an export; open it only when closed
  if (!(await page.$eval('details.briefing-export', (d) => (d as HTMLDetailsElement).open)))
    await page.click('summary[data-action="briefing"]');
  await page.selectOption('select[name="briefing-format"]', format);
  if (since) await page.fill('input[name="briefing-since"]', since);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.click('[data-action="briefing-go"]'),
  ]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  return { bytes: new Uint8Array(readFileSync(path!)), name: download.suggestedFilename() };
}

describe('briefing export on the web page', () => {
  it('exports the 光电 chain briefing as DOCX and as PDF whose notes carry the stored quotes', {
    timeout: 240_000,
  }, async () => {
    const page = await web.newPage();
    await openView(page, web.base, '/?view=chain&chain=chain:opto', 'chain');
    const docx = await exportFrom(page, 'DOCX');
    expect(docx.name).toMatch(/^briefing-chain-opto-.*-zh\.docx$/);
    expect((await docxParagraphs(docx.bytes))[0]).toBe('关于光电信息的工作简报');

    const pdf = await exportFrom(page, 'PDF', '2024-01-01');
    await screenshot(page, 'briefing-export');
    expect(pdf.name).toMatch(/\.pdf$/);
    const pages = await pdfPages(pdf.bytes);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain('关于光电信息的工作简报');
    expect(pages[0]).toContain('— 1 —');
    // the notes are matched on the raw text (see pdfNoteMatchesStored)
    const text = (await pdfPages(pdf.bytes, true)).join('\n').replace(/— \d+ —/g, '');
    const at = text.lastIndexOf('注释');
    const used = new Set([...text.slice(0, at).matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    const stored = await storedCitations(web.db.executor);
    // pdf.js joins the note lines: split the notes part at each "[n] " that starts a note
    const notes = text
      .slice(at + 2)
      .split(/(?=\[\d+\] )/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => ({ n: Number(/^\[(\d+)\]/.exec(line)?.[1]), line }));
    expect(used.size).toBeGreaterThan(10);
    for (const n of used) expect(notes.map((x) => x.n)).toContain(n);
    expect(notes.filter((note) => !pdfNoteMatchesStored(note, stored, '（该来源未存摘录）'))).toEqual([]);
    expect(web.guard.outside).toEqual([]);
  });

  it('exports a post briefing from the responsibility view as of its date', { timeout: 120_000 }, async () => {
    const page = await web.newPage();
    await openView(
      page,
      web.base,
      '/?view=responsibility&leader=leader:cc-npc-principal&at=2025-11-13',
      'responsibility',
    );
    const docx = await exportFrom(page, 'DOCX');
    const paragraphs = await docxParagraphs(docx.bytes);
    expect(paragraphs[0]).toBe('关于市人大主要领导的工作简报');
    expect(paragraphs.find((p) => p.startsWith('包保领导：'))).toContain('2025-11-13在任：王志厚。');
  });

  it('exports a district briefing from its details in the explorer', { timeout: 120_000 }, async () => {
    const page = await web.newPage();
    await openView(page, web.base, '/?view=explorer&focus=district:ccna&sel=district:ccna', 'explorer');
    await page.locator('.details-node[data-id="district:ccna"]').waitFor();
    const docx = await exportFrom(page, 'DOCX');
    expect(docx.name).toMatch(/^briefing-district-ccna-.*-zh\.docx$/);
    const paragraphs = await docxParagraphs(docx.bytes);
    expect(paragraphs[0]).toMatch(/^关于.+的工作简报$/);
    expect(paragraphs.some((p) => p.includes('谁负责'))).toBe(true);
    await page.close();
  });
});
