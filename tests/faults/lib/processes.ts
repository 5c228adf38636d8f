// Child processes of the fault suite: the real server (server/main.ts), the seed CLI and the db CLI,
// run with tsx as a user would, so that stopping Neo4j never blocks the test's own event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { projectRoot } from '../../../graph/runtime/instance-config.js';

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The environment of a child: this one's, minus what would point it at another database. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'])
    if (!(key in extra)) delete env[key];
  return env;
}

export function spawnTsx(args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: projectRoot,
    env: childEnv(extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a tsx script to its end (killed after `timeoutMs`, which counts as a hang). */
export function runTsx(args: string[], extraEnv: Record<string, string> = {}, timeoutMs = 300_000): Promise<Finished> {
  const started = performance.now();
  const child = spawnTsx(args, extraEnv);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** `npm run db -- <command> --instance test` in a child process (the test instance of this run). */
export async function testDb(command: 'start' | 'stop'): Promise<Finished> {
  const result = await runTsx(['graph/runtime/cli.ts', command, '--instance', 'test'], {}, 240_000);
  if (result.code !== 0)
    throw new Error(`db ${command} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident memory of the server process (bytes), from /proc. */
  rss(): number;
  output(): string;
  stop(): Promise<void>;
}

/** The product's server (server/main.ts) on a free port, against the given Neo4j; resolves once it is ready. */
export async function startServerProcess(
  neo4j: { uri: string; user: string; password: string },
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawnTsx(['server/main.ts'], {
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    PORT: String(port),
    HOST: '127.0.0.1',
    ...env,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready:\n${output}`))),
  );
  const ready = new Promise<void>((resolve) => {
    const check = () => (output.includes('Ready.') ? resolve() : setTimeout(check, 200));
    check();
  });
  await Promise.race([
    ready,
    exited,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`the server was not ready within 120 s:\n${output}`)), 120_000),
    ),
  ]);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    rss() {
      const line = readFileSync(`/proc/${child.pid}/status`, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('VmRSS:'));
      return Number(line?.match(/(\d+)/)?.[1] ?? NaN) * 1024;
    },
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        // exitCode stays null for a child ended by a signal (a kill -9 of the test): it is gone all the same
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
