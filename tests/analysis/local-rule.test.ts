// The derived meaning of local on the shipped Changchun data: every firm's stored `local` is what the
// rule (LOCATED_IN a district WITHIN the program's region, proposed/rejected locations excluded) gives,
// after the sourced locations of 2026-12-04 (中国一汽, 一汽奔腾, 一汽奥迪, 一汽马自达, 长光华大).
import { beforeAll, describe, expect, it } from 'vitest';
import { localMismatches } from '../../graph/analysis/local-rule.js';
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
