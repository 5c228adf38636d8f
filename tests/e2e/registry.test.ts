// Registry import on the web page in Chromium against the real server and classifier: the dev registry
// uploaded as an admin, the job followed to its report (counts, skip reasons, placements by chain and
// score band), the review queue opened for the job (one IN_SEGMENT proposal confirmed, one rejected),
// one confident placement rejected from the report, and the gaps of the chains concerned read before and
// after (confirmed and machine-placed counts, the 仅人工确认 switch); then the whole job undone, and a
// file that is not a registry refused in plain words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../../seed/shared-dir.js';
import { TOKENS, openView, screenshot } from './harness.js';
import { useWebSession } from './session.js';

const web = useWebSession();
const devFile = () => readFileSync(join(sharedDir(), 'corpus', 'registry', 'dev', 'registry-dev.csv'));

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await openView(page, web.base, '/?view=registry-import', 'registry-import');
  await page.setInputFiles('form[data-form="registry-import"] input[type="file"]', file);
  await page.click('[data-action="import-registry"]');
}

/** The gap table's cell of one segment (column: confirmed | machine) on the gaps view of its chain. */
async function gapCell(page: Page, chainId: string, segmentId: string, col: 'confirmed' | 'machine', machine = '') {
  await openView(page, web.base, `/?view=gaps&chain=${chainId}${machine}`, 'gaps');
  const cell = page.locator(`.gap-table tr[data-id="${segmentId}"] td[data-col="${col}"]`);
  await cell.waitFor();
  return Number(await cell.innerText());
}

/** Sum of a gap-table column on the gaps view of a chain. */
async function gapColumn(page: Page, chainId: string, col: 'confirmed' | 'machine', machine = '') {
  await openView(page, web.base, `/?view=gaps&chain=${chainId}${machine}`, 'gaps');
  await page.locator('.gap-table tbody tr').first().waitFor();
  const cells = await page.locator(`.gap-table td[data-col="${col}"]`).allInnerTexts();
  return cells.reduce((sum, text) => sum + Number(text), 0);
}

