// What the hostile-data API tests share (tests/reliability/hostile-data*.test.ts): the app on the test
// database with the Changchun data and one Source, a tally of cases tried and failed per input path
// (printed and written to test-artifacts/hostile-data-<file>.json), and small request helpers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../../seed/load/load.js';
import { usccCheckChar } from '../../../seed/registry/uscc.js';
import { emptyDatabase, useTestDb } from '../../helpers/neo4j.js';
import { gql, testApp } from '../../server/helpers.js';

export const SRC = 'source:hostile-data';
export const UPSERT = 'mutation($i: EnterpriseInput!) { upsertEnterprise(input: $i) { id name aliases } }';
export const READ = 'query($id: ID!) { node(id: $id) { ... on Enterprise { name aliases citations { quote } } } }';

export const firm = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  local: true,
  sources: [SRC],
  confidence: 'LOW',
  ...extra,
});
export const slug = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '-');
export const code = (e?: { extensions?: { code?: string } }[]) => e?.[0]?.extensions?.code;
/** One RFC 4180 line: every cell quoted. */
export const csvLine = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

/** A valid 统一社会信用代码 for row `n` (registry rows need one to be written). */
export function uscc(n: number): string {
  const first17 = `91220101${String(100000000 + n).slice(-9)}`;
  return first17 + usccCheckChar(first17);
}

export function useHostileApi(file: string) {
  const db = useTestDb();
  const app = testApp(db.executor);
  const tally = new Map<string, { tried: number; failed: number }>();

  beforeAll(async () => {
    await emptyDatabase(db.executor);
    await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
    const made = await gql(
      app,
      'mutation($i: SourceInput!) { upsertSource(input: $i) { id } }',
      { i: { id: SRC, name: '恶意数据测试来源', url: 'https://example.org/hostile', kind: 'news' } },
      'editor',
    );
    expect(made.errors).toBeUndefined();
  }, 180_000);

  afterAll(() => {
    const rows = [...tally].map(([path, t]) => ({ path, ...t }));
    console.log(`hostile data cases (${file})`, JSON.stringify(rows));
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(`test-artifacts/hostile-data-${file}.json`, `${JSON.stringify(rows, null, 1)}\n`);
  });

  return {
    db,
    app,
    /** Counts a case of `path` and whether its expectations held (a failed expect throws, counted as failed). */
    async trial(path: string, run: () => Promise<void>): Promise<void> {
      const t = tally.get(path) ?? { tried: 0, failed: 0 };
      tally.set(path, t);
      t.tried++;
      try {
        await run();
      } catch (error) {
        t.failed++;
        throw error;
      }
    },
    /** Polls an import job until it is DONE or FAILED. */
    async finished(id: string) {
      for (let i = 0; i < 1200; i++) {
        const r = await gql(
          app,
          'query($id: ID!) { importJob(id: $id) { status message sourceId } }',
          { id },
          'editor',
        );
        if (['DONE', 'FAILED'].includes(r.data!.importJob.status)) return r.data!.importJob;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      throw new Error('the job did not finish');
    },
  };
}
