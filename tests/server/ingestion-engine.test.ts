// The whole path with the real extraction engine (seed/extract): the Luzhou dev article through
// ingestDocument, read in the worker thread, filed as proposals of a new program.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { gql, testApp } from './helpers.js';
import { sharedDir } from './ingestion-gold.js';

const db = useTestDb();
const app = testApp(db.executor);

describe('ingestDocument with the extraction engine', () => {
  beforeAll(async () => {
    await emptyDatabase(db.executor);
    await loadApiFixture(db.executor);
  });

  it('files the Luzhou article as proposals of a new program, none attached to the shipped one', async () => {
    const text = readFileSync(join(sharedDir(), 'corpus/documents/dev/02-luzhou-ecochain-adjustment.txt'), 'utf8');
    const started = await gql(
      app,
      `mutation($d: DocumentInput!) { ingestDocument(document: $d) { alreadyIngested job { id status } } }`,
      { d: { title: '泸州重点工业产业生态链扩至10条', text, publishedOn: '2025-02-08' } },
      'editor',
    );
    expect(started.errors).toBeUndefined();
    const id = started.data!.ingestDocument.job.id;
    let job: any;
    for (let i = 0; i < 120; i++) {
      job = (
        await gql(app, 'query($id: ID!) { importJob(id: $id) { status message sourceId programId } }', { id }, 'editor')
      ).data!.importJob;
      if (job.status === 'DONE' || job.status === 'FAILED') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(job).toMatchObject({ status: 'DONE' });
    const queue = await gql(
      app,
      'query($f: ProposalFilter) { proposalQueue(filter: $f, first: 500) { totalCount nodes { target quote start end programId fact } } }',
      { f: { jobId: id } },
      'editor',
    );
    const nodes = queue.data!.proposalQueue.nodes as any[];
    const [source] = await db.executor.query('MATCH (s:Source {id: $id}) RETURN s.text AS text', { id: job.sourceId });
    expect(nodes.every((p) => String(source.text).slice(p.start, p.end) === p.quote)).toBe(true);
    expect(nodes.filter((p) => p.target.startsWith('chain:')).length).toBeGreaterThanOrEqual(10);
    expect(nodes.some((p) => p.target.startsWith('program:') && p.target !== F.program)).toBe(true);
    const shipped = [F.program, F.opto, F.biomed, F.guarantee, F.party, F.npc, F.cppcc];
    expect(nodes.filter((p) => shipped.some((s) => p.target.includes(s)))).toEqual([]);
  }, 120_000);
});
