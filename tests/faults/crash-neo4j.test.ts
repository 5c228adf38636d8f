// kill -9 of Neo4j (the test instance's JVM) while curation writes, CSV imports (both through a real
// server process) and a registry import (the seed CLI) run: after restart every write the API
// acknowledged is there, nothing is half-written, the registry rerun completes without duplicates, and the
// audit trail (both processes appended to it) agrees with the graph once its pending entries are resolved
// by looking (graph/audit-resolve.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureSchema } from '../../graph/schema.js';
import { validateAndLoad } from '../../seed/load/load.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';
import { ask, duplicates, killNeo4j, REGISTRY_DEV_FILE, TOKENS_ENV, trailAgainstGraph, waitFor } from './lib/crash.js';
import { runTsx, spawnTsx, startServerProcess, testDb } from './lib/processes.js';

const db = useTestDb();
const auditFile = join(mkdtempSync(join(tmpdir(), 'kg-crash-neo4j-')), 'audit.jsonl');
const neo4jEnv = () => ({
  NEO4J_URI: db.settings.uri,
  NEO4J_USER: db.settings.user,
  NEO4J_PASSWORD: db.settings.password,
  KG_AUDIT_FILE: auditFile,
});
const UPSERT = 'mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }';
const LINK = 'mutation($input: SegmentLinkInput!) { linkEnterpriseToSegment(input: $input) { id } }';
const IMPORT =
  'mutation($csv: String, $f: String) { importCsv(csv: $csv, fileName: $f) { importRunId errors { message } } }';
const HEADER =
  'id,name,nameEn,aliases,uscc,local,tags,district,segment,role,outputYuan,source,sourceTitle,quote,confidence,status';
const csvFirms = (k: number) => [0, 1, 2].map((j) => `ent:crash-csv-${k}-${j}`);
const csvOf = (k: number) =>
  [
    HEADER,
    ...csvFirms(k).map((id, j) => `${id},崩溃导入${k}-${j},,,,true,,,,,,source:s1,,光电信息产业,low,unverified`),
  ].join('\n');

