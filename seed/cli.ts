// `npm run seed [-- command]`: validate and load the shipped dataset, import a spreadsheet, ingest a
// document, generate or remove synthetic data. Uses the same database as the server (NEO4J_URI, else the local instance).
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditLog } from '../graph/audit-log.js';
import { loadSharedSettings, SettingsError } from './settings.js';
import { createDriver, ensureDatabase, verifyDriver } from '../graph/connection.js';
import { GraphError } from '../graph/errors.js';
import { createExecutor, type Executor } from '../graph/executor.js';
import { loadDictionary } from '../graph/queries/dictionary.js';
import { ensureSchema } from '../graph/schema.js';
import type { ImportKind } from './import/csv-columns.js';
import { importCsv } from './import/import-csv.js';
import { extractFile } from './extract/cli-extract.js';
import { ingestFile } from './ingest/cli-ingest.js';
import { SHIPPED_DATA_DIR, validateAndLoad } from './load/load.js';
import { ValidationFailed } from './load/problems.js';
import { ENTERPRISES_PER_CHAIN_MIN } from './synth/synth-plan.js';
import { removeAllSynthetic, runSynth } from './synth/synth-run.js';
import { validateDataDir } from './load/validate.js';
import { runRegistry } from './registry/cli-registry.js';

const USAGE = `Usage: npm run seed [-- <command>]
  (no command)                       validate seed/data, then load it (idempotent)
  validate [--dir DIR]               only validate; exit code 1 when anything is wrong
  load [--dir DIR]                   same as no command, for another folder of YAML files
  import FILE.csv [--kind enterprises|relationships] [--actor NAME]
                                     import a spreadsheet (templates in seed/templates/); all or nothing;
                                     recorded in the audit trail (KG_AUDIT_FILE, as the server)
  synth --enterprises N --seed S [--manifest FILE] [--batch-size B]
                                     generate and load synthetic data (replaces earlier synthetic data)
  synth --remove                     delete everything with synthetic: true
  extract FILE [--json] [--program ID] [--published-on D] [--no-graph]
                                     print the facts a document (txt, html, docx, pdf) states; writes
                                     nothing; --json prints exactly one JSON object (progress on stderr)
  ingest FILE [--title T] [--published-on YYYY-MM-DD] [--url U] [--publisher P] [--program ID] [--force]
                                     read a document (txt, html, docx, pdf) and file its facts as proposals
                                     for review (as the API's ingestDocument); no size limit

  registry FILE [--dry-run] [--report OUT.json] [--program ID]
                                     read a registry export (CSV/XLSX), place firms on segments and write
                                     them as an ImportJob (confident placements, proposals); --dry-run
                                     writes only the report`;

const log = (line: string) => console.log(line);

async function withDatabase<T>(work: (executor: Executor) => Promise<T>, progress = log): Promise<T> {
  const settings = await ensureDatabase(undefined, progress);
  const driver = createDriver(settings, { maxRetryTimeMs: 30_000 });
  try {
    await verifyDriver(driver, settings);
    return await work(createExecutor(driver, { database: settings.database, timeoutMs: 120_000 }));
  } finally {
    await driver.close();
  }
}

