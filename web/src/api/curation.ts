// Curation operations: who the caller is, proposals and their review, sources, and CSV import.
import { gql } from './client.js';
import { CITATION_FIELDS } from './fragments.js';
import type {
  ImportCsvMutation,
  ImportCsvMutationVariables,
  ImportKind,
  ProposalInput,
  ProposalsQuery,
  ProposalsQueryVariables,
  ProposeFactMutation,
  ProposeFactMutationVariables,
  ReviewDecision,
  ReviewProposalMutation,
  ReviewProposalMutationVariables,
  SourceInput,
  UpsertSourceMutation,
  UpsertSourceMutationVariables,
  ViewerQuery,
} from './generated.js';

const VIEWER_QUERY = /* GraphQL */ `
  query Viewer {
    viewer { role name publicRead canSeeTargets canCurate canReview }
  }
`;

const PROPOSAL_FIELDS = /* GraphQL */ `
  fragment ProposalFields on Proposal {
    id
    status
    kind
    target
    fact
    confidence
    comment
    proposedAt
    proposedBy
    reviewedAt
    reviewedBy
    reviewComment
    citations { ...CitationFields }
  }
`;

const PROPOSALS_QUERY = /* GraphQL */ `
  query Proposals($status: String, $first: Int) {
    proposals(status: $status, first: $first) { ...ProposalFields }
  }
  ${PROPOSAL_FIELDS}
  ${CITATION_FIELDS}
`;

const PROPOSE_FACT_MUTATION = /* GraphQL */ `
  mutation ProposeFact($input: ProposalInput!) {
    proposeFact(input: $input) { ...ProposalFields }
  }
  ${PROPOSAL_FIELDS}
  ${CITATION_FIELDS}
`;

const REVIEW_PROPOSAL_MUTATION = /* GraphQL */ `
  mutation ReviewProposal($id: ID!, $decision: ReviewDecision!, $comment: String) {
    reviewProposal(id: $id, decision: $decision, comment: $comment) { ...ProposalFields }
  }
  ${PROPOSAL_FIELDS}
  ${CITATION_FIELDS}
`;

const UPSERT_SOURCE_MUTATION = /* GraphQL */ `
  mutation UpsertSource($input: SourceInput!) {
    upsertSource(input: $input) { id name url }
  }
`;

const IMPORT_CSV_MUTATION = /* GraphQL */ `
  mutation ImportCsv($base64: String!, $kind: ImportKind, $fileName: String) {
    importCsv(base64: $base64, kind: $kind, fileName: $fileName) {
      kind
      encoding
      rows
      nodesWritten
      relationshipsWritten
      importRunId
      errors { file row column record message }
    }
  }
`;

export const fetchViewer = (token?: string | null) =>
  gql<ViewerQuery>(VIEWER_QUERY, undefined, token === undefined ? {} : { token });
export const fetchProposals = (status: string, first = 50) =>
  gql<ProposalsQuery, ProposalsQueryVariables>(PROPOSALS_QUERY, { status, first });
export const proposeFact = (input: ProposalInput) =>
  gql<ProposeFactMutation, ProposeFactMutationVariables>(PROPOSE_FACT_MUTATION, { input });
export const reviewProposal = (id: string, decision: ReviewDecision, comment?: string) =>
  gql<ReviewProposalMutation, ReviewProposalMutationVariables>(REVIEW_PROPOSAL_MUTATION, {
    id,
    decision,
    comment: comment || null,
  });
export const upsertSource = (input: SourceInput) =>
  gql<UpsertSourceMutation, UpsertSourceMutationVariables>(UPSERT_SOURCE_MUTATION, { input });
/** Sends the file's bytes (base64) so that the server detects GBK/GB18030/Big5 as well as UTF-8. */
export const importCsv = (base64: string, kind: ImportKind | null, fileName: string) =>
  gql<ImportCsvMutation, ImportCsvMutationVariables>(IMPORT_CSV_MUTATION, { base64, kind, fileName });
