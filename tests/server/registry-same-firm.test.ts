// "Same firm?" through the HTTP app: an uploaded registry row whose name only nearly matches a graph
// firm is held, its proposal (both names, the reason) is in the review queue filtered to the job, and
// once an admin confirms it the next upload writes the row onto that firm.
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../seed/load/load.js';
import { usccCheckChar } from '../../seed/registry/uscc.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { gql, TOKENS, testApp } from './helpers.js';

const db = useTestDb();
const app = testApp(db.executor);
const code = (first17: string) => first17 + usccCheckChar(first17);
const chenxin = code('91220173MA17CHXN7');
const csv = [
  '企业名称,统一社会信用代码,登记状态,区县,企业地址,经营范围',
  `长春长光辰芯微电子股份有限公司,${chenxin},存续,长春新区,长春新区龙翔大街1号,集成电路设计`,
  `长春奥普光电技术股份有限公司,${code('91220101MA17AUPU7')},存续,长春经济技术开发区,长春经济技术开发区营口路588号,光学仪器制造`,
].join('\r\n');

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
}, 120_000);

async function importFile(): Promise<string> {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({ query: 'mutation($f: File!) { importRegistry(file: $f) { id } }', variables: { f: null } }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new File([csv], 'firms.csv', { type: 'text/csv' }));
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${TOKENS.editor}` },
  });
  const id = ((await response.json()) as any).data.importRegistry.id as string;
  for (let i = 0; i < 600; i++) {
    const r = await gql(app, 'query($id: ID!) { importJob(id: $id) { status message } }', { id }, 'editor');
    if (r.data!.importJob.status === 'DONE') return id;
    if (r.data!.importJob.status === 'FAILED') throw new Error(r.data!.importJob.message);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('the job did not finish');
}

const REPORT = `query($id: ID!) { importJob(id: $id) { report(first: 10) { rows { row action enterpriseId problems } } } }`;

describe('same firm? over GraphQL', () => {
  it('holds a near match for review and follows the confirmation', async () => {
    const job1 = await importFile();
    const rows = (await gql(app, REPORT, { id: job1 }, 'editor')).data!.importJob.report.rows;
    expect(rows[0]).toMatchObject({ action: 'skipped', enterpriseId: `ent:uscc-${chenxin.toLowerCase()}` });
    expect(rows[0].problems[0]).toMatch(/^same firm\? 长春长光辰芯微电子股份有限公司 may be 长光辰芯/);
    expect(rows[1]).toMatchObject({ action: 'updated', enterpriseId: 'ent:aupu' });

    const queue = await gql(
      app,
      'query($job: ID!) { proposalQueue(filter: {jobId: $job}) { nodes { id kind target rule quote comment } } }',
      { job: job1 },
      'admin',
    );
    const asked = queue.data!.proposalQueue.nodes.filter((p: any) => p.rule === 'same firm?');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      kind: 'NODE',
      target: 'ent:changguang-chenxin',
      quote: '长春长光辰芯微电子股份有限公司',
    });
    expect(asked[0].comment).toMatch(/长春长光辰芯微电子股份有限公司.*长光辰芯: the graph's short name/);

    const review = await gql(
      app,
      'mutation($ids: [ID!]) { reviewProposals(ids: $ids, decision: CONFIRM) { id error } }',
      { ids: [asked[0].id] },
      'admin',
    );
    expect(review.errors).toBeUndefined();
    expect(review.data!.reviewProposals[0].error).toBeNull();

    const job2 = await importFile();
    const again = (await gql(app, REPORT, { id: job2 }, 'editor')).data!.importJob.report.rows;
    expect(again[0]).toMatchObject({ enterpriseId: 'ent:changguang-chenxin', action: 'updated' });
  }, 120_000);
});
