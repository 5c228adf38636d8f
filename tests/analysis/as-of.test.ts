// asOf (issue 13, "when it was true"): gaps, goals, chains and chain answer from the facts valid on the
// day asked, with target stages of that day and days left counted from it; a day before a recorded
// change shows the older state.
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { FIXTURE as F, loadApiFixture } from '../fixtures/api/small-graph.js';
import { gql, testApp } from '../server/helpers.js';

const db = useTestDb();
const app = testApp(db.executor);

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await loadApiFixture(db.executor);
  // The recorded change: the target moves from 在谈 (since 2024-03-01) to 签约 on 2025-06-01.
  const r = await gql(
    app,
    `mutation($input: TargetStageInput!) { recordTargetStage(input: $input) { stage } }`,
    {
      input: {
        enterpriseId: F.target,
        targetId: F.chip,
        stage: '签约',
        since: '2025-06-01',
        sources: [F.s2],
        quote: '正在洽谈',
      },
    },
    'editor',
  );
  expect(r.errors).toBeUndefined();
});

const PIPELINE = `query($asOf: Date) { gaps(chainId: "${F.opto}", asOf: $asOf) { segment { id } targetsInPipeline pipeline { enterprise { id } stage stageSince history { stage } } } }`;

async function chip(asOf: string | null) {
  const r = await gql(app, PIPELINE, { asOf }, 'analyst');
  expect(r.errors).toBeUndefined();
  return r.data!.gaps.find((g: { segment: { id: string } }) => g.segment.id === F.chip);
}

describe('gaps on a day', () => {
  it('shows the stage of the day: the newest now, the older one before the change', async () => {
    expect((await chip(null)).pipeline).toEqual([
      {
        enterprise: { id: F.target },
        stage: '签约',
        stageSince: '2025-06-01',
        history: [{ stage: '推介' }, { stage: '在谈' }],
      },
    ]);
    expect((await chip('2025-05-31')).pipeline).toEqual([
      { enterprise: { id: F.target }, stage: '在谈', stageSince: '2024-03-01', history: [{ stage: '推介' }] },
    ]);
    expect((await chip('2024-01-15')).pipeline[0]).toMatchObject({
      stage: '推介',
      stageSince: '2023-10-01',
      history: [],
    });
  });

  it('leaves a target out before it entered the pipeline', async () => {
    const before = await chip('2023-01-01');
    expect(before.targetsInPipeline).toBe(0);
    expect(before.pipeline).toEqual([]);
  });
});

describe('chain on a day', () => {
  it('answers its targets with the stage of that day', async () => {
    const q = `query($asOf: Date) { chain(id: "${F.opto}", asOf: $asOf) { targets { enterprise { id } stage } } }`;
    const now = await gql(app, q, { asOf: null }, 'analyst');
    expect(now.data!.chain.targets).toEqual([{ enterprise: { id: F.target }, stage: '签约' }]);
    const then = await gql(app, q, { asOf: '2024-12-31' }, 'analyst');
    expect(then.errors).toBeUndefined();
    expect(then.extensions?.transactions).toBe(1);
    expect(then.data!.chain.targets).toEqual([{ enterprise: { id: F.target }, stage: '在谈' }]);
  });

  it('leaves out a relationship whose validTo ended before the day, keeps undated ones', async () => {
    await db.executor.write((tx) =>
      tx.run(
        `MATCH (l:Leader {id: $owner})-[r:OWNER_OF]->(:Chain {id: $chain}) SET r.validFrom = date('2024-01-01'), r.validTo = date('2024-12-31')`,
        { owner: F.ownerOpto, chain: F.opto },
      ),
    );
    const q = `query($asOf: Date) { chains(asOf: $asOf) { id owners { leader { id } } segments { id } } }`;
    const on = async (asOf: string | null) => {
      const r = await gql(app, q, { asOf });
      expect(r.errors).toBeUndefined();
      return r.data!.chains.find((c: { id: string }) => c.id === F.opto);
    };
    expect((await on('2024-06-01')).owners.map((o: any) => o.leader.id)).toEqual([F.ownerOpto]);
    expect((await on('2025-06-01')).owners).toEqual([]);
    // Undated segments stay on any day.
    expect((await on('2025-06-01')).segments.length).toBe((await on(null)).segments.length);
  });
});

describe('goals on a day', () => {
  it('uses only observations made by then and counts days left from the day', async () => {
    const q = `query($asOf: Date) { goals(chainId: "${F.opto}", asOf: $asOf) { goal { id } latest { id } basis daysLeft } }`;
    const now = (await gql(app, q, { asOf: null })).data!.goals.find((g: any) => g.goal.id === F.goal);
    expect(now.latest).toEqual({ id: F.obs });
    const r = await gql(app, q, { asOf: '2023-06-30' });
    expect(r.errors).toBeUndefined();
    const then = r.data!.goals.find((g: any) => g.goal.id === F.goal);
    expect(then.latest).toBeNull();
    expect(then.basis).not.toBe('SOURCED');
    expect(then.daysLeft).toBe((Date.UTC(2025, 11, 31) - Date.UTC(2023, 5, 30)) / 86_400_000);
  });

  it('answers Chain.goals under chain(asOf) for the same day', async () => {
    const q = `query($asOf: Date) { chain(id: "${F.opto}", asOf: $asOf) { goals { goal { id } latest { id } daysLeft } } }`;
    const r = await gql(app, q, { asOf: '2023-06-30' });
    expect(r.errors).toBeUndefined();
    const goal = r.data!.chain.goals.find((g: { goal: { id: string } }) => g.goal.id === F.goal);
    expect(goal.latest).toBeNull();
    expect(goal.daysLeft).toBe((Date.UTC(2025, 11, 31) - Date.UTC(2023, 5, 30)) / 86_400_000);
  });
});
