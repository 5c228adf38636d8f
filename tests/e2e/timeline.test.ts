// The graph over time in Chromium (issue 13): a target's stage recorded twice through the API, then the
// header date moved back before the second record shows the older stage on the pipeline board (the URL
// keeps the day), and the "changes since" panel lists what this test wrote, with its source.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TOKENS, openView, screenshot } from './harness.js';
import { useWebSession } from './session.js';

const web = useWebSession();
const FIRM = 'ent:e2e-timeline-target';
const SEGMENT = 'segment:opto-ic';

async function api(query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${web.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.editor}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  expect(body.errors).toBeUndefined();
}

const STAGE = `mutation($input: TargetStageInput!) { recordTargetStage(input: $input) { stage } }`;

/** Names of the firms on one column of the pipeline board. */
const column = (page: Page, stage: string) =>
  page.locator(`.board-column[aria-label="${stage}"] .board-card strong`).allInnerTexts();

describe('time on the web page in Chromium', () => {
  it('moves the view back before a recorded change and finds the change in the changes panel', async () => {
    await api(`mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }`, {
      input: { id: FIRM, name: '时间线测试光电企业', local: false, sources: ['source:s1'] },
    });
    const stage = { enterpriseId: FIRM, targetId: SEGMENT, sources: ['source:s1'] };
    await api(STAGE, { input: { ...stage, stage: '在谈', since: '2025-01-10' } });
    await api(STAGE, { input: { ...stage, stage: '签约', since: '2026-11-01' } });

    const page = await web.newPage();
    await web.signIn(page, TOKENS.analyst);
    await openView(page, web.base, '/?view=gaps&chain=chain:opto&tab=pipeline', 'gaps');
    await page.locator('.board-column[aria-label="签约"] .board-card').first().waitFor();
    expect(await column(page, '签约')).toContain('时间线测试光电企业');
    expect(await column(page, '在谈')).not.toContain('时间线测试光电企业');

    // The header date, before the second record: the older stage, and the day in the URL.
    await page.fill('[data-testid="as-of"]', '2025-06-01');
    await page.waitForURL(/asOf=2025-06-01/);
    await page.waitForSelector('body[data-view-ready="gaps"]');
    await page.locator('.board-column[aria-label="在谈"] .board-card').first().waitFor();
    expect(await column(page, '在谈')).toContain('时间线测试光电企业');
    expect(await column(page, '签约')).not.toContain('时间线测试光电企业');
    await screenshot(page, 'timeline-as-of');

    // A reload keeps the day.
    await openView(page, web.base, new URL(page.url()).search.replace(/^/, '/'), 'gaps');
    expect(await page.inputValue('[data-testid="as-of"]')).toBe('2025-06-01');

    // The changes panel: what this test wrote, with its source.
    await page.click('[data-testid="changes-toggle"]');
    const firm = page.locator(`.changes-item[data-target="${FIRM}"]`);
    await firm.first().waitFor({ timeout: 30_000 });
    expect(await firm.first().getAttribute('data-kind')).toBe('ADDED');
    const stageChange = page.locator(`.changes-item[data-target="TARGET_FOR:${FIRM}->${SEGMENT}"]`);
    await stageChange.first().waitFor();
    expect(await stageChange.first().innerText()).toContain('九个好');
    await screenshot(page, 'timeline-changes');
  }, 240_000);
});
