// The operational record of a user import (label ImportRun, not a domain label): who imported which
// file, when, in what encoding, and what it wrote. Written in the import's own transaction.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';

export interface ImportRunRecord {
  id: string;
  actor: string;
  kind: string;
  fileName: string;
  encoding: string;
  rows: number;
  nodesWritten: number;
  relationshipsWritten: number;
}

export async function recordImportRunTx(tx: ManagedTransaction, run: ImportRunRecord): Promise<void> {
  await tx.run(
    `CREATE (r:ImportRun)
     SET r = $run, r.at = datetime()`,
    { run: { ...run, rows: neo4j.int(run.rows), nodesWritten: neo4j.int(run.nodesWritten), relationshipsWritten: neo4j.int(run.relationshipsWritten) } },
  );
}