function positiveInt(value: string | undefined, flag: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0)
    throw new UsageError(`${flag} needs a whole number (got ${value ?? 'nothing'})`);
  return n;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      kind: { type: 'string' },
      actor: { type: 'string' },
      enterprises: { type: 'string' },
      seed: { type: 'string' },
      manifest: { type: 'string' },
      'batch-size': { type: 'string' },
      remove: { type: 'boolean' },
      title: { type: 'string' },
      'published-on': { type: 'string' },
      url: { type: 'string' },
      publisher: { type: 'string' },
      program: { type: 'string' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
      'no-graph': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command = 'load', ...rest] = positionals;
  if (values.help) {
    log(USAGE);
    return 0;
  }
  const dir = values.dir ? resolve(values.dir) : SHIPPED_DATA_DIR;
  // Parsed once, by the server's parser: a bad value stops here, naming its variable.
  const settings = loadSharedSettings(process.env);
  const auditLog = () => new AuditLog(settings.auditFile);

  switch (command) {
    case 'validate': {
      const { dataset, problems } = validateDataDir(dir);
      if (problems.length) throw new ValidationFailed(problems);
      log(
        `OK: ${dataset.nodes.length} nodes and ${dataset.relationships.length} relationships in ${dir} pass validation.`,
      );
      return 0;
    }
    case 'load':
      await withDatabase((executor) => validateAndLoad(executor, dir, { log }));
      return 0;
    case 'import': {
      const file = rest[0];
      if (!file) throw new UsageError('import needs a file: npm run seed -- import FILE.csv');
      if (values.kind && values.kind !== 'enterprises' && values.kind !== 'relationships')
        throw new UsageError('--kind is enterprises or relationships');
      const bytes = readFileSync(resolve(file));
      const result = await withDatabase(async (executor) => {
        await ensureSchema(executor, log);
        return importCsv(executor, bytes, {
          auditLog: auditLog(),
          kind: values.kind as ImportKind | undefined,
          actor: { role: 'cli', fingerprint: values.actor ?? process.env.USER ?? 'unknown' },
          fileName: basename(file),
          maxColumns: settings.fileLimits.columns,
        });
      });
      log(`Read ${result.rows} rows of ${result.kind ?? 'unknown'} (${result.encoding ?? 'unknown encoding'}).`);
      if (result.errors.length) throw new ValidationFailed(result.errors);
      log(
        `Imported: ${result.written.nodes} nodes and ${result.written.relationships} relationships written (${result.importRunId}).`,
      );
      return 0;
    }
    case 'synth':
      if (values.remove) {
        await withDatabase((executor) => removeAllSynthetic(executor, log));
        return 0;
      }
      {
        // Arguments are checked before the database is started or reached.
        const options = {
          enterprises: positiveInt(values.enterprises, '--enterprises'),
          seed: positiveInt(values.seed ?? '1', '--seed'),
          manifestPath: values.manifest,
          batchSize: values['batch-size'] ? positiveInt(values['batch-size'], '--batch-size') : undefined,
          thresholds: settings.gapThresholds,
          log,
        };
        if (options.enterprises < ENTERPRISES_PER_CHAIN_MIN)
          throw new UsageError(`--enterprises must be at least ${ENTERPRISES_PER_CHAIN_MIN}`);
        await withDatabase((executor) => runSynth(executor, options));
      }
      return 0;
    case 'extract': {
      const file = rest[0];
      if (!file) throw new UsageError('extract needs a file: npm run seed -- extract FILE [--json]');
      const err = (line: string) => console.error(line);
      let dictionary = null;
      if (!values['no-graph']) {
        try {
          dictionary = await withDatabase((executor) => loadDictionary(executor), err);
        } catch (error) {
          err(`(no graph: ${(error as Error).message.split('\n')[0]})`);
        }
      }
      await extractFile(file, {
        json: !!values.json,
        programId: values.program,
        publishedOn: values['published-on'],
        title: values.title,
        dictionary,
        err,
        out: (line) => console.log(line),
      });
      return 0;
    }
    case 'ingest': {
      const file = rest[0];
      if (!file) throw new UsageError('ingest needs a file: npm run seed -- ingest FILE');
      if (values['published-on'] && !/^\d{4}-\d{2}-\d{2}$/.test(values['published-on']))
        throw new UsageError('--published-on is a date YYYY-MM-DD');
      await withDatabase(async (executor) => {
        await ensureSchema(executor, log);
        await ingestFile(executor, file, {
          title: values.title,
          publishedOn: values['published-on'],
          url: values.url,
          publisher: values.publisher,
          programId: values.program,
          force: values.force,
          thresholds: settings.confidence,
          fileLimits: settings.fileLimits,
          audit: {
            log: auditLog(),
            actor: { role: 'cli', fingerprint: values.actor ?? process.env.USER ?? 'unknown' },
          },
          log,
        });
      });
      return 0;
    }
    case 'registry': {
      const file = rest[0];
      if (!file) throw new UsageError('registry needs a file: npm run seed -- registry FILE [--dry-run]');
      await withDatabase(async (executor) => {
        await ensureSchema(executor, log);
        await runRegistry(resolve(file), {
          executor,
          programId: values.program ?? settings.defaultProgram,
          report: values.report,
          log,
          limits: settings.placement,
          fileLimits: settings.fileLimits,
          write: values['dry-run']
            ? undefined
            : {
                confidence: settings.confidence,
                batchSize: settings.registryBatchRows,
                audit: {
                  log: auditLog(),
                  actor: { role: 'cli', fingerprint: values.actor ?? process.env.USER ?? 'unknown' },
                },
              },
        });
      });
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof ValidationFailed) console.error(`\n${error.message}`);
    else if (error instanceof UsageError) console.error(`Error: ${error.message}\n\n${USAGE}`);
    else if (error instanceof GraphError) console.error(`\nError: ${error.message}`);
    else if (error instanceof SettingsError) console.error(`Invalid environment:\n${error.message}`);
    else if (
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
      (error as { code?: string }).code === 'ENOENT'
    )
      console.error(`Error: ${(error as Error).message}\n\n${USAGE}`);
    else console.error(error);
    process.exit(1);
  },
);
