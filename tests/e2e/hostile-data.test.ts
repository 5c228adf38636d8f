// Hostile data on the web page in Chromium: firms, a segment, sources, quotes, a proposal, a document and a
// registry file holding markup, script, event handlers, javascript:/data: URLs, bidi and zero-width
// characters and very long strings are loaded (through the API where the model rules admit them; written
// straight into the graph as data from before the rules where they refuse them), then every view, the
// changes panel, the CSV export and the briefing DOCX/PDF are visited. Nothing may run (no dialog, no
// window.__pwned, no element the data asked for), no non-http(s) URL may be a link, and a very long name
// must not push the page's main controls off screen (docs/reliability.md "Hostile data").
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runRows } from '../../graph/executor.js';
import { usccCheckChar } from '../../seed/registry/uscc.js';
import { docxParagraphs } from '../briefing/read-documents.js';
import { hostileDocument, REFUSED_NAMES, STORED_NAMES, STORED_QUOTES } from '../reliability/lib/hostile-strings.js';
import { openView, screenshot, TOKENS } from './harness.js';
import { useWebSession } from './session.js';

const SEGMENT = 'segment:opto-satellite';
const SRC = 'source:hostile-ok';
const LEGACY_LONG = `ent:hostile-legacy-long`;
const firmId = (key: string) => `ent:hostile-${key.toLowerCase().replace(/[^a-z0-9]/g, '-')}`;

// Data from before the rules (the graph may hold it): refused names, a 10,000-character name, sources
// whose address is javascript: or data:, a segment named with markup on the 光电 chain.
const web = useWebSession({
  prepare: async (executor) => {
    await executor.write((tx) =>
      runRows(
        tx,
        `CREATE (:Source {id: 'source:hostile-js', name: $script, url: 'javascript:window.__pwned=1', kind: 'news', publisher: $img})
       CREATE (:Source {id: 'source:hostile-data', name: '数据链接来源', url: 'data:text/html,<script>window.__pwned=1</script>', kind: 'news'})
       WITH 1 AS one
       MATCH (c:Chain {id: 'chain:opto'})
       CREATE (s:Segment {id: 'segment:hostile-seg', name: $img, level: 1, sources: ['source:hostile-js'], quote: $bidi, confidence: 'low', status: 'confirmed'})-[:PART_OF {sources: ['source:hostile-js'], confidence: 'low', status: 'confirmed'}]->(c)
       WITH s
       UNWIND $legacy AS f
       CREATE (e:Enterprise {id: f.id, name: f.name, local: true, sources: ['source:hostile-js', 'source:hostile-data'], quote: $bidi, confidence: 'low', status: 'confirmed'})
       CREATE (e)-[:IN_SEGMENT {role: 'member', sources: ['source:hostile-js'], quote: $img, confidence: 'low', status: 'confirmed'}]->(s)`,
        {
          script: STORED_NAMES.script,
          img: STORED_NAMES.imgOnerror,
          bidi: STORED_QUOTES.bidiQuote,
          legacy: [
            ...Object.entries(REFUSED_NAMES)
              .filter(([key]) => key !== 'tenThousand')
              .map(([key, r]) => ({ id: firmId(`legacy-${key}`), name: r.value })),
            { id: LEGACY_LONG, name: `超长名称${'长光卫星技术股份有限公司'.repeat(900)}` },
            { id: `${LEGACY_LONG}-latin`, name: 'W'.repeat(10_000) },
          ],
        },
      ),
    );
  },
});

async function api(query: string, variables: Record<string, unknown>, token: string = TOKENS.admin) {
  const response = await fetch(`${web.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

async function jobDone(id: string): Promise<{ sourceId: string | null }> {
  for (let i = 0; i < 1200; i++) {
    const d = await api('query($id: ID!) { importJob(id: $id) { status message sourceId } }', { id });
    if (d.importJob.status === 'FAILED') throw new Error(d.importJob.message);
    if (d.importJob.status === 'DONE') return d.importJob;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error('the job did not finish');
}

const uscc = (n: number) => {
  const first17 = `91220101${String(300000000 + n).slice(-9)}`;
  return first17 + usccCheckChar(first17);
};
const csvLine = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

/** The API writes: firms with every stored name, linked to a segment with hostile quotes, one a target on
 * the pipeline board, a proposal, a document job and a registry job. */
async function loadHostileData(): Promise<{ documentJob: string; registryJob: string }> {
  await api('mutation($i: SourceInput!) { upsertSource(input: $i) { id } }', {
    i: { id: SRC, name: STORED_NAMES.attributeBreakout, url: 'https://example.org/hostile', kind: 'news' },
  });
  for (const [key, name] of Object.entries(STORED_NAMES)) {
    const id = firmId(key);
    await api('mutation($i: EnterpriseInput!) { upsertEnterprise(input: $i) { id } }', {
      i: { id, name, aliases: [name.slice(0, 100)], local: true, sources: [SRC], quote: STORED_QUOTES.scriptQuote },
    });
    await api('mutation($i: SegmentLinkInput!) { linkEnterpriseToSegment(input: $i) { id } }', {
      i: { enterpriseId: id, segmentId: SEGMENT, sources: [SRC], quote: STORED_QUOTES.bidiQuote },
    });
  }
  await api('mutation($i: TargetStageInput!) { recordTargetStage(input: $i) { stage } }', {
    i: { enterpriseId: firmId('script'), targetId: SEGMENT, sources: [SRC], stage: '在谈', since: '2025-01-10' },
  });
  await api('mutation($i: ProposalInput!) { proposeFact(input: $i) { id } }', {
    i: {
      node: { id: 'ent:hostile-proposed', properties: { name: STORED_NAMES.svgOnload, local: true } },
      sources: [SRC],
      quote: STORED_QUOTES.imgQuote,
      comment: STORED_NAMES.eventHandler,
    },
  });
  const doc = await api('mutation($d: DocumentInput!) { ingestDocument(document: $d) { job { id } } }', {
    d: {
      title: STORED_NAMES.template,
      text: hostileDocument(),
      url: 'https://example.org/doc',
      publishedOn: '2024-01-02',
    },
  });
  await jobDone(doc.ingestDocument.job.id);
  const header = ['企业名称', '统一社会信用代码', '省份', '城市', '区县', '企业地址', '经营范围'];
  // The stored names (they match the firms written above) and refused ones (skipped with their reason).
  const names = [...Object.values(STORED_NAMES), ...Object.values(REFUSED_NAMES).map((r) => r.value)];
  const rows = names.map((name, i) =>
    csvLine([
      name,
      uscc(i + 1),
      '吉林省',
      '长春市',
      '朝阳区',
      STORED_NAMES.imgOnerror,
      `光电子器件制造；卫星遥感${STORED_NAMES.script}`,
    ]),
  );
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({ query: 'mutation($f: File!) { importRegistry(file: $f) { id } }', variables: { f: null } }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new File([[csvLine(header), ...rows].join('\r\n')], 'hostile.csv', { type: 'text/csv' }));
  const response = await fetch(`${web.base}/graphql`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${TOKENS.editor}` },
  });
  const registry = (await response.json()) as { data: { importRegistry: { id: string } } };
  await jobDone(registry.data.importRegistry.id);
  return { documentJob: doc.ingestDocument.job.id, registryJob: registry.data.importRegistry.id };
}

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
    jobs = await loadHostileData();
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
