// `importCsv` (editor): the seed pipeline's importCsv (validate every row, then write everything in one
// transaction, recorded in the audit store before commit). The caller is recorded as role and token
// fingerprint, never the token.
import { importCsv } from '../../seed/import/import-csv.js';
import type { MutationResolvers } from '../generated/graphql.js';
import { badUserInput } from '../errors.js';
import { requireRole } from '../plugins/access.js';

export const importMutation: Pick<MutationResolvers, 'importCsv'> = {
  importCsv: async (_, { csv, base64, kind, fileName }, context) => {
    requireRole(context, 'editor', 'importCsv');
    if ((csv == null) === (base64 == null))
      throw badUserInput(
        'Give the spreadsheet either as text (csv) or as base64 bytes (base64), not both and not neither.',
      );
    const bytes = csv != null ? new TextEncoder().encode(csv) : Buffer.from(base64!, 'base64');
    if (!bytes.length) throw badUserInput('The spreadsheet is empty. Start from a template in seed/templates/.');
    const result = await importCsv(context.executor, bytes, {
      kind: kind ? (kind.toLowerCase() as 'enterprises' | 'relationships') : undefined,
      auditLog: context.auditLog,
      actor: context.actor,
      fileName: fileName ?? 'upload.csv',
      maxColumns: context.config.fileLimits.columns,
    });
    return {
      kind: result.kind ? (result.kind.toUpperCase() as 'ENTERPRISES' | 'RELATIONSHIPS') : null,
      encoding: result.encoding,
      rows: result.rows,
      nodesWritten: result.written.nodes,
      relationshipsWritten: result.written.relationships,
      errors: result.errors.map((p) => ({
        file: p.file,
        row: p.row ?? null,
        column: p.column ?? null,
        record: p.record ?? null,
        message: p.message,
      })),
      importRunId: result.importRunId,
    };
  },
};
