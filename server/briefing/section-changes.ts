// "What changed since": the facts the graph learned in [since, asOf] for the briefing's scope, read
// through the same `changes` query as the API (graph/queries/changes.ts), each sentence citing the
// fact's own sources. Who made a change is admin-only in the API, so a briefing never names them.
import type { ManagedTransaction } from 'neo4j-driver';
import { type ChangeRow, type ChangeScope, readChanges } from '../../graph/queries/changes.js';
import type { Block, BriefingScope } from './model.js';
import type { Endnotes } from './notes.js';
import type { WORDS } from './wording.js';

/** At most this many changes are listed; the rest are counted (a briefing summarises). */
const CHANGES_CAP = 40;

function changeScope(scope: BriefingScope): ChangeScope {
  if (scope.kind === 'chain') return { chainId: scope.id };
  if (scope.kind === 'leader') return { leaderId: scope.id };
  return { districtId: scope.id };
}

/** The Asia/Shanghai day of a change's ISO date-time (it carries the +08:00 offset). */
const dayOf = (row: ChangeRow) => row.at.slice(0, 10);

export async function changeBlocks(
  tx: ManagedTransaction,
  scope: BriefingScope,
  since: string,
  until: string,
  notes: Endnotes,
  w: (typeof WORDS)['zh'],
): Promise<Block[]> {
  if (until < since) return [{ kind: 'warning', text: w.changesBackwards(since, until) }];
  const { rows, truncated } = await readChanges(tx, { since, until, scope: changeScope(scope), first: CHANGES_CAP });
  if (!rows.length) return [{ kind: 'para', sentences: [{ text: w.changesEmpty(since, until), notes: [] }] }];
  const blocks: Block[] = [
    {
      kind: 'para',
      sentences: rows.map((row) => ({
        text: w.changeLine(w.changeWhat(row.kind, row.labelOrType, row.name || row.target), dayOf(row)),
        notes: notes.cite(row.props),
      })),
    },
  ];
  if (truncated) blocks.push({ kind: 'para', sentences: [{ text: w.changesMore(CHANGES_CAP), notes: [] }] });
  return blocks;
}
