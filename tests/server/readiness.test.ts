// /readyz's "data loaded" and the first start's "nothing to load" are one answer (graph/stats.ts
// realDataLoaded): a synthetic program alone is not the data, a real one is.
import { describe, expect, it } from 'vitest';
import { realDataLoaded } from '../../graph/stats.js';
import { dataLoadedCheck } from '../../server/plugins/readiness.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();

describe('data loaded', () => {
  it('is false on an empty database and with only a synthetic program, true with a real one', async () => {
    await emptyDatabase(db.executor);
    expect(await realDataLoaded(db.executor)).toBe(false);
    expect(await dataLoadedCheck(db.executor, 0)()).toBe(false);

    await db.executor.mutate("CREATE (:Program {id: 'program:synth-9', name: '合成', synthetic: true})");
    expect(await realDataLoaded(db.executor)).toBe(false);
    expect(await dataLoadedCheck(db.executor, 0)()).toBe(false);

    await db.executor.mutate("CREATE (:Program {id: 'program:real-1', name: '真实'})");
    expect(await realDataLoaded(db.executor)).toBe(true);
    expect(await dataLoadedCheck(db.executor, 0)()).toBe(true);
    await emptyDatabase(db.executor);
  });
});
