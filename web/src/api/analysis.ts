// Operations of the analyses: gaps of a chain with their evidence, ranked targets for a segment, goal
// progress, and the investment-promotion pipeline (analyst role for targets).
import { gql } from './client.js';
import { currentAsOf } from './as-of.js';
import { currentProgram } from './program-scope.js';
import { CITATION_FIELDS, SLICE_FIELDS } from './fragments.js';
import type {
  ChainComparisonQuery,
  ChainComparisonQueryVariables,
  ChainSummaryQuery,
  ChainSummaryQueryVariables,
  GapsQuery,
  GapsQueryVariables,
  GoalsQuery,
  GoalsQueryVariables,
  PipelineQuery,
  PipelineQueryVariables,
  RecommendQuery,
  RecommendQueryVariables,
} from './generated.js';

const CHAIN_SUMMARY_QUERY = /* GraphQL */ `
  query ChainSummary($chainId: ID!) {
    gaps(chainId: $chainId) { status segment { id level } }
    goals(chainId: $chainId) { basis progress coverage }
  }
`;

const CHAIN_COMPARISON_QUERY = /* GraphQL */ `
  query ChainComparison($programId: ID) {
    chainComparison(programId: $programId) {
      chain { id enterpriseCount localEnterpriseCount goals { basis progress coverage } }
      segments
      localEnterprises
      gaps { absent singleFirm thin externallyDependent covered }
      goalsTotal
      goalsMet
      goalsSourced
    }
  }
`;

const GAPS_QUERY = /* GraphQL */ `
  query Gaps($chainId: ID!, $machinePlacements: Boolean, $asOf: Date) {
    gaps(chainId: $chainId, machinePlacements: $machinePlacements, asOf: $asOf) {
      status
      localEnterprises
      localConfirmed
      localMachinePlaced
      externalSuppliers
      targetsInPipeline
      explanation
      explanationEn
      segment { id name nameEn level }
      evidence { ...SliceFields }
    }
  }
  ${SLICE_FIELDS}
  ${CITATION_FIELDS}
`;

const RECOMMEND_QUERY = /* GraphQL */ `
  query Recommend($segmentId: ID!, $first: Int) {
    recommendTargets(segmentId: $segmentId, first: $first) {
      score
      enterprise { id name nameEn }
      stage
      reasons { kind weight text textEn path { ...SliceFields } }
    }
  }
  ${SLICE_FIELDS}
  ${CITATION_FIELDS}
`;

const GOALS_QUERY = /* GraphQL */ `
  query Goals($chainId: ID, $programId: ID, $asOf: Date) {
    goals(chainId: $chainId, programId: $programId, asOf: $asOf) {
      goal { id name nameEn }
      metric
      targetValue
      unit
      deadline
      basis
      progress
      coverage
      graphCount
      countRule
      met
      daysLeft
      explanation
      explanationEn
      latest { id value unit asOf citations { ...CitationFields } }
      responsible { relation leader { id name nameEn } }
    }
  }
  ${CITATION_FIELDS}
`;

const PIPELINE_QUERY = /* GraphQL */ `
  query Pipeline($chainId: ID!, $asOf: Date) {
    chain(id: $chainId, asOf: $asOf) {
      id
      targets {
        stage
        stageSince
        enterprise { id name nameEn }
        target { id name nameEn }
        history { stage since }
      }
    }
  }
`;

export const fetchChainComparison = () =>
  gql<ChainComparisonQuery, ChainComparisonQueryVariables>(CHAIN_COMPARISON_QUERY, { programId: currentProgram() });
export const fetchChainSummary = (chainId: string) =>
  gql<ChainSummaryQuery, ChainSummaryQueryVariables>(CHAIN_SUMMARY_QUERY, { chainId });
/** machinePlacements false: only placements people confirmed or curated (no registry classifier ones). */
export const fetchGaps = (chainId: string, machinePlacements = true) =>
  gql<GapsQuery, GapsQueryVariables>(GAPS_QUERY, { chainId, machinePlacements, asOf: currentAsOf() });
export const fetchRecommendations = (segmentId: string, first = 10) =>
  gql<RecommendQuery, RecommendQueryVariables>(RECOMMEND_QUERY, { segmentId, first });
export const fetchGoals = (chainId: string | null) =>
  gql<GoalsQuery, GoalsQueryVariables>(GOALS_QUERY, {
    chainId,
    programId: currentProgram(),
    asOf: currentAsOf(),
  });
export const fetchPipeline = (chainId: string) =>
  gql<PipelineQuery, PipelineQueryVariables>(PIPELINE_QUERY, { chainId, asOf: currentAsOf() });
