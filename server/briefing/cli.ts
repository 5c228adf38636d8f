// npm run briefing -- --chain chain:opto [--as-of D] [--since D] [--lang zh|en] --format pdf|docx
//   --out FILE [--role analyst]: one briefing written to a file. Public by default, so targets appear
// only when asked. PDF starts this product's server on a free local port for Chromium to print from.
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDriver, ensureDatabase, verifyDriver } from '../../graph/connection.js';
import { GraphError } from '../../graph/errors.js';
import { createExecutor } from '../../graph/executor.js';
import { projectRoot } from '../../graph/runtime/instance-config.js';
import { createApp } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import type { BriefingScope } from './model.js';
import { BriefingUnavailable } from './pdf.js';
import { BriefingService } from './service.js';

const USAGE = `npm run briefing -- (--chain ID | --leader ID | --district ID) --format pdf|docx --out FILE
  [--as-of YYYY-MM-DD] [--since YYYY-MM-DD] [--lang zh|en] [--role public|analyst|editor|admin]`;

class UsageError extends Error {}

const WEB_ROOT = join(projectRoot, 'web/dist');

function isoDate(value: string | undefined, flag: string): string | null {
  if (value === undefined) return null;
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw new UsageError(`${flag} needs a real date YYYY-MM-DD (got ${value})`);
  return value;
}

export function parseBriefingArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      chain: { type: 'string' },
      leader: { type: 'string' },
      district: { type: 'string' },
      'as-of': { type: 'string' },
      since: { type: 'string' },
      lang: { type: 'string', default: 'zh' },
      format: { type: 'string' },
      out: { type: 'string' },
      role: { type: 'string', default: 'public' },
    },
  });
  const scopes = (['chain', 'leader', 'district'] as const).filter((k) => values[k]);
  if (scopes.length !== 1) throw new UsageError('give exactly one of --chain, --leader, --district');
  const scope: BriefingScope = { kind: scopes[0], id: String(values[scopes[0]]) };
  if (values.format !== 'pdf' && values.format !== 'docx') throw new UsageError('--format is pdf or docx');
  if (!values.out) throw new UsageError('--out FILE is needed');
  if (values.lang !== 'zh' && values.lang !== 'en') throw new UsageError('--lang is zh or en');
  if (!['public', 'analyst', 'editor', 'admin'].includes(values.role))
    throw new UsageError('--role is public, analyst, editor or admin');
  const asOf = isoDate(values['as-of'], '--as-of');
  const since = isoDate(values.since, '--since');
  if (asOf && since && since > asOf) throw new UsageError('--since must not be after --as-of');
  return {
    scope,
    asOf,
    since,
    lang: values.lang as 'zh' | 'en',
    format: values.format as 'pdf' | 'docx',
    out: values.out,
    canSeeTargets: values.role !== 'public',
  };
}

async function main(argv: string[]): Promise<number> {
  const args = parseBriefingArgs(argv);
  const config = loadConfig();
  const settings = await ensureDatabase(undefined, (line) => console.error(line));
  const driver = createDriver(settings);
  const server = createServer();
  try {
    await verifyDriver(driver, settings);
    const executor = createExecutor(driver, { database: settings.database, timeoutMs: config.dbTimeoutMs });
    let printBaseUrl = '';
    if (args.format === 'pdf') {
      if (!existsSync(join(WEB_ROOT, 'index.html')))
        throw new UsageError('PDF is printed from the web page: build it first (npm run build:web)');
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      printBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
    const service = new BriefingService({
      executor,
      chromium: config.chromium,
      gapThresholds: config.gapThresholds,
      printBaseUrl,
    });
    // PDF: this process serves the web page and the print model to Chromium
    if (printBaseUrl) server.on('request', createApp({ executor, config, webRoot: WEB_ROOT, briefings: service }));
    const started = performance.now();
    const model = await service.model(args);
    const file = await service.render(model, args.format);
    writeFileSync(args.out, file.bytes);
    console.error(
      `Wrote ${args.out} (${file.bytes.length} bytes, ${model.notes.length} endnotes) in ${Math.round(performance.now() - started)} ms.`,
    );
    return 0;
  } finally {
    server.close();
    await driver.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\nUsage: ${USAGE}`);
    else if (error instanceof GraphError || error instanceof ConfigError || error instanceof BriefingUnavailable)
      console.error(`Error: ${error.message}`);
    else console.error(error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
