// goals(chainId) on the hand-made chain: the newest sourced observation (a proposed one does not
// count), graph counts only as coverage of the recorded data, NONE when nothing measures the goal,
// days left, and the responsible leaders; plus the metric matcher that decides GRAPH_COUNT.
import { beforeAll, describe, expect, it } from 'vitest';
import { countRuleOf } from '../../graph/analysis/goal-count.js';
import { findGoals } from '../../graph/analysis/goals.js';
import { smallChain } from '../fixtures/analysis/small-chain.js';
import { writeFixture } from '../fixtures/analysis/write-fixture.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await writeFixture(db.executor, smallChain);
});

describe('goals(chainId)', () => {
  it('measures a goal by its newest sourced observation', async () => {
    const goals = await findGoals(db.executor, 'chain:fx', { today: '2025-01-01' });
    const output = goals.find((g) => g.goal.id === 'goal:fx-output')!;
    expect(output.basis).toBe('SOURCED');
    expect(output.latest!.id).toBe('obs:fx-2024'); // the proposed 2025 value does not count
    expect(output.observations.map((o) => o.id)).toEqual(['obs:fx-2024', 'obs:fx-2023']);
    expect(output.progress).toBeCloseTo(0.9002);
    expect(output.coverage).toBeNull();
    expect(output.daysLeft).toBe(364);
    expect(output.met).toBe(false);
    expect(output.explanation).toContain('900.2亿元');
    expect(output.explanation).toContain('90%');
  });

  it('shows a count the graph holds as coverage of the recorded data, never as progress', async () => {
    const goals = await findGoals(db.executor, 'chain:fx', { today: '2025-01-01' });
    const firms = goals.find((g) => g.goal.id === 'goal:fx-firms')!;
    expect(firms.basis).toBe('GRAPH_COUNT');
    expect(firms.graphCount).toBe(16); // local firms of the chain that count (no rejected, proposed link or synthetic)
    expect(firms.coverage).toBeCloseTo(0.4);
    expect(firms.progress).toBeNull();
    expect(firms.met).toBe(false);
    expect(firms.explanation).toContain('不是实际进度');
    expect(firms.explanationEn).toContain('not progress of the real economy');
    const rnd = goals.find((g) => g.goal.id === 'goal:fx-rnd')!;
    expect(rnd.basis).toBe('NONE');
    expect([rnd.progress, rnd.coverage, rnd.latest]).toEqual([null, null, null]);
  });

  it('names the responsible leaders: sponsor, owner and the coordinator of the program', async () => {
    const [goal] = await findGoals(db.executor, 'chain:fx');
    expect(goal.responsible.map((r) => [r.relation, r.leader.id, r.target.id])).toEqual([
      ['PATRON_OF', 'leader:fx-patron', 'chain:fx'],
      ['OWNER_OF', 'leader:fx-owner', 'chain:fx'],
      ['COORDINATES', 'leader:fx-secretary', 'program:fx'],
    ]);
    expect(goal.responsible[1].validFrom).toBe('2023-06-01');
    expect(goal.responsible[1].sources).toEqual(['source:fx-s1']);
  });

  it('lists every goal when no chain is given, in one read transaction', async () => {
    const scoped = db.executor.scoped();
    expect((await findGoals(scoped, null)).map((g) => g.goal.id).sort()).toEqual([
      'goal:fx-firms',
      'goal:fx-output',
      'goal:fx-rnd',
    ]);
    expect(scoped.transactions).toBe(1);
    await expect(findGoals(db.executor, 'chain:nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('which goals the graph can count', () => {
  it('maps firm-count metrics and their tags, and refuses what the graph does not record', () => {
    expect(countRuleOf({ metric: '光电信息企业数量', unit: '户' })).toEqual({ tag: null, from: 'metric' });
    expect(countRuleOf({ metric: '光电信息规上工业企业数量', unit: '户' })?.tag).toBe('规上');
    expect(countRuleOf({ metric: '“专精特新”企业数量', unit: '户' })?.tag).toBe('专精特新');
    expect(countRuleOf({ metric: '上市企业数量', unit: '户' })?.tag).toBe('上市');
    expect(countRuleOf({ metric: '光电信息国家制造业单项冠军企业数量', unit: '户' })?.tag).toBe('单项冠军');
    expect(countRuleOf({ metric: '新引进“链主”企业数量', unit: '户' })).toBeNull();
    expect(countRuleOf({ metric: '亿元以上汽车零部件企业数量', unit: '户' })).toBeNull();
    expect(countRuleOf({ metric: '光电信息产业产值', unit: '亿元' })).toBeNull();
    expect(countRuleOf({ metric: '做大做优做强的整车工厂数量', unit: '个' })).toBeNull();
    expect(countRuleOf({ metric: '任何说法', unit: '个', countOf: 'enterprises:小巨人' })).toEqual({
      tag: '小巨人',
      from: 'countOf',
    });
  });
});
