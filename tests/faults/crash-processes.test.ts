// kill -9 of the API server (mid registry job, with curation writes in flight) and of the seed CLI (mid
// registry import): the job is shown as interrupted, a rerun completes it, nothing is duplicated, every
// acknowledged write is there, and the audit trail agrees with the graph once its pending entries are
// resolved by looking. Batches of KG_REGISTRY_BATCH_ROWS=2 rows make the import long enough (about 60
// transactions) to be killed after its first batch is seen committed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureSchema } from '../../graph/schema.js';
import { validateAndLoad } from '../../seed/load/load.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { ask, duplicates, REGISTRY_DEV_FILE, TOKENS_ENV, trailAgainstGraph, waitFor } from './lib/crash.js';
import { runTsx, spawnTsx, startServerProcess } from './lib/processes.js';

const db = useTestDb();
const started = Date.now();
const step = (what: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);
const BATCH_ROWS = '2';
const UPSERT = 'mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }';
const IMPORT = 'mutation($f: File!) { importRegistry(file: $f) { id } }';
const JOB = 'query($id: ID!) { importJob(id: $id) { status progress message } }';

async function freshGraph(): Promise<void> {
  await emptyDatabase(db.executor);
  await ensureSchema(db.executor);
  await validateAndLoad(db.executor, undefined, { log: () => {} });
}

/** importRegistry of the dev file as a multipart upload; returns the job id. */
async function startImport(url: string): Promise<string> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: IMPORT, variables: { f: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new File([readFileSync(REGISTRY_DEV_FILE)], basename(REGISTRY_DEV_FILE)));
  const answer = await ask(url, IMPORT, {}, undefined, form);
  const id = answer.data?.importRegistry?.id;
  if (!id) throw new Error(`importRegistry was refused: ${answer.message}`);
  return id;
}

/** Registry firms written by one job (its first batches are visible once committed). */
async function firmsOfJob(jobId: string): Promise<number> {
  const [row] = await db.executor.query('MATCH (e:Enterprise {jobId: $jobId}) RETURN count(e) AS n', { jobId });
  return Number(row.n);
}

async function jobState(jobId: string) {
  const [row] = await db.executor.query('MATCH (j:ImportJob {id: $jobId}) RETURN j.status AS status', { jobId });
  return String(row?.status);
}

/** The trail's checks, all of which must be empty, and the figures for the report. */
async function expectTrailAgrees(auditFile: string) {
  const { resolution, check, unreadableLines } = await trailAgainstGraph(auditFile, db.executor);
  expect(check.lostUpdates).toEqual([]);
  expect(check.chainBreaks).toEqual([]);
  expect(check.headMismatches).toEqual([]);
  expect(check.unauditedFacts).toEqual([]);
  expect(resolution.undetermined).toBe(0);
  expect(unreadableLines).toBe(0);
  return { pendingResolved: resolution, versionedEntriesChecked: check.entries, lostUpdates: check.lostUpdates.length };
}

