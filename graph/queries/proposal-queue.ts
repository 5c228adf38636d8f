// The review queue: proposals matching a filter, newest first, paged by a keyset cursor (proposedAt,
// id) so that proposals filed while a reviewer pages do not shift the pages; totalCount from the same
// filter. Every filter value is a parameter; an absent one matches everything.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { badInput } from '../errors.js';
import { runRows } from '../executor.js';
import { type ProposalRow, toProposal } from './proposals.js';

export interface ProposalFilterInput {
  status?: string | null;
  programId?: string | null;
  jobId?: string | null;
  sourceId?: string | null;
  labelOrType?: string | null;
  chainId?: string | null;
  segmentId?: string | null;
  minScore?: number | null;
  maxScore?: number | null;
  reproposed?: boolean | null;
}

export interface ProposalPage {
  rows: { cursor: string; proposal: ProposalRow }[];
  endCursor: string | null;
  hasMore: boolean;
  totalCount: number;
}

const WHERE = `($status IS NULL OR p.status = $status)
  AND ($programId IS NULL OR p.programId = $programId)
  AND ($jobId IS NULL OR p.jobId = $jobId)
  AND ($sourceId IS NULL OR p.sourceId = $sourceId OR $sourceId IN p.sources)
  AND ($labelOrType IS NULL OR p.labelOrType = $labelOrType)
  AND ($chainId IS NULL OR $chainId IN p.ends)
  AND ($segmentId IS NULL OR $segmentId IN p.ends)
  AND ($minScore IS NULL OR p.score >= $minScore)
  AND ($maxScore IS NULL OR p.score <= $maxScore)
  AND ($reproposed IS NULL OR (p.earlierRejection IS NOT NULL) = $reproposed)`;

function filterParams(filter: ProposalFilterInput | null | undefined): Record<string, unknown> {
  const f = filter ?? {};
  return {
    status: f.status ?? null,
    programId: f.programId ?? null,
    jobId: f.jobId ?? null,
    sourceId: f.sourceId ?? null,
    labelOrType: f.labelOrType ?? null,
    chainId: f.chainId ?? null,
    segmentId: f.segmentId ?? null,
    minScore: f.minScore ?? null,
    maxScore: f.maxScore ?? null,
    reproposed: f.reproposed ?? null,
  };
}

const encode = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

function decode(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return value as [string, string];
  } catch {
    // fall through to the error below
  }
  throw badInput('after is not a cursor of this queue: pass the endCursor of the previous page.');
}

export async function listProposalPage(
  tx: ManagedTransaction,
  filter: ProposalFilterInput | null | undefined,
  first: number,
  after: string | null | undefined,
): Promise<ProposalPage> {
  const params = filterParams(filter);
  const [afterAt, afterId] = after ? decode(after) : [null, null];
  const rows = await runRows(
    tx,
    `MATCH (p:Proposal) WHERE ${WHERE}
       AND ($afterAt IS NULL OR p.proposedAt < datetime($afterAt) OR (p.proposedAt = datetime($afterAt) AND p.id > $afterId))
     RETURN properties(p) AS props, toString(p.proposedAt) AS at ORDER BY p.proposedAt DESC, p.id LIMIT $limit`,
    { ...params, afterAt, afterId, limit: neo4j.int(first + 1) },
  );
  const [count] = await runRows(tx, `MATCH (p:Proposal) WHERE ${WHERE} RETURN count(p) AS n`, params);
  const page = rows.slice(0, first).map((r) => ({
    cursor: encode(String(r.at), String((r.props as Record<string, unknown>).id)),
    proposal: toProposal(r.props as Record<string, unknown>),
  }));
  return {
    rows: page,
    endCursor: rows.length > first ? (page.at(-1)?.cursor ?? null) : null,
    hasMore: rows.length > first,
    totalCount: Number(count.n),
  };
}

/** Ids of the proposals matching a filter (at most `cap`), for reviewProposals(filter). */
export async function proposalIdsMatching(
  tx: ManagedTransaction,
  filter: ProposalFilterInput,
  cap: number,
): Promise<string[]> {
  const rows = await runRows(
    tx,
    `MATCH (p:Proposal) WHERE ${WHERE} RETURN p.id AS id ORDER BY p.proposedAt DESC, p.id LIMIT $limit`,
    { ...filterParams(filter), limit: neo4j.int(cap + 1) },
  );
  if (rows.length > cap)
    throw badInput(`The filter matches more than ${cap} proposals; narrow it (by job, program or score) and repeat.`);
  return rows.map((r) => String(r.id));
}
