// Runs the registry evaluation on the dev set (dry run, shipped seed data as districts and segments) and
// holds it to floors just under the measured figures; prints the table.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { evaluate, sharedDir } from '../../seed/registry/eval.js';

it('scores the dev set at or above its floors', async () => {
  const dev = join(sharedDir(), 'corpus', 'registry', 'dev');
  const { scores } = await evaluate(join(dev, 'registry-dev.csv'), join(dev, 'registry-dev.gold.json'));
  console.log(JSON.stringify(scores, null, 2));
  expect(scores.level1All.precision).toBeGreaterThanOrEqual(0.82);
  expect(scores.level1All.recall).toBeGreaterThanOrEqual(0.83);
  expect(scores.level1Written.precision).toBeGreaterThanOrEqual(0.97);
  expect(scores.districtAccuracy).toBeGreaterThanOrEqual(0.97);
  expect(scores.invalidCaught).toBe('3/3');
  expect(scores.closedFlagged).toBe('2/2');
}, 60_000);
