// The briefing as DOCX on the shipped Changchun data, through the API and its one-time download URL:
// every [n] has an endnote whose quote is the stored quote of that source; the holder shown on a date
// is the one responsibility(at) gives; targets appear for analysts only; the URL works once; A4 layout.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../graph/model-rules.js';
import { validateAndLoad } from '../../seed/load/load.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { gql, type TestRole, testApp } from '../server/helpers.js';
import { docxParagraphs, matchesStored, splitNotes, storedCitations } from './read-documents.js';

const db = useTestDb();
const app = testApp(db.executor);
let stored: Set<string>;

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor);
  stored = await storedCitations(db.executor);
}, 180_000);

const BRIEFING = `mutation($scope: BriefingScopeInput!, $asOf: Date, $since: Date, $lang: BriefingLang, $format: BriefingFormat!) {
  briefing(scope: $scope, asOf: $asOf, since: $since, lang: $lang, format: $format) { url fileName format bytes expiresAt }
}`;

async function exportDocx(vars: Record<string, unknown>, role: TestRole = 'public') {
  const r = await gql(app, BRIEFING, { format: 'DOCX', ...vars }, role);
  expect(r.errors).toBeUndefined();
  const response = await app.fetch(`http://test${r.data!.briefing.url}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('wordprocessingml');
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bytes, url: r.data!.briefing.url as string, paragraphs: await docxParagraphs(bytes) };
}

describe('briefing DOCX', () => {
  it('cites every fact sentence with an endnote whose quote is the stored quote', async () => {
    const { paragraphs } = await exportDocx({ scope: { kind: 'CHAIN', id: 'chain:opto' } });
    expect(paragraphs[0]).toBe('关于光电信息的工作简报');
    const { used, notes } = splitNotes(paragraphs, '注释');
    expect(used.size).toBeGreaterThan(10);
    const numbers = new Set(notes.map((n) => n.n));
    for (const n of used) expect(numbers, `[${n}] has an endnote`).toContain(n);
    const unmatched = notes.filter((note) => !matchesStored(note, stored, '（该来源未存摘录）'));
    expect(unmatched).toEqual([]);
    // sentences that state a post or a goal carry their notes
    expect(paragraphs.find((p) => p.startsWith('链长：'))).toMatch(/\[\d+\]/);
  });

  it('shows the holder responsibility(at) gives on that date, and says when no source dates one', async () => {
    const at = '2024-04-17';
    const r = await gql(
      app,
      `{ responsibility(id: "chain:opto", at: "${at}") { relation leader { id } holders { person { name } } } }`,
    );
    const coordinator = r.data!.responsibility.find((p: { relation: string }) => p.relation === 'COORDINATES');
    const names = coordinator.holders.map((h: { person: { name: string } }) => h.person.name);
    expect(names.length).toBeGreaterThan(0);
    const { paragraphs } = await exportDocx({ scope: { kind: 'CHAIN', id: 'chain:opto' }, asOf: at });
    const para = paragraphs.find((p) => p.startsWith('统筹：'))!;
    expect(para).toContain(`${at}在任：${names.join('、')}。`);
    const owner = paragraphs.find((p) => p.startsWith('链长：'))!;
    expect(owner).toContain(`无来源显示${at}的在任者（未知）`);
  });

  it('lists investment targets by stage for analysts only', async () => {
    const [row] = await db.executor.query(
      `MATCH (e:Enterprise)-[:TARGET_FOR]->(:Segment)-[:PART_OF*1..8]->(:Chain {id: 'chain:biomed'}) RETURN e.name AS name LIMIT 1`,
    );
    const firm = String(row.name);
    const scope = { kind: 'CHAIN', id: 'chain:biomed' };
    const analyst = (await exportDocx({ scope }, 'analyst')).paragraphs;
    expect(analyst.some((p) => p.includes('招商目标'))).toBe(true);
    expect(analyst.some((p) => p.includes(firm) && /\[\d+\]/.test(p))).toBe(true);
    const pub = (await exportDocx({ scope })).paragraphs;
    expect(pub.some((p) => p.includes('招商目标'))).toBe(false);
    expect(pub.some((p) => p.includes(firm))).toBe(false);
  });

  it('is A4 with the official margins and a "— n —" footer; the URL works once', async () => {
    const { bytes, url } = await exportDocx({
      scope: { kind: 'CHAIN', id: 'chain:opto' },
      lang: 'EN',
      since: '2024-01-01',
    });
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar [^>]*>/.exec(xml)![0];
    for (const m of ['w:top="2098"', 'w:bottom="1984"', 'w:left="1587"', 'w:right="1474"'])
      expect(margins).toContain(m);
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('方正小标宋简体');
    const footer = Object.keys(zip.files).find((f) => /word\/footer\d*\.xml/.test(f))!;
    const footerXml = await zip.file(footer)!.async('string');
    expect(footerXml).toContain('— ');
    expect(footerXml).toContain('PAGE');
    expect(Object.keys(zip.files).some((f) => f.endsWith('.svg'))).toBe(true);
    expect(Object.keys(zip.files).some((f) => f.endsWith('.png'))).toBe(true);
    const text = (await docxParagraphs(bytes)).join('\n');
    expect(text).toContain('Briefing on 光电信息');
    expect((await app.fetch(`http://test${url}`)).status).toBe(404);
  });

  it('lists a fact written today under changes since today, and not in a period that ends before it', async () => {
    const firm = 'ent:briefing-change-test';
    const upsert = await gql(
      app,
      `mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }`,
      { input: { id: firm, name: '简报变更测试光电公司', local: true, sources: ['source:s1'], confidence: 'HIGH' } },
      'editor',
    );
    expect(upsert.errors).toBeUndefined();
    const link = await gql(
      app,
      `mutation($input: SegmentLinkInput!) { linkEnterpriseToSegment(input: $input) { id } }`,
      { input: { enterpriseId: firm, segmentId: 'segment:opto-ic', role: 'MEMBER', sources: ['source:s1'] } },
      'editor',
    );
    expect(link.errors).toBeUndefined();
    const today = shanghaiToday();
    const scope = { kind: 'CHAIN', id: 'chain:opto' };
    const now = (await exportDocx({ scope, since: today })).paragraphs.join('\n');
    expect(now).toContain(`${today}：新增企业所属环节“简报变更测试光电公司 → `);
    const yesterday = shanghaiToday(new Date(Date.now() - 86_400_000));
    const before = (await exportDocx({ scope, since: '2024-01-01', asOf: yesterday })).paragraphs.join('\n');
    expect(before).not.toContain('简报变更测试光电公司');
    expect(before).toContain(`2024-01-01至${yesterday}期间，图谱在此范围内没有新增、确认、修改或撤销的事实。`);
  });

  it('briefs a leader post over the chains it sponsors, and refuses an unknown scope', async () => {
    const { paragraphs } = await exportDocx({ scope: { kind: 'LEADER', id: 'leader:cc-npc-principal' } });
    expect(paragraphs[0]).toBe('关于市人大主要领导的工作简报');
    expect(paragraphs.some((p) => p.startsWith('包保领导：市人大主要领导（光电信息）。['))).toBe(true);
    const r = await gql(app, BRIEFING, { format: 'DOCX', scope: { kind: 'CHAIN', id: 'chain:nope' } });
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
