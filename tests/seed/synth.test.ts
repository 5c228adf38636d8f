// The synthetic generator: deterministic for a seed, every gap status planted for leaves and parents,
// the manifest agreeing with what Cypher finds in the loaded graph, everything marked synthetic with
// an existing source, and `synth --remove` taking all of it away and nothing else.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphError } from '../../graph/errors.js';
import { DEFAULT_GAP_THRESHOLDS } from '../../graph/gap-thresholds.js';
import { PIPELINE_STAGES } from '../../graph/model.js';
import { countGraph } from '../../graph/stats.js';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../seed/load/load.js';
import { GAP_STATUSES } from '../../seed/synth/synth-gaps.js';
import { removeAllSynthetic, runSynth } from '../../seed/synth/synth-run.js';
import { generateSynth, type SynthManifest } from '../../seed/synth/synth.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();
const ENTERPRISES = 600;
const SEED = 42;
const thresholds = DEFAULT_GAP_THRESHOLDS;

describe('generateSynth (no database)', () => {
  it('is deterministic: the same seed gives the same data and manifest, another seed other data', () => {
    const a = generateSynth({ enterprises: ENTERPRISES, seed: SEED, thresholds });
    const b = generateSynth({ enterprises: ENTERPRISES, seed: SEED, thresholds });
    expect(b.manifest).toEqual(a.manifest);
    expect(b.graph.relationships.slice(0, 500)).toEqual(a.graph.relationships.slice(0, 500));
    const c = generateSynth({ enterprises: ENTERPRISES, seed: SEED + 1, thresholds });
    expect(c.graph.relationships.filter((r) => r.type === 'SUPPLIES').map((r) => r.from + r.to)).not.toEqual(
      a.graph.relationships.filter((r) => r.type === 'SUPPLIES').map((r) => r.from + r.to),
    );
  });

  it('plants every gap status among leaves and among parents', () => {
    const { manifest } = generateSynth({ enterprises: ENTERPRISES, seed: SEED, thresholds });
    for (const level of [1, 2]) {
      const statuses = new Set(manifest.segments.filter((s) => s.level === level).map((s) => s.expectedStatus));
      expect([...statuses].sort()).toEqual([...GAP_STATUSES].sort());
    }
    expect(manifest.chainIds).toHaveLength(4);
  });

  it('has about 30% outside firms and a long tail of supply edges', () => {
    const { graph } = generateSynth({ enterprises: 5000, seed: SEED, thresholds });
    const firms = graph.nodes.filter((n) => n.label === 'Enterprise');
    const outside = firms.filter((n) => n.props.local === false).length / firms.length;
    expect(outside).toBeGreaterThan(0.25);
    expect(outside).toBeLessThan(0.35);
    const degree = new Map<string, number>();
    for (const r of graph.relationships) if (r.type === 'SUPPLIES') degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    const sorted = [...degree.values()].sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)];
    expect(sorted.at(-1)!).toBeGreaterThan(20 * median);
  });

  it('refuses too few enterprises with a clear message', () => {
    expect(() => generateSynth({ enterprises: 20, seed: 1 })).toThrow(GraphError);
    expect(() => generateSynth({ enterprises: 20, seed: 1 })).toThrow(
      /--enterprises must be a whole number of at least 150/,
    );
  });
});

/** The gap rule of api-contract.md in plain Cypher, independent of the generator. */
async function gapsFromGraph(chainId: string) {
  return db.executor.query(
    `
    MATCH (c:Chain {id: $chainId})<-[:PART_OF*1..]-(s:Segment)
    CALL (s) {
      OPTIONAL MATCH (s)<-[:PART_OF*0..]-(:Segment)<-[:IN_SEGMENT]-(e:Enterprise)
      RETURN collect(DISTINCT e) AS firms
    }
    CALL (c, firms) {
      UNWIND firms AS x
      MATCH (x)-[r:SUPPLIES]->(y:Enterprise {local: true})
      WHERE EXISTS { (y)-[:IN_SEGMENT]->(:Segment)-[:PART_OF*1..]->(c) }
      RETURN count(r) AS edges, count(CASE WHEN x.local = false THEN r END) AS external
    }
    RETURN s.id AS id, size([f IN firms WHERE f.local = true]) AS local,
           CASE WHEN edges = 0 THEN 0.0 ELSE toFloat(external) / edges END AS share`,
    { chainId },
  );
}

