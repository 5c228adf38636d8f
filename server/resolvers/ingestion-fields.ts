// Fields ingestion adds to existing types: the review data of a Proposal, Program.region, the stored
// text of a Source, and the ImportJob values (graph/queries/jobs.ts rows).
import { findNodesByIds } from '../../graph/queries/entities.js';
import type { ImportJobResolvers, ProposalResolvers } from '../generated/graphql.js';
import type { AppContext } from '../context.js';
import { entityRecord, type EntityRecord } from '../loading/records.js';
import { prop } from './entity-fields.js';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

export const proposalReviewFields: Pick<
  ProposalResolvers,
  | 'programId'
  | 'sourceId'
  | 'jobId'
  | 'quote'
  | 'start'
  | 'end'
  | 'rule'
  | 'score'
  | 'dependsOn'
  | 'earlierRejection'
  | 'edits'
> = {
  programId: (p) => str(p.programId),
  sourceId: (p) => str(p.sourceId),
  jobId: (p) => str(p.jobId),
  quote: (p) => str(p.quote),
  start: (p) => num(p.start),
  end: (p) => num(p.end),
  rule: (p) => str(p.rule),
  score: (p) => num(p.score),
  dependsOn: (p) => p.dependsOn ?? [],
  earlierRejection: (p) => (p.earlierRejection as never) ?? null,
  edits: (p) => p.edits ?? null,
};

/** The region District of a program (stored as the property region: a district id). */
async function region(record: EntityRecord, _args: unknown, context: AppContext) {
  const id = record.props.region;
  if (typeof id !== 'string') return null;
  const [node] = await context.executor.read((tx) => findNodesByIds(tx, [id]));
  return node ? entityRecord(node) : null;
}

export const programRegion = { region };
export const sourceText = { text: prop, sha256: prop };

export const ImportJob: ImportJobResolvers = {};
