// The derived meaning of local on the shipped Changchun data: every firm's stored `local` is what the
// rule (LOCATED_IN a district WITHIN the program's region, proposed/rejected locations excluded) gives,
// after the sourced locations of 2026-12-04 (中国一汽, 一汽奔腾, 一汽奥迪, 一汽马自达, 长光华大). And a firm
// imported for another program's region (合肥) is local to that program, never to Changchun's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGaps } from '../../graph/analysis/gaps.js';
import { localMismatches, localScopeOfProgram } from '../../graph/analysis/local-rule.js';
import { recommendTargets } from '../../graph/analysis/recommend.js';
import { fetchRelation } from '../../graph/queries/relations.js';
import { validateAndLoad } from '../../seed/load/load.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor);
}, 180_000);

describe('derived local on the Changchun data', () => {
  it('agrees with the stored local for every firm', async () => {
    const mismatches = await db.executor.read((tx) => localMismatches(tx, 'program:cc-10plus3'));
    expect(mismatches).toEqual([]);
  });
});

// What a document or registry import for 合肥 writes: its program with its region, a chain and segment,
// and a firm located in a 合肥 zone, stored `local: true` (the registry marks firms of the import's region)
// and working in both programs' vehicle segments.
const HEFEI = `
CREATE (s:Source {id: 'source:test-hefei', name: '合肥测试来源', kind: 'dataset'})
CREATE (city:District {id: 'district:test-hefei', name: '合肥市', kind: 'city', sources: [s.id], confidence: 'high', status: 'confirmed'})
CREATE (zone:District {id: 'district:test-hefei-econ', name: '合肥经开区', kind: 'zone', sources: [s.id], confidence: 'high', status: 'confirmed'})
CREATE (zone)-[:WITHIN {sources: [s.id], confidence: 'high', status: 'confirmed'}]->(city)
CREATE (p:Program {id: 'program:test-hefei', name: '合肥产业链链长制', region: city.id, sources: [s.id], confidence: 'high', status: 'confirmed'})
CREATE (c:Chain {id: 'chain:test-hefei-nev', name: '新能源汽车', kind: 'key', identified: true, sources: [s.id], confidence: 'high', status: 'confirmed'})
CREATE (c)-[:PART_OF {sources: [s.id], confidence: 'high', status: 'confirmed'}]->(p)
CREATE (g:Segment {id: 'segment:test-hefei-vehicles', name: '整车', level: 1, sources: [s.id], confidence: 'high', status: 'confirmed'})
CREATE (g)-[:PART_OF {sources: [s.id], confidence: 'high', status: 'confirmed'}]->(c)
CREATE (e:Enterprise {id: 'ent:test-hefei-maker', name: '合肥测试整车', local: true, sources: [s.id], confidence: 'high', status: 'unverified'})
CREATE (e)-[:LOCATED_IN {sources: [s.id], confidence: 'high', status: 'unverified'}]->(zone)
CREATE (e)-[:IN_SEGMENT {role: 'member', sources: [s.id], confidence: 'high', status: 'unverified'}]->(g)
WITH e, s
MATCH (cc:Segment {id: 'segment:nev-vehicles'})
CREATE (e)-[:IN_SEGMENT {role: 'member', sources: [s.id], confidence: 'low', status: 'unverified'}]->(cc)`;

describe('a firm imported for another program', () => {
  const firm = 'ent:test-hefei-maker';
  const vehicles = async (chainId: string, segmentId: string) =>
    (await findGaps(db.executor, chainId)).find((g) => g.segmentId === segmentId)!;
  const localCount = (chainId: string) =>
    db.executor.read((tx) => fetchRelation(tx, 'Chain.localEnterpriseCount', [chainId], {}, { canSeeTargets: true }));
  let before: { local: number; all: number };

  beforeAll(async () => {
    const g = await vehicles('chain:nev', 'segment:nev-vehicles');
    before = { local: g.localEnterprises, all: (await localCount('chain:nev'))[0].value as number };
    await db.executor.mutate(HEFEI);
  }, 60_000);
  afterAll(async () => {
    await db.executor.mutate(
      "MATCH (n) WHERE n.id STARTS WITH 'ent:test-hefei' OR n.id ENDS WITH 'test-hefei' OR n.id STARTS WITH 'district:test-hefei' OR n.id STARTS WITH 'chain:test-hefei' OR n.id STARTS WITH 'segment:test-hefei' DETACH DELETE n",
    );
  });

  it('is local to 合肥 and an outside firm for Changchun, whatever its stored flag', async () => {
    expect(
      (await db.executor.read((tx) => localScopeOfProgram(tx, 'program:test-hefei'))).localDistricts.sort(),
    ).toEqual(['district:test-hefei', 'district:test-hefei-econ']);
    const hefei = await vehicles('chain:test-hefei-nev', 'segment:test-hefei-vehicles');
    expect(hefei.localEnterprises).toBe(1);
    expect(hefei.status).toBe('SINGLE_FIRM');
    expect((await localCount('chain:test-hefei-nev'))[0].value).toBe(1);

    const changchun = await vehicles('chain:nev', 'segment:nev-vehicles');
    expect(changchun.localEnterprises).toBe(before.local);
    expect((await localCount('chain:nev'))[0].value).toBe(before.all);
    // an outside firm already working in the segment is a candidate for Changchun, not for 合肥
    const ccRecs = await recommendTargets(db.executor, 'segment:nev-vehicles', { first: 100 });
    expect(ccRecs.map((r) => r.enterprise.id)).toContain(firm);
    const hfRecs = await recommendTargets(db.executor, 'segment:test-hefei-vehicles', { first: 100 });
    expect(hfRecs.map((r) => r.enterprise.id)).not.toContain(firm);
    // the API field Enterprise.local(programId) reads the same rule
    const localTo = async (programId: string) =>
      (
        await db.executor.read((tx) =>
          fetchRelation(tx, 'Enterprise.local', [firm], { programId }, { canSeeTargets: false }),
        )
      )[0].value;
    expect(await localTo('program:test-hefei')).toBe(1);
    expect(await localTo('program:cc-10plus3')).toBe(0);
  });
});
