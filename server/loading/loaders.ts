// The batched loaders of the read path, by name. Each collects what the resolvers of one tick ask for
// (batch.ts) and answers it with one read transaction: relation fields and citations no root field
// prefetched, Chain.goals, and a nested responsibility(at) nobody prefetched.
import type { GoalProgressValue } from '../resolvers/analysis-values.js';
import { batchStore } from './batch.js';
import type { EntityRecord, ResponsibilityValue } from './records.js';

/** One nested responsibility(at) asked of one value: whose (id) and on which date (at). */
export interface ResponsibilityAsk {
  id: string;
  at: string | null;
}

export const loaders = {
  relation: batchStore<EntityRecord, void>(),
  citations: batchStore<object, void>(),
  chainGoals: batchStore<EntityRecord, Map<string, GoalProgressValue[]>>(),
  responsibility: batchStore<ResponsibilityAsk, Map<string, ResponsibilityValue[]>>(),
};

export const responsibilityKey = (ask: ResponsibilityAsk) => `${ask.id}@${ask.at ?? ''}`;
