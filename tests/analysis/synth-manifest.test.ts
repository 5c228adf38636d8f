// On generated data with planted gaps of every status (`npm run seed -- synth`), gaps() finds every
// planted gap with its status and reports none that was not planted: precision and recall 1.0 against
// the generator's manifest file (the analysis code knows nothing of the generator). Recommendations
// on the same data: every reason's path exists in the database.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findGaps } from '../../graph/analysis/gaps.js';
import { recommendTargets } from '../../graph/analysis/recommend.js';
import { runSynth } from '../../seed/synth/synth-run.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { gql, testApp } from '../server/helpers.js';
import { assertSliceExists } from './slice-exists.js';

interface ManifestSegment {
  id: string;
  chainId: string;
  parentId: string | null;
  expectedStatus: string;
  localEnterprises: number;
  externalSupplyShare: number;
  externalSuppliers: number;
}
interface Manifest {
  chainIds: string[];
  thresholds: { thinBelow: number; externalShare: number };
  segments: ManifestSegment[];
}

const db = useTestDb();
let manifest: Manifest;

beforeAll(async () => {
  await emptyDatabase(db.executor);
  const manifestPath = join(mkdtempSync(join(tmpdir(), 'kg-synth-')), 'manifest.json');
  await runSynth(db.executor, { enterprises: 1500, seed: 11, manifestPath });
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
}, 300_000);

describe('gaps on synthetic data with planted gaps', () => {
  it('plants every status, at both levels', () => {
    const statuses = new Set(manifest.segments.map((s) => `${s.parentId ? 2 : 1}:${s.expectedStatus}`));
    for (const status of ['ABSENT', 'SINGLE_FIRM', 'THIN', 'EXTERNALLY_DEPENDENT', 'COVERED']) {
      expect(statuses.has(`1:${status}`) || statuses.has(`2:${status}`), status).toBe(true);
    }
  });

  it('finds every planted gap with its status and no other (precision and recall 1.0)', async () => {
    const found = new Set<string>();
    for (const chainId of manifest.chainIds) {
      for (const g of await findGaps(db.executor, chainId, { thresholds: manifest.thresholds, evidence: false })) {
        if (g.status !== 'COVERED') found.add(`${g.segmentId}|${g.status}`);
      }
    }
    const planted = new Set(
      manifest.segments.filter((s) => s.expectedStatus !== 'COVERED').map((s) => `${s.id}|${s.expectedStatus}`),
    );
    const truePositives = [...found].filter((f) => planted.has(f)).length;
    const precision = found.size ? truePositives / found.size : 1;
    const recall = planted.size ? truePositives / planted.size : 1;
    expect({
      precision,
      recall,
      missed: [...planted].filter((p) => !found.has(p)),
      extra: [...found].filter((f) => !planted.has(f)),
    }).toEqual({ precision: 1, recall: 1, missed: [], extra: [] });
    expect(planted.size).toBeGreaterThan(20);
  });

  it('agrees with the manifest on the counts behind each verdict', async () => {
    const chainId = manifest.chainIds[0];
    const byId = new Map(
      (await findGaps(db.executor, chainId, { thresholds: manifest.thresholds, evidence: false })).map((g) => [
        g.segmentId,
        g,
      ]),
    );
    for (const s of manifest.segments.filter((x) => x.chainId === chainId)) {
      const g = byId.get(s.id)!;
      expect({
        id: s.id,
        parentId: g.parentId,
        local: g.localEnterprises,
        ext: g.externalSuppliers,
        share: Math.round((g.externalSupplyShare ?? 0) * 10_000) / 10_000,
      }).toEqual({
        id: s.id,
        parentId: s.parentId,
        local: s.localEnterprises,
        ext: s.externalSuppliers,
        share: s.externalSupplyShare,
      });
    }
  });

  it('gives the same verdicts over GraphQL (the analysis in one transaction, after the position check)', async () => {
    const app = testApp(db.executor, {
      KG_GAP_THIN_BELOW: String(manifest.thresholds.thinBelow),
      KG_GAP_EXTERNAL_SHARE: String(manifest.thresholds.externalShare),
    });
    const chainId = manifest.chainIds[1];
    const r = await gql(
      app,
      `query($c: ID!) { gaps(chainId: $c) { segment { id } status evidence { nodes { id } } } }`,
      { c: chainId },
    );
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.transactions).toBe(2);
    const expected = Object.fromEntries(
      manifest.segments.filter((s) => s.chainId === chainId).map((s) => [s.id, s.expectedStatus]),
    );
    expect(Object.fromEntries(r.data!.gaps.map((g: any) => [g.segment.id, g.status]))).toEqual(expected);
  });

  it('recommends targets for every kind of gap with reasons whose paths exist', async () => {
    const chainId = manifest.chainIds[0];
    const gapSegments = manifest.segments.filter((s) => s.chainId === chainId && s.expectedStatus !== 'COVERED');
    let reasons = 0;
    for (const status of ['ABSENT', 'SINGLE_FIRM', 'THIN', 'EXTERNALLY_DEPENDENT']) {
      const segment = gapSegments.find((s) => s.expectedStatus === status);
      if (!segment) continue;
      for (const rec of await recommendTargets(db.executor, segment.id, { first: 5 })) {
        expect(rec.enterprise.local).toBe(false);
        for (const reason of rec.reasons) {
          await assertSliceExists(db.executor, reason.path);
          reasons++;
        }
      }
    }
    expect(reasons).toBeGreaterThan(10);
  }, 120_000);
});
