// Records how long the whole suite took (from vitest's start, Neo4j and the web build included, to the
// last file's end) in test-artifacts/last-run.json, so that `npm run bench` can print the test-suite
// figure of issue #14 beside its aim without running the suite itself. A run of chosen files only
// (`npx vitest run tests/x`) is not the suite and leaves the record alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';
import { projectRoot } from '../../graph/runtime/instance-config.js';

export const RUN_RECORD = join(projectRoot, 'test-artifacts', 'last-run.json');

export interface RunRecord {
  startedAt: string;
  seconds: number;
  files: number;
  tests: number;
  failed: number;
  reason: TestRunEndReason;
  ci: boolean;
  workers: number;
}

/** True when vitest was asked for the whole suite (no file or name filter on its command line). */
export function wholeSuite(argv: readonly string[]): boolean {
  const args = argv.slice(2).filter((a) => a !== 'run');
  return !args.some((a) => !a.startsWith('-') || /^-t$|^--testNamePattern|^--project|^--shard/.test(a));
}

export default class RunRecordReporter implements Reporter {
  private started = Date.now();
  private workers = 1;

  onInit(vitest: { config: { maxWorkers?: number | string } }): void {
    this.started = Date.now();
    this.workers = Number(vitest.config.maxWorkers ?? 1);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, _errors: unknown, reason: TestRunEndReason): void {
    if (!wholeSuite(process.argv)) return;
    let tests = 0;
    let failed = 0;
    for (const m of modules)
      for (const t of m.children.allTests()) {
        tests++;
        if (t.result().state === 'failed') failed++;
      }
    const record: RunRecord = {
      startedAt: new Date(this.started).toISOString(),
      seconds: (Date.now() - this.started) / 1000,
      files: modules.length,
      tests,
      failed,
      reason,
      ci: process.env.CI === 'true',
      workers: this.workers,
    };
    mkdirSync(dirname(RUN_RECORD), { recursive: true });
    writeFileSync(RUN_RECORD, `${JSON.stringify(record, null, 2)}\n`);
  }
}
