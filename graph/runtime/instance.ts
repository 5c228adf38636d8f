// Lifecycle of a local Neo4j instance through the official launcher classes of the Maven-built
// server: start (idempotent, waits for readiness), stop, status, logs, reset, dump, load.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import { setupProblem } from '../errors.js';
import { assemble } from './assemble.js';
import { instanceHome, prepareInstance, readOrCreatePassword, type InstanceSpec } from './instance-config.js';

export interface LocalConnection {
  uri: string;
  user: string;
  password: string;
}

type Log = (line: string) => void;

function launcher(spec: InstanceSpec, mainClass: string, args: string[]) {
  const home = instanceHome(spec);
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') };
  delete env.JAVA_OPTS; // it would silently replace every server.jvm.additional flag
  return spawnSync('java', ['-cp', `${join(home, 'lib')}/*`, `-Dbasedir=${home}`, mainClass, ...args], {
    env,
    encoding: 'utf8',
  });
}

const admin = (spec: InstanceSpec, args: string[]) =>
  launcher(spec, 'org.neo4j.server.startup.Neo4jAdminCommand', args);
const server = (spec: InstanceSpec, args: string[]) => launcher(spec, 'org.neo4j.server.startup.Neo4jCommand', args);

export function connectionOf(spec: InstanceSpec): LocalConnection {
  return { uri: `bolt://127.0.0.1:${spec.boltPort}`, user: 'neo4j', password: readOrCreatePassword(spec) };
}

export function serverPid(spec: InstanceSpec): number | null {
  const file = join(instanceHome(spec), 'run/neo4j.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort(true)));
  });
}

