// Operations of document ingestion and the review queue (ingestion-contract.md sections 0-2): programs,
// ingestDocument as a multipart upload, job polling, the paged queue, a source's stored text, and review.
import { gql, gqlUpload } from './client.js';
import type {
  ImportJobQuery,
  ImportJobQueryVariables,
  IngestDocumentMutation,
  IngestDocumentMutationVariables,
  ProgramListQuery,
  ProposalFilter,
  ProposalQueueQuery,
  ProposalQueueQueryVariables,
  ReviewDecision,
  ReviewProposalsMutation,
  ReviewProposalsMutationVariables,
  SourceTextQuery,
  SourceTextQueryVariables,
} from './generated.js';

const PROGRAM_LIST_QUERY = /* GraphQL */ `
  query ProgramList {
    programs { id name nameEn region { id name nameEn } }
  }
`;

const JOB_FIELDS = /* GraphQL */ `
  fragment JobFields on ImportJob {
    id kind status progress message startedAt finishedAt sourceId programId
    counts { facts proposals skipped reproposed }
  }
`;

// Spelled out field by field so that the multipart map can point at the top-level variable `file`.
const INGEST_DOCUMENT_MUTATION = /* GraphQL */ `
  mutation IngestDocument(
    $title: String!
    $text: String
    $file: File
    $url: String
    $publisher: String
    $publishedOn: Date
    $programId: ID
    $force: Boolean
  ) {
    ingestDocument(
      document: {
        title: $title
        text: $text
        file: $file
        url: $url
        publisher: $publisher
        publishedOn: $publishedOn
        programId: $programId
        force: $force
      }
    ) {
      alreadyIngested
      source { id name }
      job { ...JobFields }
    }
  }
  ${JOB_FIELDS}
`;

const IMPORT_JOB_QUERY = /* GraphQL */ `
  query ImportJob($id: ID!) {
    importJob(id: $id) { ...JobFields }
  }
  ${JOB_FIELDS}
`;

const PROPOSAL_QUEUE_QUERY = /* GraphQL */ `
  query ProposalQueue($filter: ProposalFilter, $first: Int, $after: String) {
    proposalQueue(filter: $filter, first: $first, after: $after) {
      totalCount
      hasMore
      endCursor
      nodes {
        id status kind target fact confidence programId sourceId jobId quote start end rule score dependsOn edits
        reviewComment proposedBy proposedAt reviewedBy reviewedAt
        earlierRejection { proposalId rejectedAt sourceName comment }
      }
    }
  }
`;

const SOURCE_TEXT_QUERY = /* GraphQL */ `
  query SourceText($id: ID!) {
    node(id: $id) { id name ... on Source { text url publisher } }
  }
`;

const REVIEW_PROPOSALS_MUTATION = /* GraphQL */ `
  mutation ReviewProposals($ids: [ID!], $filter: ProposalFilter, $decision: ReviewDecision!, $edits: JSON) {
    reviewProposals(ids: $ids, filter: $filter, decision: $decision, edits: $edits) {
      id error proposal { id status }
    }
  }
`;

export type Job = NonNullable<ImportJobQuery['importJob']>;
export type QueueItem = ProposalQueueQuery['proposalQueue']['nodes'][number];

export const fetchPrograms = () => gql<ProgramListQuery>(PROGRAM_LIST_QUERY);

/** Sends the document: a file as a GraphQL multipart request, pasted text as JSON. */
export function ingestDocument(document: Omit<IngestDocumentMutationVariables, 'file'>, file: File | null) {
  if (file) return gqlUpload<IngestDocumentMutation>(INGEST_DOCUMENT_MUTATION, document, file);
  return gql<IngestDocumentMutation, IngestDocumentMutationVariables>(INGEST_DOCUMENT_MUTATION, document);
}

export const fetchJob = (id: string, signal?: AbortSignal) =>
  gql<ImportJobQuery, ImportJobQueryVariables>(IMPORT_JOB_QUERY, { id }, { signal });
export const fetchQueue = (filter: ProposalFilter, first: number, after: string | null, signal?: AbortSignal) =>
  gql<ProposalQueueQuery, ProposalQueueQueryVariables>(PROPOSAL_QUEUE_QUERY, { filter, first, after }, { signal });
export const fetchSourceText = (id: string, signal?: AbortSignal) =>
  gql<SourceTextQuery, SourceTextQueryVariables>(SOURCE_TEXT_QUERY, { id }, { signal });
export const reviewMany = (
  target: { ids: string[] } | { filter: ProposalFilter },
  decision: ReviewDecision,
  edits?: Record<string, unknown>,
) =>
  gql<ReviewProposalsMutation, ReviewProposalsMutationVariables>(REVIEW_PROPOSALS_MUTATION, {
    ...target,
    decision,
    edits: edits ?? null,
  });
