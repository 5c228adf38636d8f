// The registry through the HTTP app (app.fetch, no port): importRegistry uploads the dev file as a
// multipart File (editor only), the job reads it in a worker thread and writes; its report is paged on
// the job; a dry run writes nothing; undoImportJob removes what nobody confirmed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../seed/load/load.js';
import { sharedDir } from '../../seed/registry/eval.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { gql, TOKENS, testApp } from '../server/helpers.js';

const db = useTestDb();
const app = testApp(db.executor);
const devBytes = readFileSync(join(sharedDir(), 'corpus', 'registry', 'dev', 'registry-dev.csv'));

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
}, 120_000);

async function upload(dryRun: boolean, token: string = TOKENS.editor) {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: 'mutation($f: File!, $d: Boolean) { importRegistry(file: $f, dryRun: $d) { id kind status } }',
      variables: { f: null, d: dryRun },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new File([devBytes], 'registry-dev.csv', { type: 'text/csv' }));
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as { data: any; errors?: { extensions: { code: string } }[] };
}

async function finished(id: string) {
  for (let i = 0; i < 600; i++) {
    const r = await gql(
      app,
      'query($id: ID!) { importJob(id: $id) { status message counts { proposals } } }',
      { id },
      'editor',
    );
    if (['DONE', 'FAILED'].includes(r.data!.importJob.status)) return r.data!.importJob;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('the job did not finish');
}

const classifierRels = async () =>
  Number((await db.executor.query("MATCH ()-[r:IN_SEGMENT {method: 'classifier'}]->() RETURN count(r) AS n"))[0].n);

const REPORT = `query($id: ID!, $after: String) { importJob(id: $id) { report(first: 10, after: $after) {
  totalCount hasMore endCursor rows { row sheetRow name action enterpriseId district { id } placements { segmentId written score } problems } } } }`;

describe('importRegistry over GraphQL', () => {
  it('is for editors only', async () => {
    expect((await upload(false, TOKENS.analyst)).errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('a dry run keeps a report and writes nothing', async () => {
    const started = await upload(true);
    expect(started.errors).toBeUndefined();
    expect(started.data.importRegistry.kind).toBe('REGISTRY');
    expect((await finished(started.data.importRegistry.id)).status).toBe('DONE');
    expect(await classifierRels()).toBe(0);
    const r = await gql(app, REPORT, { id: started.data.importRegistry.id }, 'editor');
    expect(r.data!.importJob.report.totalCount).toBeGreaterThan(20);
  });

  it('writes, pages the report, and undoes', async () => {
    const started = await upload(false);
    const id = started.data.importRegistry.id;
    const job = await finished(id);
    expect(job.status).toBe('DONE');
    expect(job.counts.proposals).toBeGreaterThan(0);
    const placed = await classifierRels();
    expect(placed).toBeGreaterThan(0);
    const page1 = (await gql(app, REPORT, { id }, 'editor')).data!.importJob.report;
    expect(page1.rows.map((r: any) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(page1.hasMore).toBe(true);
    const page2 = (await gql(app, REPORT, { id, after: page1.endCursor }, 'editor')).data!.importJob.report;
    expect(page2.rows[0].row).toBe(11);
    const all = [...page1.rows, ...page2.rows];
    expect(all.some((r: any) => r.action === 'created')).toBe(true);
    expect(all.flatMap((r: any) => r.placements).some((p: any) => p.written === 'IN_SEGMENT')).toBe(true);

    const undo = await gql(
      app,
      'mutation($id: ID!) { undoImportJob(id: $id) { enterprises relationships proposals job { id } } }',
      { id },
      'editor',
    );
    expect(undo.errors).toBeUndefined();
    expect(undo.data!.undoImportJob.relationships).toBeGreaterThanOrEqual(placed);
    expect(undo.data!.undoImportJob.enterprises).toBeGreaterThan(20);
    expect(await classifierRels()).toBe(0);
    const [left] = await db.executor.query('MATCH (p:Proposal {jobId: $id}) RETURN count(p) AS n', { id });
    expect(left.n).toBe(0);
  }, 120_000);
});
