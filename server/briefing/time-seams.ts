// The seams where the briefing meets "the graph over time" (issue #13 part 1, built on another branch).
// Today the graph keeps no createdAt/retiredAt and gaps/targets take no asOf, so these answer for
// *now* and say so (`asOfToday`, `available: false`); the integrator connects them to asOf/changes.
import type { ManagedTransaction } from 'neo4j-driver';
import type { BriefingScope } from './model.js';

/** The date in Asia/Shanghai (the product's dates are Shanghai dates). */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

export interface ChangeItem {
  /** When the graph learned it (ISO date) and a sentence saying what changed. */
  on: string;
  what: string;
  props: Record<string, unknown>;
}

export interface ChangesAnswer {
  /** false: the graph cannot tell changes yet; the briefing says so instead of listing nothing. */
  available: boolean;
  items: ChangeItem[];
}

/** Facts added, confirmed, changed or retired in [since, until] for the scope. SEAM: not recorded yet. */
export async function changesSince(
  _tx: ManagedTransaction,
  _scope: BriefingScope,
  _since: string,
  _until: string,
): Promise<ChangesAnswer> {
  return { available: false, items: [] };
}

/** Whether gaps and pipeline stages can be read as of a past date. SEAM: not yet, they answer for today. */
export const GAPS_READ_AS_OF = false;
