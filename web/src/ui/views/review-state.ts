// The review queue's part of the URL: its status, job and source filters (the ingestion view's link to
// the review sets them; they belong to that link, so a navigation clears them).
import { type Section, text } from '../url-params.js';

export interface ReviewState {
  status: string | null;
  job: string | null;
  source: string | null;
}

export const reviewSection: Section<ReviewState> = { status: text, job: text, source: text };
