// Import of a user's own spreadsheet (enterprises or relationships; templates in seed/templates/):
// decode (UTF-8, UTF-8 BOM, GB18030/GBK, detected), read, resolve names, validate every row, and only
// when nothing is wrong write everything in one transaction, whose audit entry (who, file, encoding,
// counts) reaches the audit store before commit. No HTTP here: the CLI and the GraphQL upload both call it.
import { randomUUID } from 'node:crypto';
import { type Actor, auditedWrite, type AuditLog } from '../../graph/audit-log.js';
import type { Executor } from '../../graph/executor.js';
import {
  findEnterprisesByUscc,
  findNodesById,
  findNodesByName,
  findRelationships,
  findSourceIdsByUrlOrTitle,
  relKey,
} from '../../graph/lookup.js';
import type { Label } from '../../graph/model.js';
import { nodeProps, type NodeRow } from '../../graph/slice.js';
import { writeGraph } from '../../graph/upsert.js';
import { DEFAULT_FILE_LIMITS } from '../file-limits.js';
import { decodeSpreadsheet, type DetectedEncoding } from './csv-decode.js';
import { detectKind, mapHeader, type ImportKind } from './csv-columns.js';
import { readCsv } from './csv-read.js';
import { toGraphWrite, type Dataset } from '../load/dataset.js';
import { mergeNodeProps, mergeRelProps } from './import-merge.js';
import { buildRecords, collectNeeds, toDrafts, type Lookups } from './import-rows.js';
import type { Problem } from '../load/problems.js';
import { validateRecords } from '../load/validate.js';

export interface ImportOptions {
  /** Where the import is recorded (action importCsv); an import that cannot be recorded is not written. */
  auditLog: AuditLog;
  /** Which template the file follows; detected from the header when omitted. */
  kind?: ImportKind;
  /** Who imports: the API token's role and fingerprint, or role cli and a user name. */
  actor?: Actor;
  /** Shown in problems and recorded; default "upload.csv". */
  fileName?: string;
  /** KG_MAX_CSV_COLUMNS: a wider header is refused before its columns are mapped. */
  maxColumns?: number;
}

export interface ImportResult {
  kind: ImportKind | null;
  encoding: DetectedEncoding | null;
  rows: number;
  written: { nodes: number; relationships: number };
  /** Every problem; when there is one, nothing was written. */
  errors: Problem[];
  importRunId: string | null;
}

export async function importCsv(executor: Executor, input: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const file = options.fileName ?? 'upload.csv';
  const { text, encoding } = decodeSpreadsheet(input);
  const table = readCsv(text, file);
  // Before detecting the kind, which reads every header cell.
  const maxColumns = options.maxColumns ?? DEFAULT_FILE_LIMITS.columns;
  if (table.header.length > maxColumns)
    return {
      kind: options.kind ?? null,
      encoding,
      rows: table.rows.length,
      written: { nodes: 0, relationships: 0 },
      importRunId: null,
      errors: [
        {
          file,
          row: 1,
          message: `the header has ${table.header.length} columns; the limit is ${maxColumns} (KG_MAX_CSV_COLUMNS raises it)`,
        },
      ],
    };
  const kind = options.kind ?? detectKind(table.header);
  const result: ImportResult = {
    kind,
    encoding,
    rows: table.rows.length,
    written: { nodes: 0, relationships: 0 },
    errors: [],
    importRunId: null,
  };
  if (table.header.length === 0) return { ...result, errors: table.problems };
  const { keys, problems: headerProblems } = mapHeader(kind, table.header, file);
  const errors: Problem[] = [...table.problems, ...headerProblems];
  if (headerProblems.length) return { ...result, errors };

  const drafts = toDrafts(keys, table.header, table.rows);
  const lookups = await lookUp(executor, kind, drafts);
  const built = buildRecords(kind, drafts, lookups, file);
  const { dataset, problems } = validateRecords(built.records, built.existing);
  errors.push(...built.problems, ...problems);
  if (errors.length) return { ...result, errors: sortByRow(errors) };

  const merged = await mergeWithGraph(executor, dataset);
  const runId = `import:${randomUUID()}`;
  const write = toGraphWrite(merged);
  const record = {
    action: 'importCsv',
    target: file,
    before: null,
    after: {
      importRunId: runId,
      kind,
      fileName: file,
      encoding,
      rows: table.rows.length,
      nodesWritten: write.nodes.length,
      relationshipsWritten: write.relationships.length,
    },
  };
  const actor = options.actor ?? { role: 'cli', fingerprint: 'unknown' };
  const counts = await auditedWrite(options.auditLog, actor, (appendPending) =>
    writeGraph(executor, write, {
      singleTransaction: true,
      common: { importRun: runId },
      writtenBy: runId,
      timeoutMs: 300_000,
      afterWrite: () => appendPending([record]),
    }),
  );
  return { ...result, written: counts, importRunId: runId };
}

async function lookUp(executor: Executor, kind: ImportKind, drafts: ReturnType<typeof toDrafts>): Promise<Lookups> {
  const needs = collectNeeds(kind, drafts);
  return executor.read(
    async (tx) => {
      const byName = new Map<Label, Awaited<ReturnType<typeof findNodesByName>>>();
      for (const [label, names] of needs.names) byName.set(label, await findNodesByName(tx, [label], [...names]));
      const sources = await findSourceIdsByUrlOrTitle(tx, [...needs.urls], [...needs.titles]);
      return {
        byId: await findNodesById(tx, [...needs.ids]),
        byUscc: await findEnterprisesByUscc(tx, [...needs.usccs]),
        byName,
        sourceByUrl: sources.byUrl,
        sourceByTitle: sources.byTitle,
      };
    },
    { timeoutMs: 120_000 },
  );
}

/** The dataset with each record merged into what the graph already holds (see import-merge.ts). */
async function mergeWithGraph(executor: Executor, dataset: Dataset): Promise<Dataset> {
  const { nodes, rels } = await executor.read(
    async (tx) => ({
      nodes: await findNodesById(
        tx,
        dataset.nodes.map((n) => n.id),
      ),
      rels: await findRelationships(tx, dataset.relationships),
    }),
    { timeoutMs: 120_000 },
  );
  return {
    nodes: dataset.nodes.map((n) => ({ ...n, props: mergeNodeProps(existingProps(nodes.get(n.id)), n.props) })),
    relationships: dataset.relationships.map((r) => ({ ...r, props: mergeRelProps(rels.get(relKey(r)), r.props) })),
  };
}

const sortByRow = (problems: Problem[]) => [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

const existingProps = (row: NodeRow | undefined) => (row ? nodeProps(row) : undefined);
