// Goals of one chain: each target with its citation, the latest sourced observation on or before the
// briefing's date (an undated one is shown as undated, never hidden), progress and days left counted
// from that date; a plain warning where a goal has no observation.
import type { ManagedTransaction } from 'neo4j-driver';
import { displayValue } from '../../graph/analysis/goal-explain.js';
import { goalsInTx } from '../../graph/analysis/goals.js';
import type { NodeRow } from '../../graph/slice.js';
import type { Block, Sentence } from './model.js';
import type { Endnotes } from './notes.js';
import type { WORDS } from './wording.js';

// Money is stored in 元 and shown in its display unit (亿元…), as the goals view does.
const valueText = (value: unknown, unit: unknown) =>
  typeof value === 'number'
    ? displayValue(value, unit ? String(unit) : null)
    : `${String(value)}${unit ? String(unit) : ''}`;

/** The newest observation known on `asOf`: dated ones up to that day first, undated ones after. */
export function observationOn(observations: NodeRow[], asOf: string): NodeRow | null {
  const dated = observations.filter((o) => typeof o.asOf === 'string' && (o.asOf as string).slice(0, 10) <= asOf);
  dated.sort((a, b) => String(b.asOf).localeCompare(String(a.asOf)));
  return dated[0] ?? observations.find((o) => !o.asOf) ?? null;
}

export async function goalBlocks(
  tx: ManagedTransaction,
  chainId: string,
  asOf: string,
  notes: Endnotes,
  w: (typeof WORDS)['zh'],
): Promise<Block[]> {
  const goals = await goalsInTx(tx, [chainId], { today: asOf });
  if (!goals.length) return [{ kind: 'warning', text: w.noGoals }];
  const blocks: Block[] = [];
  for (const g of goals) {
    const name = String(g.goal.name ?? g.metric);
    const target = g.targetValue === null ? w.undated : valueText(g.targetValue, g.unit);
    const sentences: Sentence[] = [{ text: w.goal(name, target, g.deadline), notes: notes.cite(g.goal) }];
    const obs = observationOn(g.observations, asOf);
    if (obs) {
      sentences.push({
        text: w.observation(valueText(obs.value, obs.unit ?? g.unit), (obs.asOf as string) ?? w.undated),
        notes: notes.cite(obs),
      });
      if (g.targetValue && typeof obs.value === 'number')
        sentences.push({ text: w.progress((100 * obs.value) / g.targetValue), notes: [] });
    }
    if (g.daysLeft !== null) sentences.push({ text: w.daysLeft(g.daysLeft), notes: [] });
    blocks.push({ kind: 'para', sentences });
    if (!obs)
      blocks.push({
        kind: 'warning',
        text: w.noObservation(name) + (g.graphCount !== null ? w.graphCount(g.graphCount) : ''),
      });
  }
  return blocks;
}
