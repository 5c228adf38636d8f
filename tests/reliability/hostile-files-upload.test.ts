// Hostile uploads and CSVs over a real port: past KG_MAX_UPLOAD_BYTES with Content-Length, chunked and
// with a lying Content-Length; registry CSVs a million columns wide or with one 5 MB / 100 MB line, and
// an importCsv header of 200,000 columns. Each refused with a message naming the limit.
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReader } from '../../server/jobs/run-reader.js';
import { DEFAULT_FILE_LIMITS } from '../../seed/file-limits.js';
import { registryContext } from '../../seed/registry/cli-registry.js';
import { DEFAULT_PLACEMENT } from '../../seed/registry/config.js';
import { TOKENS } from '../server/helpers.js';
import { rawPost } from './lib/hostile-harness.js';
import { hostileSuite, T, UPLOAD_LIMIT } from './lib/hostile-suite.js';

const { db, servers, refused, viaImport } = hostileSuite('upload-csv');

const multipart = { 'content-type': 'multipart/form-data; boundary=hostile' };
const MB = Buffer.alloc(1 << 20, 'a');

describe(`uploads past KG_MAX_UPLOAD_BYTES (${UPLOAD_LIMIT} here)`, () => {
  it(
    'declared by Content-Length: refused before the body is read',
    () =>
      refused(
        'upload with Content-Length past the limit',
        () => rawPost(servers.main.url, { ...multipart, 'content-length': String(UPLOAD_LIMIT + 1) }, async () => {}),
        /larger than 20000000 bytes \(KG_MAX_UPLOAD_BYTES\)/,
      ),
    T,
  );
  it(
    'chunked, without Content-Length: refused once the limit is passed',
    async () => {
      const r = await refused(
        'chunked upload past the limit',
        () =>
          rawPost(servers.main.url, { ...multipart, 'transfer-encoding': 'chunked' }, async (write) => {
            for (let i = 0; i < 3 * (UPLOAD_LIMIT >> 20); i++)
              if (
                !(await write(Buffer.concat([Buffer.from(`${MB.length.toString(16)}\r\n`), MB, Buffer.from('\r\n')])))
              )
                return;
          }),
        /larger than 20000000 bytes \(KG_MAX_UPLOAD_BYTES\)/,
      );
      expect(r.status).toBe(413);
    },
    T,
  );
  it(
    'a lying Content-Length (1 kB declared, 40 MB sent): only the declared bytes are read',
    async () => {
      const r = await refused(
        'multipart with a lying Content-Length',
        () =>
          rawPost(servers.main.url, { ...multipart, 'content-length': '1000' }, async (write) => {
            for (let i = 0; i < 40; i++) if (!(await write(MB))) return;
          }),
        /not a valid HTTP request.*Content-Length/,
      );
      expect(r.status).toBe(400);
      // The server stopped reading at the first bytes past the declared length, not after 40 MB.
      expect(r.sent).toBeLessThan(40 << 20);
    },
    T,
  );
});

describe('hostile CSV (registry)', () => {
  it(
    'a million columns',
    () =>
      viaImport(
        'CSV with 1,000,000 columns',
        Buffer.from(`名称,统一社会信用代码${','.repeat(1_000_000)}\n`),
        'firms.csv',
        /1000002 cells; the limit is 1000 columns \(KG_MAX_CSV_COLUMNS/,
      ),
    T,
  );
  it(
    '200,000 columns through importCsv (the API CSV import)',
    () =>
      refused(
        'importCsv with 200,000 columns',
        async () => {
          const csv = `名称,统一社会信用代码${','.repeat(200_000)}\n长春测试企业,\n`;
          const r = await fetch(`${servers.main.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.editor}` },
            body: JSON.stringify({
              query: 'mutation($csv: String) { importCsv(csv: $csv) { nodesWritten errors { message } } }',
              variables: { csv },
            }),
          });
          const body = (await r.json()) as {
            data?: { importCsv: { nodesWritten: number; errors: { message: string }[] } };
          };
          expect(body.data?.importCsv.nodesWritten).toBe(0);
          return {
            status: r.status,
            code: 'errors',
            message: body.data?.importCsv.errors[0]?.message ?? JSON.stringify(body),
          };
        },
        /the header has 200002 columns; the limit is 1000 \(KG_MAX_CSV_COLUMNS/,
      ),
    T,
  );
  it(
    'a 5 MB line through the upload',
    () =>
      viaImport(
        'CSV with one 5 MB line (upload)',
        Buffer.alloc(5_000_000, '长'),
        'firms.csv',
        /longer than 1000000 characters; the limit is KG_MAX_LINE_CHARS/,
      ),
    T,
  );
  it(
    'a single 100 MB line through the registry reader process (the file a job or the CLI reads)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kg-hostile-'));
      const path = join(dir, 'firms.csv');
      const out = createWriteStream(path);
      for (let i = 0; i < 100; i++) if (!out.write(MB)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      await new Promise((ok) => out.end(ok));
      const ctx = await registryContext(db.executor, 'program:cc-10plus3');
      await refused(
        'CSV with one 100 MB line (reader process)',
        async () => {
          const url = new URL('../../server/jobs/registry-worker-entry.mjs', import.meta.url);
          const request = { path, limits: DEFAULT_PLACEMENT, ctx, fileLimits: DEFAULT_FILE_LIMITS };
          const error = await runReader(url, request, DEFAULT_FILE_LIMITS, 'the registry file').then(
            () => new Error('read without a refusal'),
            (e: Error) => e,
          );
          return { status: 0, code: (error as { code?: string }).code, message: error.message };
        },
        /KG_MAX_LINE_CHARS/,
      );
    },
    T,
  );
});