describe.runIf(!db.settings.external)('kill -9 of the API server and of the seed CLI', () => {
  it('API server killed mid registry job: the job shows interrupted, a rerun completes, nothing duplicated', {
    timeout: 240_000,
  }, async () => {
    await freshGraph();
    const auditFile = join(mkdtempSync(join(tmpdir(), 'kg-crash-server-')), 'audit.jsonl');
    const env = { KG_TOKENS: TOKENS_ENV, KG_AUDIT_FILE: auditFile, KG_REGISTRY_BATCH_ROWS: BATCH_ROWS };
    const first = await startServerProcess(db.settings, env);
    const acked = new Map<string, string>();
    let tried = 0;
    let running = true;
    let second: Awaited<ReturnType<typeof startServerProcess>> | undefined;
    try {
      const curation = async (c: number) => {
        for (let n = 0; running; n++) {
          const id = `ent:crash-server-c${c}-n${n}`;
          const name = `进程崩溃${c}-${n}`;
          tried++;
          const input = { id, name, local: true, sources: ['source:s1'], quote: '光电信息产业' };
          const up = await ask(first.url, UPSERT, { input });
          if (up.status === 200 && !up.code) acked.set(id, name);
        }
      };
      const writers = [curation(0), curation(1)];
      const jobId = await startImport(first.url);
      step(`job ${jobId} started`);
      await waitFor('the first registry batch committed', async () => (await firmsOfJob(jobId)) > 0, 120_000);
      expect(await jobState(jobId), 'the job ended before the kill: nothing was interrupted').toBe('RUNNING');
      const firmsAtKill = await firmsOfJob(jobId);
      process.kill(first.pid, 'SIGKILL');
      running = false;
      await Promise.all(writers);
      step(`server killed after ${firmsAtKill} firms of the job`);

      second = await startServerProcess(db.settings, env);
      const interrupted = await ask(second.url, JOB, { id: jobId });
      expect(interrupted.data?.importJob?.status).toBe('FAILED');
      expect(interrupted.data?.importJob?.message).toMatch(/Interrupted.*Import the same file again/);

      step('second server ready');
      const rerunId = await startImport(second.url);
      await waitFor('the rerun to end', async () => ['DONE', 'FAILED'].includes(await jobState(rerunId)), 180_000);
      const rerun = await ask(second.url, JOB, { id: rerunId });
      step(`rerun ended: ${rerun.data?.importJob?.status}`);
      expect(rerun.data?.importJob, rerun.message ?? '').toMatchObject({ status: 'DONE', progress: 1 });

      const [stored] = await db.executor.query(
        'UNWIND $ids AS id OPTIONAL MATCH (e:Enterprise {id: id}) RETURN collect([id, e.name]) AS names',
        { ids: [...acked.keys()] },
      );
      const lost = (stored.names as [string, string | null][]).filter(([id, name]) => acked.get(id) !== name);
      expect(lost).toEqual([]);
      expect(await duplicates(db.executor)).toEqual({ ids: 0, usccs: 0, rels: 0, proposals: 0 });
      const trail = await expectTrailAgrees(auditFile);
      console.log(
        `crash server figures: ${JSON.stringify({ curationTried: tried, upsertsAcked: acked.size, lostAcked: lost.length, firmsAtKill, interruptedMessage: interrupted.data?.importJob?.message, ...trail })}`,
      );
    } finally {
      running = false;
      await first.stop();
      await second?.stop();
    }
  });

  it('seed CLI killed mid registry import: the rerun completes, nothing duplicated, the trail agrees', {
    timeout: 180_000,
  }, async () => {
    await freshGraph();
    const auditFile = join(mkdtempSync(join(tmpdir(), 'kg-crash-cli-')), 'audit.jsonl');
    const env = {
      NEO4J_URI: db.settings.uri,
      NEO4J_USER: db.settings.user,
      NEO4J_PASSWORD: db.settings.password,
      KG_AUDIT_FILE: auditFile,
      KG_REGISTRY_BATCH_ROWS: BATCH_ROWS,
    };
    const cli = spawnTsx(['seed/cli.ts', 'registry', REGISTRY_DEV_FILE], env);
    let output = '';
    cli.stdout!.on('data', (chunk) => (output += chunk));
    cli.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => cli.on('close', resolve));
    let jobId = '';
    await waitFor(
      'the first registry batch committed',
      async () => {
        const [row] = await db.executor.query(
          `MATCH (j:ImportJob {kind: 'REGISTRY', status: 'RUNNING'}) WHERE EXISTS { MATCH (:Enterprise {jobId: j.id}) }
         RETURN j.id AS id`,
        );
        jobId = row ? String(row.id) : '';
        return !!row;
      },
      120_000,
    );
    const firmsAtKill = await firmsOfJob(jobId);
    cli.kill('SIGKILL');
    expect(await exited, output).toBeNull(); // killed, not finished
    expect(await jobState(jobId)).toBe('RUNNING'); // the kill left it as it was: the rerun does not depend on it

    const rerun = await runTsx(['seed/cli.ts', 'registry', REGISTRY_DEV_FILE], env, 150_000);
    expect(rerun.code, `${rerun.stdout}\n${rerun.stderr}`).toBe(0);
    const [done] = await db.executor.query(
      "MATCH (j:ImportJob {kind: 'REGISTRY', status: 'DONE'}) RETURN count(j) AS n, collect(j.message)[0] AS message",
    );
    expect(Number(done.n)).toBe(1);
    // The rerun found the killed run's firms (unchanged or updated, never created twice).
    const [firms] = await db.executor.query(
      'MATCH (e:Enterprise) WHERE e.uscc IS NOT NULL RETURN count(e) AS all, count(DISTINCT e.uscc) AS codes',
    );
    expect(Number(firms.all)).toBe(Number(firms.codes));
    expect(await duplicates(db.executor)).toEqual({ ids: 0, usccs: 0, rels: 0, proposals: 0 });
    const trail = await expectTrailAgrees(auditFile);
    console.log(
      `crash cli figures: ${JSON.stringify({ firmsAtKill, registryFirms: Number(firms.all), rerunMessage: done.message, rerunSeconds: (rerun.ms / 1000).toFixed(1), ...trail })}`,
    );
  });
});
