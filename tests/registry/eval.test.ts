// Runs the registry evaluation on the dev set (dry run, shipped seed data as districts and segments) and
// holds it to floors just under the measured figures; prints the table.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { evaluate, sharedDir } from '../../seed/registry/eval.js';
import { evaluateHeldout } from '../../seed/registry/eval-heldout.js';

it('scores the dev set at or above its floors', async () => {
  const dev = join(sharedDir(), 'corpus', 'registry', 'dev');
  const { scores } = await evaluate(join(dev, 'registry-dev.csv'), join(dev, 'registry-dev.gold.json'));
  console.log(JSON.stringify(scores, null, 2));
  expect(scores.level1All.precision).toBeGreaterThanOrEqual(0.95);
  expect(scores.level1All.recall).toBeGreaterThanOrEqual(0.87);
  expect(scores.level1Written.precision).toBeGreaterThanOrEqual(0.97);
  expect(scores.districtAccuracy).toBeGreaterThanOrEqual(0.98);
  expect(scores.noChainPrecision).toBeGreaterThanOrEqual(0.95);
  expect(scores.invalidCaught).toBe('3/3');
  expect(scores.closedFlagged).toBe('2/2');
}, 60_000);

// The held-out set is never tuned on; its floors only catch a change that breaks reading or matching.
it('scores the held-out set (GBK CSV and XLSX) and prints it apart', async () => {
  const heldout = await evaluateHeldout();
  console.log(JSON.stringify({ heldout }, null, 2));
  expect(heldout.all.rows).toEqual({ report: 82, gold: 82 });
  expect(heldout.all.level1All.precision).toBeGreaterThanOrEqual(0.9);
  expect(heldout.all.level1All.recall).toBeGreaterThanOrEqual(0.85);
  expect(heldout.all.districtAccuracy).toBeGreaterThanOrEqual(0.95);
  expect(heldout.all.invalidCaught).toBe('4/4');
  expect(heldout.all.closedFlagged).toBe('3/3');
}, 60_000);
