// "Who is responsible" for one chain: each post (sponsor, owner, coordinator) with its citation and
// the holder on the briefing's date from responsibility(at); where no source dates a holder on that
// day, that is said, with the latest holder a source shows (if any) and its citation.
import type { ManagedTransaction } from 'neo4j-driver';
import type { RelWithEnds } from '../../graph/queries/common.js';
import { responsibility } from '../../graph/queries/responsibility.js';
import type { NodeRow } from '../../graph/slice.js';
import type { Block, Sentence } from './model.js';
import type { Endnotes } from './notes.js';
import type { WORDS } from './wording.js';

const ROLE_ORDER = ['OWNER_OF', 'PATRON_OF', 'COORDINATES'];

/** The day a holding was last shown: its latest observedOn, else validFrom/validTo. */
function lastDay(h: RelWithEnds): string {
  const observed = (h.props.observedOn as string[] | undefined) ?? [];
  const days = [...observed, h.props.validTo as string, h.props.validFrom as string].filter(Boolean).sort();
  return days[days.length - 1] ?? '';
}

export const postName = (leader: NodeRow) => String(leader.title ?? leader.name ?? leader.id);

export async function responsibleBlocks(
  tx: ManagedTransaction,
  chainId: string,
  asOf: string,
  canSeeTargets: boolean,
  notes: Endnotes,
  w: (typeof WORDS)['zh'],
): Promise<Block[]> {
  const onDate = await responsibility(tx, chainId, { at: asOf, canSeeTargets });
  const ever = await responsibility(tx, chainId, { at: null, canSeeTargets });
  const rows = onDate
    .filter((r) => ROLE_ORDER.includes(r.role.type))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role.type) - ROLE_ORDER.indexOf(b.role.type));
  if (!rows.length) return [{ kind: 'warning', text: w.noLeaders }];
  const blocks: Block[] = [];
  for (const row of rows) {
    const sentences: Sentence[] = [
      {
        text: w.post(w.role[row.role.type], postName(row.leader), String(row.via.name ?? row.via.id)),
        notes: notes.cite(row.role.props),
      },
    ];
    const holders = row.holdings.filter((h) => h.start._labels.includes('Person'));
    if (holders.length) {
      sentences.push({
        text: w.holderOn(asOf, holders.map((h) => String(h.start.name ?? h.start.id)).join('、')),
        notes: holders.flatMap((h) => notes.cite(h.props)),
      });
    } else {
      sentences.push({ text: w.noHolderOn(asOf), notes: [] });
      const known = ever
        .find((r) => r.leader.id === row.leader.id && r.role.type === row.role.type)
        ?.holdings.filter((h) => h.start._labels.includes('Person') && (lastDay(h) === '' || lastDay(h) <= asOf))
        .sort((a, b) => lastDay(b).localeCompare(lastDay(a)))[0];
      if (known)
        sentences.push({
          text: w.lastSeen(String(known.start.name ?? known.start.id), lastDay(known) || w.undated),
          notes: notes.cite(known.props),
        });
    }
    blocks.push({ kind: 'para', sentences });
  }
  return blocks;
}