function statusOf(local: number, share: number) {
  if (local === 0) return 'ABSENT';
  if (local === 1) return 'SINGLE_FIRM';
  if (local < thresholds.thinBelow) return 'THIN';
  return share >= thresholds.externalShare ? 'EXTERNALLY_DEPENDENT' : 'COVERED';
}

describe('synthetic data in the database', () => {
  let manifest: SynthManifest;
  let manifestPath: string;
  let shippedCounts: Awaited<ReturnType<typeof countGraph>>;

  beforeAll(async () => {
    await emptyDatabase(db.executor);
    await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
    shippedCounts = await countGraph(db.executor);
    const report = await runSynth(db.executor, {
      enterprises: ENTERPRISES,
      seed: SEED,
      manifestPath: join(mkdtempSync(join(tmpdir(), 'synth-')), 'manifest.json'),
    });
    manifest = report.manifest;
    manifestPath = report.manifestPath;
  });

  it('writes the manifest it returns', () => {
    expect(JSON.parse(readFileSync(manifestPath, 'utf8'))).toEqual(manifest);
  });

  it('agrees with the manifest on every segment: status, local firms and external share', async () => {
    const expected = new Map(manifest.segments.map((s) => [s.id, s]));
    let checked = 0;
    for (const chainId of manifest.chainIds) {
      for (const row of await gapsFromGraph(chainId)) {
        const planted = expected.get(String(row.id))!;
        expect({ id: row.id, local: row.local, status: statusOf(Number(row.local), Number(row.share)) }).toEqual({
          id: planted.id,
          local: planted.localEnterprises,
          status: planted.expectedStatus,
        });
        expect(Number(row.share)).toBeCloseTo(planted.externalSupplyShare, 3);
        checked++;
      }
    }
    expect(checked).toBe(manifest.segments.length);
  });

  it('holds the totals of the manifest, everything synthetic and cited', async () => {
    const [row] = await db.executor.query(`
      CALL () { MATCH (n) WHERE n.synthetic = true RETURN count(n) AS nodes }
      CALL () { MATCH ()-[r]->() WHERE r.synthetic = true RETURN count(r) AS rels }
      CALL () { MATCH (n) WHERE n.synthetic = true AND NOT n:Source AND NOT EXISTS { MATCH (s:Source {synthetic: true}) WHERE s.id IN n.sources } RETURN count(n) AS uncited }
      RETURN nodes, rels, uncited`);
    expect(row).toEqual({ nodes: manifest.totals.nodes, rels: manifest.totals.relationships, uncited: 0 });
    const [mixed] = await db.executor.query(
      'MATCH (a)-[r]->(b) WHERE r.synthetic = true AND (a.synthetic IS NULL OR b.synthetic IS NULL) RETURN count(r) AS n',
    );
    expect(mixed.n).toBe(0);
  });

  it('puts targets in the pipeline with their stage and date', async () => {
    const rows = await db.executor.query(
      'MATCH (e:Enterprise {synthetic: true})-[t:TARGET_FOR]->() RETURN e.local AS local, t.stage AS stage, valueType(t.stageSince) AS since',
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(PIPELINE_STAGES).toContain(r.stage);
      expect(r).toMatchObject({ local: false, since: 'DATE NOT NULL' });
    }
  });

  it('replaces itself when loaded again and is removed completely, leaving the real data as it was', async () => {
    const loaded = await countGraph(db.executor);
    await runSynth(db.executor, { enterprises: ENTERPRISES, seed: SEED, manifestPath });
    expect(await countGraph(db.executor)).toEqual(loaded);
    await removeAllSynthetic(db.executor);
    expect(await countGraph(db.executor)).toEqual(shippedCounts);
  });
});
