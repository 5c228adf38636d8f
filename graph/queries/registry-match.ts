// What registry matching reads from and writes to the graph: every firm's code and names, the
// "same firm?" decisions people made, and new "same firm?" proposals (a NODE proposal that adds the
// registry name, and the code when the firm has none, to the graph firm; confirming it links them).
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';
import type { Change } from './curation.js';
import { createProposal } from './proposals.js';

export const SAME_FIRM_RULE = 'same firm?';

export interface FirmNames {
  id: string;
  name: string;
  uscc: string | null;
  aliases: string[];
  formerNames: string[];
}

export async function loadFirmNames(tx: ManagedTransaction): Promise<FirmNames[]> {
  const rows = await runRows(
    tx,
    `MATCH (e:Enterprise)
     RETURN e.id AS id, coalesce(e.name, '') AS name, e.uscc AS uscc,
            coalesce(e.aliases, []) AS aliases, coalesce(e.formerNames, []) AS formerNames`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    uscc: r.uscc ? String(r.uscc) : null,
    aliases: (r.aliases as string[]).map(String),
    formerNames: (r.formerNames as string[]).map(String),
  }));
}

/** Every "same firm?" proposal: the graph firm, the registry name (its quote) and its status. */
export async function loadSameFirmProposals(
  tx: ManagedTransaction,
): Promise<{ enterpriseId: string; rowName: string; status: string }[]> {
  const rows = await runRows(
    tx,
    'MATCH (p:Proposal {rule: $rule}) RETURN p.target AS target, p.quote AS quote, p.status AS status',
    { rule: SAME_FIRM_RULE },
  );
  return rows.map((r) => ({ enterpriseId: String(r.target), rowName: String(r.quote), status: String(r.status) }));
}

export interface SameFirmProposal {
  enterpriseId: string;
  graphName: string;
  graphAliases: string[];
  graphHasCode: boolean;
  rowName: string;
  rowCode: string;
  row: number;
  reason: string;
}

export async function proposeSameFirm(
  tx: ManagedTransaction,
  q: SameFirmProposal,
  meta: { sourceId: string; jobId: string; programId: string | null },
): Promise<Change> {
  const properties: Record<string, unknown> = { aliases: [...new Set([...q.graphAliases, q.rowName])] };
  // Only a 统一社会信用代码 becomes the firm's uscc; an old 15-digit 注册号 stays on the registry row.
  if (!q.graphHasCode && /^[0-9A-Z]{18}$/.test(q.rowCode)) properties.uscc = q.rowCode;
  const { change } = await createProposal(
    tx,
    {
      node: { id: q.enterpriseId, properties },
      sources: [meta.sourceId],
      quote: q.rowName,
      confidence: 'low',
      comment: `same firm? registry row ${q.row} ${q.rowName}${q.rowCode ? ` (${q.rowCode})` : ''} and graph firm ${q.graphName}: ${q.reason}. Confirm: the registry name becomes an alias and the next import updates this firm; reject: the next import creates a new firm.`,
    },
    { ...meta, rule: SAME_FIRM_RULE },
  );
  return change;
}
