// Shared set-up of the hostile-file suites: the Changchun data, the app on real ports (default file
// limits; a low upload limit, a short read budget and a small reader heap on their own servers), and
// refused(), which measures one case, keeps its figures and checks the common bounds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { projectRoot } from '../../../graph/runtime/instance-config.js';
import { createApp } from '../../../server/app.js';
import { DEFAULT_FILE_LIMITS } from '../../../seed/file-limits.js';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../../seed/load/load.js';
import { emptyDatabase, useTestDb } from '../../helpers/neo4j.js';
import { testConfig } from '../../server/helpers.js';
import { extractFile, importFile, listen, type Measured, measure, type Refusal } from './hostile-harness.js';

export const UPLOAD_LIMIT = 20_000_000;
export const SLOW_BUDGET_MS = 3000;
export const TIGHT_HEAP_MB = 96;
export const ONE_READER = 1;
/** Timeout of each case (the bounds checked are tighter). */
export const T = 120_000;

type Server = Awaited<ReturnType<typeof listen>>;

export function hostileSuite(label: string) {
  const db = useTestDb();
  const servers = {} as { main: Server; slow: Server; tight: Server; single: Server };
  const results: Measured[] = [];

  beforeAll(async () => {
    await emptyDatabase(db.executor);
    await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
    const app = (env: Record<string, string>) =>
      createApp({ executor: db.executor, config: testConfig(env), webRoot: '/nonexistent-web-root' });
    // Default file limits; only the upload limit lowered so the oversized uploads stay quick to send.
    servers.main = await listen(app({ KG_MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT) }));
    servers.slow = await listen(app({ KG_READ_TIMEOUT_MS: String(SLOW_BUDGET_MS) }));
    servers.tight = await listen(app({ KG_READ_MAX_HEAP_MB: String(TIGHT_HEAP_MB) }));
    servers.single = await listen(app({ KG_MAX_READERS: String(ONE_READER) }));
  }, 300_000);

  afterAll(async () => {
    for (const server of Object.values(servers)) await server?.close();
    const lines = results.map(
      (r) =>
        `| ${r.name} | ${r.ms} | ${r.peakRssDeltaMb} | ${r.maxRssGrowthMb} | ${r.cheapQueries} (slowest ${r.cheapMaxMs} ms, longest gap ${r.cheapMaxGapMs} ms, ${r.cheapFailures} failed) | ${r.status} ${r.code ?? ''} | ${r.message.slice(0, 140).replace(/\|/g, '/')} |`,
    );
    console.log(
      `hostile files (${label}): ${results.length} cases\n| case | ms to refuse | peak RSS Δ MB | maxRSS growth MB | cheap queries meanwhile | status | message |\n|---|---|---|---|---|---|---|\n${lines.join('\n')}`,
    );
    mkdirSync(join(projectRoot, 'test-artifacts'), { recursive: true });
    writeFileSync(join(projectRoot, `test-artifacts/hostile-files-${label}.json`), JSON.stringify(results, null, 1));
  });

  /** Runs one case on a server, keeps its figures and checks the common bounds. */
  async function refused(name: string, run: () => Promise<Refusal>, expected: RegExp, base?: string, maxMs = 30_000) {
    const r = await measure(name, base ?? servers.main.url, run);
    results.push(r);
    expect(r.message).toMatch(expected);
    expect(r.status).toBeLessThan(500);
    expect(r.ms).toBeLessThan(maxMs);
    // A reader process loading pdfjs costs a few hundred MB by itself; its heap is capped (KG_READ_MAX_HEAP_MB).
    expect(r.peakRssDeltaMb).toBeLessThan(DEFAULT_FILE_LIMITS.readHeapMb);
    expect(r.cheapFailures).toBe(0);
    expect(r.cheapMaxMs).toBeLessThan(5000);
    expect(r.cheapMaxGapMs).toBeLessThan(5000);
    return r;
  }

  return {
    db,
    servers,
    refused,
    viaExtract: (name: string, file: Uint8Array, fileName: string, expected: RegExp) =>
      refused(name, () => extractFile(servers.main.url, file, fileName), expected),
    viaImport: (name: string, file: Uint8Array, fileName: string, expected: RegExp) =>
      refused(name, () => importFile(servers.main.url, file, fileName), expected),
  };
}
