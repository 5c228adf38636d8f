// Registry import speed (issue #12): N generated rows classified AND written by `npm run seed -- registry`
// in a child process (wall time and peak RSS from /usr/bin/time), its rerun (changes nothing), against
// the plain seed loader writing the same firms, districts and confident placements into the same graph.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphWrite } from '../../../graph/upsert.js';
import { instanceHome, projectRoot } from '../../../graph/runtime/instance-config.js';
import { loadGraphWrite, validateAndLoad } from '../../../seed/load/load.js';
import type { ReportRow } from '../../../seed/registry/engine.js';
import type { BenchInstance } from './bench-instance.js';
import { emptyBenchDatabase } from './load-rate.js';
import { writeRegistryRows } from './registry-rows.js';
import type { Figure } from './report.js';
import { ratio, summarize } from './stats.js';

interface ChildRun {
  seconds: number;
  peakMiB: number;
  output: string;
}

/** `npm run seed -- registry FILE …` against the bench instance, timed by /usr/bin/time. */
function runImport(instance: BenchInstance, args: string[]): ChildRun {
  const env = {
    ...process.env,
    NEO4J_URI: instance.settings.uri,
    NEO4J_USER: instance.settings.user,
    NEO4J_PASSWORD: instance.settings.password,
    KG_AUDIT_FILE: join(instanceHome(instance.spec), 'audit.jsonl'),
  };
  const child = spawnSync(
    '/usr/bin/time',
    ['-f', 'BENCH-TIME %e %M', process.execPath, '--import', 'tsx', 'seed/cli.ts', 'registry', ...args],
    { cwd: projectRoot, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const output = `${child.stdout}\n${child.stderr}`;
  const m = /BENCH-TIME ([\d.]+) (\d+)/.exec(child.stderr);
  if (child.status !== 0 || !m) throw new Error(`registry import failed (${child.status}): ${output.slice(-600)}`);
  return { seconds: Number(m[1]), peakMiB: Number(m[2]) / 1024, output };
}

/** The CLI's closing line, without the job id: what was created, unchanged, placed, proposed. */
const summaryLine = (output: string) =>
  (output.split('\n').find((l) => / rows: \d+ usable/.test(l)) ?? '').replace(/job job:[0-9a-f-]+: /, '');
/** The CLI's phase times (context, read and classify, reviews, write). */
const phases = (output: string) =>
  output
    .split('\n')
    .filter((l) => l.startsWith('phase '))
    .map((l) => l.replace(/^phase /, '').replace(/ \(.*\)/, ''))
    .join(', ');

/** The report's firms as the seed loader writes records: Enterprise nodes, LOCATED_IN, confident IN_SEGMENT. */
function asGraphWrite(report: ReportRow[], sourceId: string): GraphWrite {
  const write: GraphWrite = { nodes: [], relationships: [] };
  const common = { sources: [sourceId], confidence: 'high', status: 'unverified' };
  for (const r of report) {
    if (r.action === 'skipped' || !r.enterpriseId) continue;
    write.nodes.push({
      label: 'Enterprise',
      id: r.enterpriseId,
      props: {
        ...common,
        name: r.name,
        uscc: r.uscc,
        registrationStatus: r.registrationStatus,
        formerNames: r.formerNames,
        tags: r.tags,
        local: !!r.district && !r.closed,
        quote: r.name,
      },
    });
    if (r.district)
      write.relationships.push({
        type: 'LOCATED_IN',
        from: r.enterpriseId,
        fromLabel: 'Enterprise',
        to: r.district.id,
        toLabel: 'District',
        props: { ...common, quote: r.name },
      });
    for (const p of r.placements.filter((x) => x.written === 'IN_SEGMENT'))
      write.relationships.push({
        type: 'IN_SEGMENT',
        from: r.enterpriseId,
        fromLabel: 'Enterprise',
        to: p.segmentId,
        toLabel: 'Segment',
        props: { ...common, role: 'member', method: 'classifier', score: p.score, because: p.because, quote: p.quote },
      });
  }
  return write;
}

export async function measureRegistryImport(
  instance: BenchInstance,
  options: { rows: number; log: (line: string) => void },
): Promise<Figure[]> {
  const { rows, log } = options;
  const group = `Registry import, ${rows.toLocaleString('en-US')} generated rows`;
  const file = join(instanceHome(instance.spec), `registry-${rows}.csv`);
  const reportFile = join(instanceHome(instance.spec), `registry-${rows}-report.json`);
  await writeRegistryRows(rows, file);
  await emptyBenchDatabase(instance);
  await validateAndLoad(instance.executor, undefined, { skipCounts: true });

  const dry = runImport(instance, [file, '--dry-run']);
  log(`  dry run (read + classify): ${dry.seconds.toFixed(1)} s, peak RSS ${dry.peakMiB.toFixed(0)} MiB`);
  const first = runImport(instance, [file, '--report', reportFile]);
  log(
    `  import: ${first.seconds.toFixed(1)} s, peak RSS ${first.peakMiB.toFixed(0)} MiB; ${summaryLine(first.output)}`,
  );
  const again = runImport(instance, [file]);
  log(`  rerun: ${again.seconds.toFixed(1)} s, peak RSS ${again.peakMiB.toFixed(0)} MiB; ${summaryLine(again.output)}`);

  // The plain seed loader on the same firms, into the same starting graph (shipped data only).
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ReportRow[];
  const write = asGraphWrite(report, 'source:bench-registry');
  await emptyBenchDatabase(instance);
  await validateAndLoad(instance.executor, undefined, { skipCounts: true });
  await instance.executor.mutate(
    "MERGE (s:Source {id: 'source:bench-registry'}) SET s.name = 'bench registry', s.kind = 'dataset'",
  );
  const seed = await loadGraphWrite(instance.executor, write, { skipCounts: true });
  const firms = write.nodes.length;
  log(`  seed loader, same ${firms} firms (${write.relationships.length} relationships): ${seed.seconds.toFixed(1)} s`);

  const rate = (seconds: number) => rows / seconds;
  const seedRate = firms / seed.seconds;
  const figure = (name: string, run: ChildRun, note: string): Figure => ({
    group,
    name,
    unit: 'rows/s',
    direction: 'higher',
    value: summarize([rate(run.seconds)], 'higher'),
    reference: { name: 'seed loader, same firms (firms/s)', value: summarize([seedRate], 'higher') },
    ratio: ratio(rate(run.seconds), seedRate),
    note: `${run.seconds.toFixed(1)} s wall, peak RSS ${run.peakMiB.toFixed(0)} MiB; ${note}`,
  });
  return [
    figure(
      'classified and written (npm run seed -- registry)',
      first,
      `${summaryLine(first.output)}; ${phases(first.output)}`,
    ),
    figure('rerun, nothing changes', again, `${summaryLine(again.output)}; ${phases(again.output)}`),
    figure('dry run (read + classify only)', dry, 'no writes'),
  ].map((f, i) => (i === 0 ? { ...f, aim: 'under 60 s and 1 GiB peak RSS' } : f));
}
