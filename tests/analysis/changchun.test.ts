// The analyses on the shipped Changchun data are honest: a segment is ABSENT exactly when no local
// firm is recorded in it or below it (checked by an independent query), and says so as a statement
// about the records; goals show the sourced observations (光电 750亿 in 2023 and 900.2亿 in 2024 against
// 1000亿) with their citations; every recommendation reason's path exists.
import { beforeAll, describe, expect, it } from 'vitest';
import { findGaps } from '../../graph/analysis/gaps.js';
import { recommendTargets } from '../../graph/analysis/recommend.js';
import { validateAndLoad } from '../../seed/load/load.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { gql, testApp } from '../server/helpers.js';
import { assertSliceExists } from './slice-exists.js';

const db = useTestDb();
const app = testApp(db.executor);
const HEADLINE = ['chain:nev', 'chain:opto', 'chain:biomed'];

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor);
}, 180_000);

describe('gaps on the Changchun data', () => {
  it('is ABSENT exactly where no local firm is recorded, and says it is about the records', async () => {
    let absent = 0;
    for (const chainId of HEADLINE) {
      for (const gap of await findGaps(db.executor, chainId)) {
        const [row] = await db.executor.query(
          `MATCH (s:Segment {id: $id})
           RETURN COUNT { MATCH (e:Enterprise {local: true})-[m:IN_SEGMENT]->(:Segment)-[:PART_OF*0..8]->(s)
                          WHERE e.status IN ['confirmed', 'unverified'] AND m.status IN ['confirmed', 'unverified'] RETURN DISTINCT e } AS locals`,
          { id: gap.segmentId },
        );
        expect(gap.localEnterprises, gap.segmentId).toBe(row.locals);
        expect(gap.status === 'ABSENT', gap.segmentId).toBe(row.locals === 0);
        if (gap.status === 'ABSENT') {
          absent++;
          expect(gap.explanation).toMatch(/没有记录.*并非对现实产业的判断/);
          expect(gap.explanationEn).toMatch(
            /No local firm is recorded in the graph.*not a finding about the real economy/,
          );
        } else {
          expect(gap.explanation).toContain('记录中');
        }
      }
    }
    expect(absent).toBeGreaterThan(0);
  });
});

describe('goals on the Changchun data', () => {
  it('shows 光电 output 750亿 (2023) and 900.2亿 (2024) against 1000亿, with their citations', async () => {
    const r = await gql(
      app,
      `{ goals(chainId: "chain:opto") { goal { id code } targetValue unit basis progress met
      latest { value asOf } observations { value asOf citations { source { id } quote } } responsible { relation } } }`,
    );
    expect(r.errors).toBeUndefined();
    const output = r.data!.goals.find((g: any) => g.goal.code === '11225#1');
    expect(output).toMatchObject({
      targetValue: 1e11,
      unit: '亿元',
      basis: 'SOURCED',
      met: false,
      latest: { value: 9.002e10, asOf: '2024-12-31' },
    });
    expect(output.progress).toBeCloseTo(0.9002);
    expect(output.observations.map((o: any) => [o.value, o.asOf])).toEqual([
      [9.002e10, '2024-12-31'],
      [7.5e10, '2023-12-31'],
    ]);
    expect(output.observations[0].citations.map((c: any) => c.source.id)).toEqual(['source:s48']);
    expect(output.observations[1].citations.map((c: any) => c.source.id)).toEqual(['source:s6']);
    expect(output.observations[1].citations[0].quote).toContain('750亿元');
  });

  it('never presents a graph count as progress of the real economy', async () => {
    const r = await gql(app, `{ goals { goal { id } basis progress coverage graphCount explanation explanationEn } }`);
    expect(r.errors).toBeUndefined();
    for (const g of r.data!.goals) {
      if (g.basis === 'GRAPH_COUNT') {
        expect(g.progress).toBeNull();
        expect(g.explanation).toContain('不是实际进度');
        expect(g.explanationEn).toContain('not progress of the real economy');
      }
      if (g.basis === 'NONE') expect([g.progress, g.coverage]).toEqual([null, null]);
    }
    expect(r.data!.goals.some((g: any) => g.basis === 'GRAPH_COUNT')).toBe(true);
  });
});

describe('recommendations on the Changchun data', () => {
  it('gives every reason a path that exists', async () => {
    let reasons = 0;
    for (const chainId of HEADLINE) {
      for (const gap of await findGaps(db.executor, chainId, { evidence: false })) {
        for (const rec of await recommendTargets(db.executor, gap.segmentId)) {
          for (const reason of rec.reasons) {
            await assertSliceExists(db.executor, reason.path);
            reasons++;
          }
        }
      }
    }
    expect(reasons).toBeGreaterThan(0);
  }, 120_000);
});