/** True when the server answers Bolt with the instance's password. */
export async function answers(conn: LocalConnection, timeoutMs = 3000): Promise<boolean> {
  const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
    logging: { level: 'error', logger: () => {} },
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

/** The last lines of the user log, with stack frames dropped so that the cause stays readable. */
export function lastLogLines(spec: InstanceSpec, count = 25): string {
  const path = join(instanceHome(spec), 'logs/neo4j.log');
  if (!existsSync(path)) return '(Neo4j wrote no log yet)';
  const lines = readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .filter((line) => !/^\s+(at |\.\.\. \d+ more)/.test(line));
  return (
    `--- logs/neo4j.log (last ${Math.min(count, lines.length)} lines, stack frames omitted)\n` +
    lines.slice(-count).join('\n')
  );
}

async function waitUntilReady(spec: InstanceSpec, log: Log, timeoutMs: number): Promise<void> {
  const conn = connectionOf(spec);
  const started = Date.now();
  let dots = 0;
  while (Date.now() - started < timeoutMs) {
    if (await answers(conn)) {
      if (dots) process.stdout.write('\n');
      log(`Neo4j "${spec.name}" is ready on ${conn.uri} (${((Date.now() - started) / 1000).toFixed(1)} s).`);
      return;
    }
    if (!serverPid(spec) && Date.now() - started > 5000) break; // the JVM died: no point waiting
    process.stdout.write(dots++ === 0 ? `Waiting for Neo4j "${spec.name}" to answer on ${conn.uri} .` : '.');
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (dots) process.stdout.write('\n');
  throw setupProblem(`Neo4j "${spec.name}" did not come up on port ${spec.boltPort}.\n${lastLogLines(spec)}`);
}

export interface StartResult {
  reused: boolean;
  connection: LocalConnection;
}

/** Starts the instance, or reuses it when it already runs. Waits until it answers. */
export async function startInstance(
  spec: InstanceSpec,
  log: Log = console.log,
  timeoutMs = 150_000,
): Promise<StartResult> {
  assemble(log);
  const home = prepareInstance(spec);
  const password = readOrCreatePassword(spec);
  if (serverPid(spec)) {
    await waitUntilReady(spec, log, timeoutMs);
    return { reused: true, connection: connectionOf(spec) };
  }
  if (!(await portIsFree(spec.boltPort))) {
    throw setupProblem(
      `Port ${spec.boltPort} on 127.0.0.1 is already in use by another program, so Neo4j "${spec.name}" cannot listen there.` +
        ` Stop that program, or choose another port (NEO4J_BOLT_PORT for the working instance, NEO4J_TEST_BOLT_PORT for tests).`,
    );
  }
  if (!existsSync(join(home, 'data/databases/system'))) {
    // '--' ends the options: a generated password may start with '-'.
    const result = admin(spec, ['dbms', 'set-initial-password', '--', password]);
    if (result.status !== 0) throw setupProblem(`Could not set the Neo4j password:\n${result.stdout}${result.stderr}`);
  }
  log(`Starting Neo4j "${spec.name}" (${home})…`);
  const result = server(spec, ['start']);
  if (result.status !== 0) {
    throw setupProblem(
      `The Neo4j launcher failed (exit ${result.status}):\n${result.stdout}${result.stderr}\n${lastLogLines(spec)}`,
    );
  }
  await waitUntilReady(spec, log, timeoutMs);
  return { reused: false, connection: connectionOf(spec) };
}

export function stopInstance(spec: InstanceSpec, log: Log = console.log): boolean {
  if (!serverPid(spec)) {
    log(`Neo4j "${spec.name}" is not running.`);
    return false;
  }
  const result = server(spec, ['stop']);
  if (result.status !== 0) throw setupProblem(`Could not stop Neo4j "${spec.name}":\n${result.stdout}${result.stderr}`);
  log(`Neo4j "${spec.name}" stopped.`);
  return true;
}

export async function instanceStatus(spec: InstanceSpec) {
  const pid = serverPid(spec);
  const connection = connectionOf(spec);
  return {
    name: spec.name,
    home: instanceHome(spec),
    pid,
    running: pid !== null,
    answering: pid ? await answers(connection) : false,
    connection,
  };
}

/** Deletes the instance's data (a fresh, empty database with the same password on next start). */
export function resetInstance(spec: InstanceSpec, log: Log = console.log): void {
  stopInstance(spec, () => {});
  rmSync(join(instanceHome(spec), 'data'), { recursive: true, force: true });
  log(`Neo4j "${spec.name}" data deleted; the next start creates an empty database.`);
}

/** Runs `work` with the server stopped (dump and load need that), restarting it afterwards if it ran. */
async function whileStopped<T>(spec: InstanceSpec, log: Log, work: () => T): Promise<T> {
  const wasRunning = stopInstance(spec, () => {});
  try {
    return work();
  } finally {
    if (wasRunning) await startInstance(spec, log);
  }
}

export async function dumpInstance(spec: InstanceSpec, file: string, log: Log = console.log): Promise<string> {
  assemble(log);
  prepareInstance(spec);
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  return whileStopped(spec, log, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-dump-'));
    const result = admin(spec, ['database', 'dump', 'neo4j', `--to-path=${dir}`, '--overwrite-destination=true']);
    if (result.status !== 0) throw setupProblem(`Dump failed:\n${result.stdout}${result.stderr}`);
    renameOrCopy(join(dir, 'neo4j.dump'), target);
    rmSync(dir, { recursive: true, force: true });
    log(`Database dumped to ${target}.`);
    return target;
  });
}

export async function loadInstance(spec: InstanceSpec, file: string, log: Log = console.log): Promise<void> {
  const source = resolve(file);
  if (!existsSync(source)) throw setupProblem(`No dump file at ${source}.`);
  assemble(log);
  prepareInstance(spec);
  readOrCreatePassword(spec);
  if (!existsSync(join(instanceHome(spec), 'data/databases/system'))) {
    // A fresh instance: start it once so that the system database (and the password) exist.
    await startInstance(spec, log);
  }
  await whileStopped(spec, log, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-load-'));
    copyFileSync(source, join(dir, 'neo4j.dump'));
    const result = admin(spec, ['database', 'load', 'neo4j', `--from-path=${dir}`, '--overwrite-destination=true']);
    rmSync(dir, { recursive: true, force: true });
    if (result.status !== 0) throw setupProblem(`Load failed:\n${result.stdout}${result.stderr}`);
    log(`Database loaded from ${basename(source)}.`);
  });
}

function renameOrCopy(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