describe('registry import on the web page in Chromium', () => {
  it('uploads the dev registry, reviews placements, sees the gaps change, and undoes the job', async () => {
    const page = await web.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await web.signIn(page, TOKENS.admin);
    await upload(page, { name: 'registry-dev.csv', mimeType: 'text/csv', buffer: devFile() });
    const panel = page.locator('.job-panel[data-status="DONE"], .job-panel[data-status="FAILED"]');
    await panel.waitFor({ timeout: 180_000 });
    expect(await panel.getAttribute('data-status')).toBe('DONE');
    const jobId = (await panel.getAttribute('data-job'))!;
    expect(page.url()).toContain(`job=${jobId}`);

    // The report: 120 data rows, every fictional firm new; placements tallied by chain and band.
    const report = page.locator(`.registry-report[data-report-job="${jobId}"]`);
    await report.waitFor({ timeout: 60_000 });
    const count = async (action: string) =>
      Number(await report.locator(`[data-action-count="${action}"] dd`).innerText());
    const actions = {
      created: await count('created'),
      updated: await count('updated'),
      unchanged: await count('unchanged'),
      skipped: await count('skipped'),
    };
    expect(actions.created + actions.updated + actions.unchanged + actions.skipped).toBe(120);
    expect(actions.created).toBeGreaterThan(60);
    expect(await report.locator('[data-report="skips"]').innerText()).not.toBe('');
    const chainRows = report.locator('[data-report="chains"] tbody tr');
    expect(await chainRows.count()).toBeGreaterThan(0);
    expect(await report.locator('[data-report="chains"] tr[data-chain="chain:nev"]').count()).toBe(1);
    const confidentRows = page.locator('[data-report="confident"] tbody tr');
    expect(await confidentRows.count()).toBeGreaterThan(0);
    await screenshot(page, '30-registry-report');

    // A confident placement of a local firm with no other placement in its chain, and an IN_SEGMENT
    // proposal of such a firm: reviewing each must move that segment's count.
    const [machine] = await web.db.executor.query(
      `MATCH (e:Enterprise {local: true})-[r:IN_SEGMENT {method: 'classifier', status: 'unverified', jobId: $jobId}]->(s:Segment)
             -[:PART_OF*1..8]->(c:Chain)
       WHERE COUNT { MATCH (e)-[:IN_SEGMENT]->(:Segment)-[:PART_OF*1..8]->(c) } = 1
       RETURN e.id AS firm, s.id AS segment, c.id AS chain ORDER BY r.score, e.id LIMIT 1`,
      { jobId },
    );
    expect(machine).toBeDefined();
    const machineBefore = await gapCell(page, String(machine.chain), String(machine.segment), 'machine');
    expect(machineBefore).toBeGreaterThan(0);
    // With 仅人工确认 the machine's placements do not count at all.
    expect(await gapColumn(page, String(machine.chain), 'machine', '&machine=off')).toBe(0);
    expect(await page.locator('select[name="machinePlacements"]').inputValue()).toBe('off');

    // The review queue of this job.
    await openView(page, web.base, `/?view=registry-import&job=${jobId}`, 'registry-import');
    await page.locator(`.registry-report[data-report-job="${jobId}"]`).waitFor({ timeout: 60_000 });
    await page.click('[data-action="open-review"]');
    await page.waitForSelector('body[data-view-ready="review"]');
    expect(page.url()).toContain(`job=${jobId}`);
    expect(await page.locator('form[data-form="review-filter"] [name="job"]').inputValue()).toBe(jobId);
    const cards = page.locator('[data-group="IN_SEGMENT"] .fact-card[data-status="proposed"]');
    await cards.first().waitFor();
    const shown = await cards.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.proposal!));
    const [proposal] = await web.db.executor.query(
      `UNWIND $ids AS id
       MATCH (p:Proposal {id: id, labelOrType: 'IN_SEGMENT', status: 'proposed', jobId: $jobId})
       MATCH (e:Enterprise {id: p.ends[0], local: true}), (s:Segment {id: p.ends[1]})-[:PART_OF*1..8]->(c:Chain)
       WHERE NOT EXISTS { MATCH (e)-[:IN_SEGMENT]->(:Segment)-[:PART_OF*1..8]->(c) }
       RETURN p.id AS id, s.id AS segment, c.id AS chain ORDER BY id LIMIT 1`,
      { ids: shown, jobId },
    );
    expect(proposal).toBeDefined();
    const other = shown.find((id) => id !== proposal.id)!;
    expect(other).toBeDefined();
    const confirmedBefore = await gapCell(page, String(proposal.chain), String(proposal.segment), 'confirmed');

    await openView(page, web.base, `/?view=review&job=${jobId}&status=proposed`, 'review');
    await page.locator(`.fact-card[data-proposal="${proposal.id}"]`).waitFor();
    await page.click(`.fact-card[data-proposal="${proposal.id}"] [data-action="confirm"]`);
    await page.locator('.review-results .notice-ok').waitFor();
    expect(await page.locator('.review-results').innerText()).toMatch(/已处理 1 条，失败 0 条/);
    await page.locator(`.fact-card[data-proposal="${proposal.id}"]`).waitFor({ state: 'detached' });
    await page.click(`.fact-card[data-proposal="${other}"] [data-action="reject"]`);
    await page.locator(`.fact-card[data-proposal="${other}"]`).waitFor({ state: 'detached' });
    await screenshot(page, '31-registry-review');

    // Reject the confident placement from the report's list.
    await openView(page, web.base, `/?view=registry-import&job=${jobId}`, 'registry-import');
    const rowSelector = `[data-report="confident"] tr[data-enterprise="${machine.firm}"][data-segment="${machine.segment}"]`;
    const row = page.locator(rowSelector);
    const more = page.locator('[data-action="more-placements"]:not([hidden])');
    await page.locator('[data-report="confident"]').waitFor({ timeout: 60_000 });
    while (!(await row.count()) && (await more.count())) await more.click();
    await row.locator('[data-action="reject-placement"]').click();
    await page.locator(`${rowSelector}[data-status="rejected"]`).waitFor();
    expect(await row.locator('.placement-state').innerText()).toBe('已拒绝');
    await screenshot(page, '32-registry-rejected');

    // The gaps moved: one machine-placed firm less, one confirmed firm more.
    expect(await gapCell(page, String(machine.chain), String(machine.segment), 'machine')).toBe(machineBefore - 1);
    expect(await gapCell(page, String(proposal.chain), String(proposal.segment), 'confirmed')).toBe(
      confirmedBefore + 1,
    );
    await screenshot(page, '33-registry-gaps');

    // Undo the whole job: what nobody confirmed goes, the confirmed placement stays.
    const machineTotal = await gapColumn(page, String(machine.chain), 'machine');
    expect(machineTotal).toBeGreaterThan(0);
    await openView(page, web.base, `/?view=registry-import&job=${jobId}`, 'registry-import');
    await page.locator(`.registry-report[data-report-job="${jobId}"]`).waitFor({ timeout: 60_000 });
    await page.click('[data-action="undo-job"]');
    const undone = page.locator(`[data-undone="${jobId}"]`);
    await undone.waitFor();
    const removed = Number((await undone.innerText()).match(/删除企业 (\d+) 家/)?.[1]);
    expect(removed).toBeGreaterThan(50);
    expect(await gapColumn(page, String(machine.chain), 'machine')).toBe(0);
    expect(await gapCell(page, String(proposal.chain), String(proposal.segment), 'confirmed')).toBe(
      confirmedBefore + 1,
    );
    expect(web.guard.errors).toEqual([]);
    expect(web.guard.outside).toEqual([]);
    await page.close();
  }, 600_000);

  it('says in plain words why a file is not a registry', async () => {
    const page = await web.newPage();
    await web.signIn(page, TOKENS.editor);
    await upload(page, {
      name: 'not-a-registry.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('编号,金额,日期\n1,300,2024-01-01\n2,400,2024-02-01\n', 'utf8'),
    });
    const failure = page.locator('.job-panel[data-status="FAILED"] .notice-error, .form-result > .notice-error');
    await failure.first().waitFor({ timeout: 60_000 });
    const text = await failure.first().innerText();
    expect(text).toMatch(/企业名称|name/);
    await screenshot(page, '34-registry-bad-file');
    await page.close();
  }, 120_000);

  it('a dry run shows the report and writes nothing; the page speaks English on request', async () => {
    const page = await web.newPage();
    await web.signIn(page, TOKENS.editor);
    const placed = async () =>
      Number(
        (await web.db.executor.query("MATCH ()-[r:IN_SEGMENT {method: 'classifier'}]->() RETURN count(r) AS n"))[0].n,
      );
    const before = await placed();
    await openView(page, web.base, '/?view=registry-import', 'registry-import');
    await page.setInputFiles('form[data-form="registry-import"] input[type="file"]', {
      name: 'registry-dev.csv',
      mimeType: 'text/csv',
      buffer: devFile(),
    });
    await page.check('form[data-form="registry-import"] [name="dryRun"]');
    await page.click('[data-action="import-registry"]');
    const report = page.locator('.registry-report');
    await report.waitFor({ timeout: 180_000 });
    expect(await report.innerText()).toContain('试运行：报告已生成，图谱未写入。');
    expect(await report.locator('[data-report="chains"] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-action="undo-job"]').count()).toBe(0);
    expect(await page.locator('[data-report="confident"]').count()).toBe(0);
    expect(await placed()).toBe(before);
    await page.click('.lang-toggle');
    await page.waitForFunction(() => document.querySelector('.registry-report h2')?.textContent === 'Import report');
    expect(await page.locator('.registry-report').innerText()).toContain('Dry run: the report is ready');
    await page.click('.lang-toggle');
    // Relabelling draws the page anew (the job's report again, from ?job=): wait for it.
    await page.waitForFunction(() => document.querySelector('.registry-report h2')?.textContent === '导入报告');
    // A file that is not CSV or XLSX is refused before it is sent.
    await page.setInputFiles('form[data-form="registry-import"] input[type="file"]', {
      name: 'firms.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('企业名称\n某公司\n'),
    });
    await page.click('[data-action="import-registry"]');
    expect(await page.locator('.form-result > .notice-error').innerText()).toContain('不是 .csv 或 .xlsx 文件');
    await page.close();
  }, 240_000);
});
