// Operations of registry imports (ingestion-contract.md section 3): importRegistry as a multipart upload,
// the job's report paged with its cursor, the segments the report names (with their chain), undo of a
// job, and a person's verdict on one machine placement.
import { gql, gqlUpload } from './client.js';
import type {
  ImportRegistryMutation,
  RegistryReportQuery,
  RegistryReportQueryVariables,
  ReviewPlacementMutation,
  ReviewPlacementMutationVariables,
  SegmentChainsQuery,
  SegmentChainsQueryVariables,
  UndoImportJobMutation,
  UndoImportJobMutationVariables,
} from './generated.js';

export const IMPORT_REGISTRY_MUTATION = /* GraphQL */ `
  mutation ImportRegistry($file: File!, $programId: ID, $dryRun: Boolean) {
    importRegistry(file: $file, programId: $programId, dryRun: $dryRun) {
      id kind status progress message startedAt finishedAt sourceId programId
      counts { facts proposals skipped reproposed }
    }
  }
`;

export const REGISTRY_REPORT_QUERY = /* GraphQL */ `
  query RegistryReport($id: ID!, $first: Int, $after: String) {
    importJob(id: $id) {
      id kind status
      report(first: $first, after: $after) {
        totalCount hasMore endCursor
        rows {
          row sheetRow name uscc enterpriseId action registrationStatus
          district { id how }
          placements { segmentId score written because quote }
          problems
        }
      }
    }
  }
`;

export const SEGMENT_CHAINS_QUERY = /* GraphQL */ `
  query SegmentChains($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Segment { id name nameEn level chain { id name nameEn } }
    }
  }
`;

export const UNDO_IMPORT_JOB_MUTATION = /* GraphQL */ `
  mutation UndoImportJob($id: ID!) {
    undoImportJob(id: $id) { proposals relationships enterprises sources job { id status message } }
  }
`;

export const REVIEW_PLACEMENT_MUTATION = /* GraphQL */ `
  mutation ReviewPlacement($enterpriseId: ID!, $segmentId: ID!, $decision: String!) {
    reviewPlacement(enterpriseId: $enterpriseId, segmentId: $segmentId, decision: $decision) {
      enterpriseId segmentId status
    }
  }
`;

export type ReportPage = NonNullable<NonNullable<RegistryReportQuery['importJob']>['report']>;
export type ReportRow = ReportPage['rows'][number];
export type SegmentInfo = Extract<SegmentChainsQuery['nodes'][number], { id: string }>;
export type UndoResult = UndoImportJobMutation['undoImportJob'];

export const importRegistry = (file: File, programId: string | null, dryRun: boolean) =>
  gqlUpload<ImportRegistryMutation>(IMPORT_REGISTRY_MUTATION, { programId, dryRun }, file);

export const fetchReportPage = (id: string, first: number, after: string | null, signal?: AbortSignal) =>
  gql<RegistryReportQuery, RegistryReportQueryVariables>(REGISTRY_REPORT_QUERY, { id, first, after }, { signal });

export const fetchSegmentChains = (ids: string[], signal?: AbortSignal) =>
  gql<SegmentChainsQuery, SegmentChainsQueryVariables>(SEGMENT_CHAINS_QUERY, { ids }, { signal });

export const undoImportJob = (id: string) =>
  gql<UndoImportJobMutation, UndoImportJobMutationVariables>(UNDO_IMPORT_JOB_MUTATION, { id });

export const reviewPlacement = (enterpriseId: string, segmentId: string, decision: 'confirmed' | 'rejected') =>
  gql<ReviewPlacementMutation, ReviewPlacementMutationVariables>(REVIEW_PLACEMENT_MUTATION, {
    enterpriseId,
    segmentId,
    decision,
  });
