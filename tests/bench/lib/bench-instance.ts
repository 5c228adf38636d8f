// The benchmark's own Neo4j: a throw-away instance in a temporary folder under .neo4j/, on its own
// port, with heap and page cache sized for 100k+ enterprises, removed afterwards, so the working and
// test databases are never touched. Also runs `neo4j-admin database import full` on it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver, type ConnectionSettings } from '../../../graph/connection.js';
import { createExecutor, type Executor } from '../../../graph/executor.js';
import { INSTANCES, instanceHome, runtimeRoot, type InstanceSpec } from '../../../graph/runtime/instance-config.js';
import { serverPid, startInstance, stopInstance } from '../../../graph/runtime/instance.js';

export interface BenchInstanceOptions {
  boltPort: number;
  heap: string;
  pageCache: string;
  log: (line: string) => void;
}

export interface BenchInstance {
  spec: InstanceSpec;
  settings: ConnectionSettings;
  driver: Driver;
  executor: Executor;
  /** Starts the server again (after stop or an offline import) and reconnects. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server and deletes its folder. Safe to call twice. */
  remove(): Promise<void>;
}

export const DEFAULT_BENCH_PORT = 7706;

export async function createBenchInstance(options: BenchInstanceOptions): Promise<BenchInstance> {
  const reserved = [INSTANCES.work.boltPort, INSTANCES.test.boltPort];
  if (reserved.includes(options.boltPort)) {
    throw new Error(`Port ${options.boltPort} belongs to the working or test instance; pick another with --port.`);
  }
  const home = mkdtempSync(join(runtimeRoot, 'bench-'));
  const spec: InstanceSpec = {
    name: basename(home),
    boltPort: options.boltPort,
    heap: options.heap,
    pageCache: options.pageCache,
    home,
  };
  let removed = false;
  const instance: BenchInstance = {
    spec,
    settings: undefined as unknown as ConnectionSettings,
    driver: undefined as unknown as Driver,
    executor: undefined as unknown as Executor,
    async start() {
      await instance.driver?.close().catch(() => {});
      const { connection } = await startInstance(spec, options.log, 240_000);
      instance.settings = { ...connection, external: false };
      // Long bounds: the benchmark measures, it does not need to fail fast.
      instance.driver = createDriver(instance.settings, { acquisitionTimeoutMs: 60_000, maxRetryTimeMs: 30_000 });
      instance.executor = createExecutor(instance.driver, { timeoutMs: 600_000 });
    },
    async stop() {
      // Close the driver first: its pooled connections would otherwise log the shutdown as errors.
      await instance.driver?.close().catch(() => {});
      stopInstance(spec, () => {});
    },
    async remove() {
      if (removed) return;
      removed = true;
      await instance.driver?.close().catch(() => {});
      if (serverPid(spec)) stopInstance(spec, () => {});
      rmSync(home, { recursive: true, force: true });
      options.log(`Removed the benchmark instance ${home}.`);
    },
  };
  try {
    await instance.start();
  } catch (error) {
    await instance.remove();
    throw error;
  }
  return instance;
}

export interface ImportFiles {
  /** label → CSV files (header `id:ID,:LABEL,…`). */
  nodes: string[];
  /** CSV files (header `:START_ID,:END_ID,:TYPE,…`). */
  relationships: string[];
}

/** `neo4j-admin database import full` into the (stopped) instance's `neo4j` database; returns the wall time in ms. */
export function adminImport(spec: InstanceSpec, files: ImportFiles, threads = 2): { ms: number; output: string } {
  const home = instanceHome(spec);
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') };
  delete env.JAVA_OPTS; // it would replace the launcher's own flags
  const args = [
    '-cp',
    `${join(home, 'lib')}/*`,
    `-Dbasedir=${home}`,
    'org.neo4j.server.startup.Neo4jAdminCommand',
    'database',
    'import',
    'full',
    ...files.nodes.map((f) => `--nodes=${f}`),
    ...files.relationships.map((f) => `--relationships=${f}`),
    '--overwrite-destination=true',
    '--id-type=string',
    '--array-delimiter=;',
    `--threads=${threads}`,
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    `--report-file=${join(home, 'logs/import.report')}`,
    'neo4j',
  ];
  const started = performance.now();
  const result = spawnSync('java', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0)
    throw new Error(`neo4j-admin database import failed (exit ${result.status}):\n${output.slice(-3000)}`);
  return { ms, output };
}
