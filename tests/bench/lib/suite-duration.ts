// The test-suite figure of issue #14: `npm test`'s last whole run in this checkout, as the suite's own
// reporter recorded it (tests/setup/run-record.ts), against the aim. The bench does not run the suite
// (it would take the machine for minutes and its test instances); it reports the record and its date.
import { existsSync, readFileSync } from 'node:fs';
import { RUN_RECORD, type RunRecord } from '../../setup/run-record.js';
import type { Figure } from './report.js';
import { summarize } from './stats.js';

const AIM_S = 180;

export function suiteDurationFigure(group: string): Figure {
  if (!existsSync(RUN_RECORD))
    throw new Error(`no whole run of the suite is recorded (${RUN_RECORD}): run \`CI=true npm test\` first`);
  const run = JSON.parse(readFileSync(RUN_RECORD, 'utf8')) as RunRecord;
  return {
    group,
    name: '`CI=true npm test`, its last whole run in this checkout',
    unit: 's',
    direction: 'lower',
    value: summarize([run.seconds], 'lower'),
    reference: { name: 'the aim', value: summarize([AIM_S], 'lower') },
    ratio: run.seconds / AIM_S,
    aim: `≤ ${AIM_S} s, same tests`,
    note: `${run.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${run.files} files, ${run.tests} tests, ${run.failed} failed (${run.reason}), ${run.workers} workers${run.ci ? ', CI=true' : ', CI not set'}; from vitest's start (test Neo4j instances and the web build included) to its end, without \`biome ci\``,
  };
}