describe.runIf(!db.settings.external)('kill -9 of Neo4j under writes', () => {
  it('keeps every acknowledged write, half-writes nothing, and the trail agrees with the graph', {
    timeout: 900_000,
  }, async () => {
    await emptyDatabase(db.executor);
    await ensureSchema(db.executor);
    await validateAndLoad(db.executor, undefined, { log: () => {} });
    const [{ segment }] = await db.executor.query('MATCH (s:Segment) RETURN s.id AS segment ORDER BY s.id LIMIT 1');
    const server = await startServerProcess(db.settings, { KG_TOKENS: TOKENS_ENV, KG_AUDIT_FILE: auditFile });
    const acked = { upserts: new Map<string, string>(), links: [] as string[], imports: new Set<number>() };
    const tried = { curation: 0, imports: 0 };
    let running = true;
    try {
      const curation = async (c: number) => {
        for (let n = 0; running; n++) {
          const id = `ent:crash-c${c}-n${n}`;
          const name = `崩溃测试${c}-${n}`;
          tried.curation++;
          const input = { id, name, local: true, sources: ['source:s1'], quote: '光电信息产业' };
          const up = await ask(server.url, UPSERT, { input });
          if (up.status === 200 && !up.code) acked.upserts.set(id, name);
          else continue;
          const shared = await ask(server.url, UPSERT, { input: { ...input, id: 'ent:crash-shared', name } });
          if (shared.status === 200 && !shared.code) tried.curation++;
          const link = await ask(server.url, LINK, {
            input: { enterpriseId: id, segmentId: segment, sources: ['source:s1'], quote: '光电信息产业' },
          });
          if (link.status === 200 && !link.code) acked.links.push(id);
        }
      };
      const imports = async () => {
        for (let k = 0; running; k++) {
          tried.imports++;
          const r = await ask(server.url, IMPORT, { csv: csvOf(k), f: `crash-${k}.csv` });
          if (r.status === 200 && !r.code && r.data?.importCsv?.importRunId) acked.imports.add(k);
        }
      };
      const writers = [...Array.from({ length: 4 }, (_, c) => curation(c)), imports()];
      const registry = spawnTsx(['seed/cli.ts', 'registry', REGISTRY_DEV_FILE], neo4jEnv());
      let registryOutput = '';
      registry.stdout!.on('data', (chunk) => (registryOutput += chunk));
      registry.stderr!.on('data', (chunk) => (registryOutput += chunk));
      const registryExit = new Promise<number | null>((resolve) => registry.on('close', resolve));

      // Kill once the registry job runs and the API has acknowledged writes of both kinds.
      await waitFor('a running registry job and acknowledged writes', async () => {
        const [job] = await db.executor.query("MATCH (j:ImportJob {status: 'RUNNING'}) RETURN count(j) AS n");
        return Number(job.n) > 0 && acked.upserts.size >= 3 && acked.imports.size >= 1;
      });
      const killedAt = Date.now();
      const pid = await killNeo4j();
      const hang = new Promise<'hang'>((resolve) => setTimeout(() => resolve('hang'), 150_000).unref());
      const registryCode = await Promise.race([registryExit, hang]);
      if (registryCode === 'hang') registry.kill('SIGKILL');
      running = false;
      await Promise.all(writers);
      console.log(
        `crash neo4j: killed pid ${pid}; registry CLI exited ${registryCode} ${((Date.now() - killedAt) / 1000).toFixed(1)} s later`,
      );
      expect(registryCode, `the registry CLI hung after the kill:\n${registryOutput}`).not.toBe('hang');

      const restartStarted = Date.now();
      await testDb('start');
      await waitFor('the server answering again', async () => (await ask(server.url, '{ __typename }')).status === 200);
      const restartSeconds = (Date.now() - restartStarted) / 1000;

      // Every acknowledged write is there.
      const [stored] = await db.executor.query(
        `UNWIND $ids AS id OPTIONAL MATCH (e:Enterprise {id: id})
         RETURN collect([id, e.name]) AS names`,
        { ids: [...acked.upserts.keys()] },
      );
      const lost = (stored.names as [string, string | null][]).filter(([id, name]) => acked.upserts.get(id) !== name);
      expect(lost).toEqual([]);
      const [linked] = await db.executor.query(
        'UNWIND $ids AS id MATCH (:Enterprise {id: id})-[:IN_SEGMENT]->(:Segment {id: $segment}) RETURN count(*) AS n',
        { ids: acked.links, segment },
      );
      expect(Number(linked.n)).toBe(acked.links.length);
      // Each CSV import is all there or not at all; acknowledged ones are all there.
      const importsState = await db.executor.query(
        `UNWIND range(0, $tried - 1) AS k
         OPTIONAL MATCH (e:Enterprise) WHERE e.id STARTS WITH 'ent:crash-csv-' + toString(k) + '-'
         RETURN k, count(e) AS firms ORDER BY k`,
        { tried: tried.imports },
      );
      const halfWritten = importsState.filter((r) => Number(r.firms) !== 0 && Number(r.firms) !== 3);
      expect(halfWritten).toEqual([]);
      const missingImports = importsState.filter((r) => acked.imports.has(Number(r.k)) && Number(r.firms) !== 3);
      expect(missingImports).toEqual([]);

      // The registry import reruns to its end and files nothing twice.
      const rerun = await runTsx(['seed/cli.ts', 'registry', REGISTRY_DEV_FILE], neo4jEnv());
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(await duplicates(db.executor)).toEqual({ ids: 0, usccs: 0, rels: 0, proposals: 0 });

      const { resolution, check, unreadableLines } = await trailAgainstGraph(auditFile, db.executor);
      console.log(
        `crash neo4j figures: ${JSON.stringify({
          curationTried: tried.curation,
          upsertsAcked: acked.upserts.size,
          linksAcked: acked.links.length,
          csvImportsTried: tried.imports,
          csvImportsAcked: acked.imports.size,
          lostAcked: lost.length,
          halfWritten: halfWritten.length,
          restartSeconds,
          pendingResolved: resolution,
          versionedEntriesChecked: check.entries,
          lostUpdates: check.lostUpdates.length,
          chainBreaks: check.chainBreaks.length,
          headMismatches: check.headMismatches.length,
          unauditedFacts: check.unauditedFacts.length,
        })}`,
      );
      expect(check.lostUpdates).toEqual([]);
      expect(check.chainBreaks).toEqual([]);
      expect(check.headMismatches).toEqual([]);
      expect(check.unauditedFacts).toEqual([]);
      expect(resolution.undetermined).toBe(0);
      expect(unreadableLines).toBe(0);
    } finally {
      running = false;
      await server.stop();
    }
  });
});
