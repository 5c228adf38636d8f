// Resolver map of the whole schema, one file per domain. Analysis resolvers (gaps, targets, goals…)
// are added by server/resolvers/analysis.ts.
import type { Resolvers } from '../generated/graphql.js';
import { analysisQuery, analysisTypes } from './analysis.js';
import { briefingMutation, briefingQuery } from './briefing.js';
import { changesQuery, FactChange, retireMutation } from './changes.js';
import { curationQuery, Mutation, Proposal } from './curation.js';
import { cypherQuery } from './cypher.js';
import { importMutation } from './import.js';
import { layoutQuery } from './layout.js';
import { ingestionMutation, ingestionQuery } from './ingestion.js';
import { ImportJob, programRegion, proposalReviewFields, sourceText } from './ingestion-fields.js';
import * as entities from './entities.js';
import * as facts from './facts.js';
import { Query } from './query.js';
import { importJobReport, registryMutation } from './registry.js';
import { DateScalar, JSONScalar } from './scalars.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  JSON: JSONScalar,
  Query: {
    ...Query,
    ...cypherQuery,
    ...curationQuery,
    ...analysisQuery,
    ...ingestionQuery,
    ...briefingQuery,
    ...changesQuery,
    ...layoutQuery,
  },
  Mutation: {
    ...Mutation,
    ...importMutation,
    ...ingestionMutation,
    ...registryMutation,
    ...briefingMutation,
    ...retireMutation,
  },
  FactChange,
  Proposal: { ...Proposal, ...proposalReviewFields },
  ImportJob: { ...ImportJob, ...importJobReport },
  ...entities,
  Program: { ...entities.Program, ...programRegion },
  Source: { ...entities.Source, ...sourceText },
  ...facts,
  ...analysisTypes,
};
