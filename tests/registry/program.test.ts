// A registry imported for ANOTHER program (made here in the graph beside the shipped Changchun data)
// places its firms on that program's segments only and resolves districts within that program's region.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/audit-log.js';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../seed/load/load.js';
import { runRegistry } from '../../seed/registry/cli-registry.js';
import { usccCheckChar } from '../../seed/registry/uscc.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();
const dir = mkdtempSync(join(tmpdir(), 'registry-program-'));
const code = (n: number) => {
  const first17 = `915105${String(n).padStart(11, '0')}`;
  return first17 + usccCheckChar(first17);
};
const header = '企业名称,统一社会信用代码,登记状态,省份,城市,区县,企业地址,国标行业,经营范围';
const rows = [
  // 江阳区 has no node of its own: the region itself
  `泸州测试汽车配件有限公司,${code(1)},存续,四川省,泸州市,江阳区,四川省泸州市江阳区酒城大道1号,,汽车零部件及配件制造；汽车零配件零售`,
  // a zone the graph holds, named in the address
  `泸州测试酒业有限公司,${code(2)},存续,四川省,泸州市,,四川省泸州市泸州高新区酒谷大道2号,,白酒酿造；酒类销售`,
  // a Changchun firm that Changchun's lexicon places confidently: outside this region, and never on Changchun's segments
  `长春测试汽车零部件有限公司,${code(3)},存续,吉林省,长春市,朝阳区,吉林省长春市朝阳区西民主大街1号,C3670 汽车零部件及配件制造,汽车零部件及配件制造`,
];

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
  await db.executor.mutate(
    `MERGE (src:Source {id: 'source:test-luzhou'}) SET src.name = 'test program', src.kind = 'dataset'
     CREATE (city:District {id: 'district:test-luzhou', name: '泸州市', aliases: ['泸州'], kind: 'city', sources: [src.id]})
     CREATE (zone:District {id: 'district:test-luzhou-hitech', name: '泸州高新技术产业开发区', aliases: ['泸州高新区'], kind: 'zone', sources: [src.id]})
     CREATE (zone)-[:WITHIN {sources: [src.id]}]->(city)
     CREATE (p:Program {id: 'program:test-luzhou', name: '泸州测试链长制', region: city.id, sources: [src.id]})
     CREATE (auto:Chain {id: 'chain:test-luzhou-auto', name: '汽车', sources: [src.id]})-[:PART_OF]->(p)
     CREATE (liquor:Chain {id: 'chain:test-luzhou-liquor', name: '白酒', sources: [src.id]})-[:PART_OF]->(p)
     CREATE (:Segment {id: 'segment:test-luzhou-parts', name: '汽车零部件', aliases: [], sources: [src.id]})-[:PART_OF]->(auto)
     CREATE (:Segment {id: 'segment:test-luzhou-brewing', name: '白酒酿造', aliases: ['酿酒'], sources: [src.id]})-[:PART_OF]->(liquor)`,
  );
  writeFileSync(join(dir, 'luzhou.csv'), `${header}\n${rows.join('\n')}\n`);
}, 120_000);

describe('registry import for another program', () => {
  it("places on that program's segments and within that program's region only", async () => {
    const report = await runRegistry(join(dir, 'luzhou.csv'), {
      log: () => {},
      executor: db.executor,
      programId: 'program:test-luzhou',
      write: {
        confidence: { high: 0.85, medium: 0.6 },
        audit: { log: new AuditLog(join(dir, 'audit.jsonl')), actor: { role: 'cli', fingerprint: 'test' } },
      },
    });
    const seg = (row: number) => report[row - 1].placements.map((p) => p.segmentId);
    expect(seg(1)).toEqual(['segment:test-luzhou-parts']);
    expect(seg(2)).toEqual(['segment:test-luzhou-brewing']);
    expect(seg(3)).toEqual(['segment:test-luzhou-parts']);
    expect(report.map((r) => r.district?.id ?? null)).toEqual([
      'district:test-luzhou',
      'district:test-luzhou-hitech',
      null,
    ]);
    expect(report[2].problems.join(' ')).toMatch(/outside the region/);

    // In the graph: every placement and proposal of the job is on the new program's segments.
    const [landed] = await db.executor.query(
      `MATCH (j:ImportJob {kind: 'REGISTRY'}) WITH j.id AS job
       OPTIONAL MATCH (:Enterprise)-[r:IN_SEGMENT {jobId: job}]->(s:Segment)
       WITH job, collect(s.id) AS placed
       OPTIONAL MATCH (q:Proposal {jobId: job})
       RETURN placed, collect(q.ends[1]) AS proposed, collect(q.programId) AS programs`,
    );
    const onSegments = [...(landed.placed as string[]), ...(landed.proposed as string[])];
    expect(onSegments.length).toBe(3);
    expect(onSegments.every((s) => s.startsWith('segment:test-luzhou-'))).toBe(true);
    expect(new Set(landed.programs as string[])).toEqual(new Set(['program:test-luzhou']));
    const [changchun] = await db.executor.query(
      `MATCH (e:Enterprise)-[r:IN_SEGMENT]->(:Segment)-[:PART_OF*1..8]->(:Chain)-[:PART_OF]->(:Program {id: 'program:cc-10plus3'})
       WHERE e.name STARTS WITH '泸州测试' OR e.name STARTS WITH '长春测试' RETURN count(r) AS n`,
    );
    expect(changchun.n).toBe(0);
    const [located] = await db.executor.query(
      `MATCH (e:Enterprise)-[:LOCATED_IN]->(d:District) WHERE e.name STARTS WITH '泸州测试' OR e.name STARTS WITH '长春测试'
       RETURN collect(e.name + '@' + d.id) AS at`,
    );
    expect([...(located.at as string[])].sort()).toEqual([
      '泸州测试汽车配件有限公司@district:test-luzhou',
      '泸州测试酒业有限公司@district:test-luzhou-hitech',
    ]);
  }, 120_000);

  it('refuses a program that does not exist, naming it', async () => {
    await expect(
      runRegistry(join(dir, 'luzhou.csv'), { log: () => {}, executor: db.executor, programId: 'program:nowhere' }),
    ).rejects.toThrow(/program:nowhere/);
  });
});
