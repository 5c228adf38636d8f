// Builds the briefing model of a chain, a leader post or a district in ONE read transaction: who is
// responsible, goals, gaps, targets (analysts only), changes since a date, the chain pictures and the
// endnotes. Time: responsibility, goals, gaps and pipeline stages answer for `asOf`; changes are what
// the graph learned between `since` and `asOf`.
import type { Executor } from '../../graph/executor.js';
import type { GapThresholds } from '../../graph/gap-thresholds.js';
import { shanghaiToday } from '../../graph/model-rules.js';
import { readBriefingScope } from '../../graph/queries/briefing-scope.js';
import type { BriefingLang, BriefingModel, BriefingScope, Section } from './model.js';
import { Endnotes } from './notes.js';
import { changeBlocks } from './section-changes.js';
import { chainPicture } from './picture.js';
import { goalBlocks } from './section-goals.js';
import { gapBlocks, readChainGaps, targetBlocks } from './section-gaps.js';
import { postName, responsibleBlocks } from './section-responsible.js';
import { WORDS } from './wording.js';

export interface BriefingRequest {
  scope: BriefingScope;
  /** ISO date; default today in Asia/Shanghai. */
  asOf?: string | null;
  since?: string | null;
  lang?: BriefingLang;
  /** Analyst role and above: the targets section. */
  canSeeTargets: boolean;
  /** The server's gap thresholds (KG_GAP_*); default the analysis defaults. */
  gapThresholds?: GapThresholds;
}

export async function buildBriefing(executor: Executor, request: BriefingRequest): Promise<BriefingModel> {
  const lang = request.lang ?? 'zh';
  const w = WORDS[lang];
  const today = shanghaiToday();
  const asOf = request.asOf ?? today;
  const since = request.since ?? null;
  const withTargets = request.canSeeTargets;
  const notes = new Endnotes();
  return executor.read(async (tx) => {
    const scope = await readBriefingScope(tx, request.scope.kind, request.scope.id);
    const multi = scope.chains.length > 1;
    const sections: Record<string, Section> = {
      responsible: { heading: w.headings.responsible, blocks: [] },
      goals: { heading: w.headings.goals, blocks: [] },
      gaps: { heading: w.headings.gaps, blocks: [] },
      targets: { heading: w.headings.targets, blocks: [] },
      changes: { heading: w.headings.changes, blocks: [] },
    };
    const pictures = [];
    for (const chain of scope.chains) {
      const name = String(chain.name ?? chain.id);
      const head = () => (multi ? [{ kind: 'subheading' as const, text: w.chainHeading(name) }] : []);
      sections.responsible.blocks.push(
        ...head(),
        ...(await responsibleBlocks(tx, chain.id, asOf, withTargets, notes, w)),
      );
      sections.goals.blocks.push(...head(), ...(await goalBlocks(tx, chain.id, asOf, notes, w)));
      const gaps = await readChainGaps(tx, chain.id, withTargets, asOf, request.gapThresholds);
      pictures.push(chainPicture(chain.id, gaps, lang));
      sections.gaps.blocks.push(...head(), { kind: 'picture', chainId: chain.id }, ...gapBlocks(gaps, lang, notes, w));
      if (withTargets) sections.targets.blocks.push(...head(), ...targetBlocks(gaps, notes, w));
    }
    if (since) sections.changes.blocks.push(...(await changeBlocks(tx, request.scope, since, asOf, notes, w)));
    else sections.changes.blocks.push({ kind: 'para', sentences: [{ text: w.changesNone, notes: [] }] });
    const scopeName = scope.kind === 'leader' ? postName(scope.node) : String(scope.node.name ?? scope.node.id);
    const order = ['responsible', 'goals', 'gaps', ...(withTargets ? ['targets'] : []), 'changes'];
    return {
      lang,
      scope: request.scope,
      title: w.title(scopeName),
      program: scope.program ? w.program(String(scope.program.name ?? scope.program.id)) : null,
      dateLine: w.dateLine(asOf, asOf === today),
      asOf,
      since,
      withTargets,
      sections: order.map((k, i) => ({ ...sections[k], heading: w.numbered(i, sections[k].heading) })),
      pictures,
      notes: await notes.resolve(tx),
      labels: { notes: w.notes, undated: w.undated, noQuote: w.noQuote },
    };
  });
}
