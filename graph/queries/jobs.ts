// Import jobs: operational ImportJob nodes (id job:<uuid>) that say what a background import is doing.
// Their status is written in its own small transactions, apart from the job's one write transaction of
// facts, so a failed job records why while the facts it would have written are rolled back.
import neo4j from 'neo4j-driver';
import type { Executor } from '../executor.js';

export type JobKind = 'DOCUMENT' | 'REGISTRY';
export type JobStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface JobCounts {
  facts: number;
  proposals: number;
  skipped: number;
  reproposed: number;
}

export interface ImportJobRow {
  id: string;
  kind: JobKind;
  status: JobStatus;
  progress: number;
  message: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  sourceId: string | null;
  programId: string | null;
  counts: JobCounts;
}

const EMPTY: JobCounts = { facts: 0, proposals: 0, skipped: 0, reproposed: 0 };

export async function createJob(executor: Executor, id: string, kind: JobKind, message: string): Promise<ImportJobRow> {
  const [row] = await executor.mutate(
    `CREATE (j:ImportJob {id: $id, kind: $kind, status: 'QUEUED', progress: 0.0, message: $message,
                         createdAt: datetime(), counts: $counts})
     RETURN properties(j) AS props`,
    { id, kind, message, counts: JSON.stringify(EMPTY) },
  );
  return toJob(row.props as Record<string, unknown>);
}

/** Sets status fields of a job; startedAt / finishedAt follow the status. */
export async function updateJob(
  executor: Executor,
  id: string,
  patch: Partial<Pick<ImportJobRow, 'status' | 'progress' | 'message' | 'sourceId' | 'programId' | 'counts'>>,
): Promise<void> {
  const { counts, ...rest } = patch;
  const props: Record<string, unknown> = { ...rest };
  if (counts) props.counts = JSON.stringify(counts);
  await executor.mutate(
    `MATCH (j:ImportJob {id: $id}) SET j += $props
     FOREACH (_ IN CASE WHEN $props.status = 'RUNNING' AND j.startedAt IS NULL THEN [1] ELSE [] END | SET j.startedAt = datetime())
     FOREACH (_ IN CASE WHEN $props.status IN ['DONE', 'FAILED'] THEN [1] ELSE [] END | SET j.finishedAt = datetime())`,
    { id, props },
  );
}

export async function getJob(executor: Executor, id: string): Promise<ImportJobRow | null> {
  const [row] = await executor.query('MATCH (j:ImportJob {id: $id}) RETURN properties(j) AS props', { id });
  return row ? toJob(row.props as Record<string, unknown>) : null;
}

export async function listJobs(executor: Executor, first: number): Promise<ImportJobRow[]> {
  const rows = await executor.query(
    'MATCH (j:ImportJob) RETURN properties(j) AS props ORDER BY j.createdAt DESC, j.id LIMIT $first',
    { first: neo4j.int(first) },
  );
  return rows.map((r) => toJob(r.props as Record<string, unknown>));
}

/** The earlier job that stored a source (for "already ingested"). */
export async function jobOfSource(executor: Executor, sourceId: string): Promise<ImportJobRow | null> {
  const [row] = await executor.query(
    `MATCH (j:ImportJob {sourceId: $sourceId}) WHERE j.status = 'DONE'
     RETURN properties(j) AS props ORDER BY j.createdAt DESC LIMIT 1`,
    { sourceId },
  );
  return row ? toJob(row.props as Record<string, unknown>) : null;
}

function toJob(props: Record<string, unknown>): ImportJobRow {
  return {
    id: String(props.id),
    kind: props.kind as JobKind,
    status: props.status as JobStatus,
    progress: Number(props.progress ?? 0),
    message: (props.message as string) ?? null,
    startedAt: props.startedAt ? String(props.startedAt) : null,
    finishedAt: props.finishedAt ? String(props.finishedAt) : null,
    sourceId: (props.sourceId as string) ?? null,
    programId: (props.programId as string) ?? null,
    counts: { ...EMPTY, ...JSON.parse(String(props.counts ?? '{}')) },
  };
}

/**
 * At start-up: jobs a stopped server left queued or running. One whose proposals exist committed its
 * one write (only its final status was lost): DONE; otherwise its transaction never committed: FAILED.
 */
export async function settleInterruptedJobs(executor: Executor): Promise<number> {
  // A document is filed in one transaction (its proposals are all there or none); a registry import
  // writes batch by batch, so a stopped one is unfinished whatever it wrote: import the file again.
  const [row] = await executor.mutate(
    `MATCH (j:ImportJob) WHERE j.status IN ['QUEUED', 'RUNNING']
     WITH j, j.kind = 'REGISTRY' AS registry, EXISTS { MATCH (p:Proposal {jobId: j.id}) } AS filed
     WITH j, registry, filed AND NOT registry AS filed,
          EXISTS { MATCH (e:Enterprise {jobId: j.id}) } OR EXISTS { MATCH (p:Proposal {jobId: j.id}) } AS wrote
     SET j.status = CASE WHEN filed THEN 'DONE' ELSE 'FAILED' END, j.finishedAt = datetime(), j.progress = CASE WHEN filed THEN 1.0 ELSE j.progress END,
         j.message = CASE WHEN filed THEN 'Filed; the server stopped before it recorded the counts.'
                     WHEN registry AND wrote THEN 'Interrupted: the server stopped during the import after writing part of the file. Import the same file again: the rerun writes the rest and duplicates nothing (undoImportJob removes this part).'
                     WHEN registry THEN 'Interrupted: the server stopped during the import before writing. Import the file again.'
                     ELSE 'Nothing was written: the server stopped during the job. Ingest the document again.' END
     RETURN count(j) AS settled`,
  );
  return Number(row?.settled ?? 0);
}

/** The Source already holding a document's text (same SHA-256 of the normalised text), if any. */
export async function findSourceByText(executor: Executor, sha256: string): Promise<string | null> {
  const [row] = await executor.query('MATCH (s:Source {sha256: $sha}) RETURN s.id AS id LIMIT 1', { sha: sha256 });
  return row ? String(row.id) : null;
}
