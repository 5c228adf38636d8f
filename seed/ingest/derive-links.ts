// Facts the contract derives from others before filing: a Goal's or Observation's `properties.of` (the
// name of what it belongs to) becomes a GOAL_OF / DESCRIBES relationship to that node, and HOLDS is
// dated by the document (observedOn its publishedOn); a HOLDS with no date at all is not filed.
import type { ExtractedFact, ExtractedRef } from './engine.js';

const OWNER_LABELS = ['Chain', 'Segment', 'Program', 'District'];

export function deriveLinks(
  facts: ExtractedFact[],
  publishedOn: string | null | undefined,
): { facts: ExtractedFact[]; warnings: string[] } {
  const warnings: string[] = [];
  const refs = facts.flatMap((f) => [f.node, f.from, f.to]).filter((r): r is ExtractedRef => !!r);
  const byName = (name: string) =>
    OWNER_LABELS.map((label) => refs.find((r) => r.label === label && r.name === name)).find(Boolean);
  const out: ExtractedFact[] = [];
  for (const fact of facts) {
    const owned = fact.kind === 'NODE' && (fact.label === 'Goal' || fact.label === 'Observation') && fact.node;
    if (owned && typeof fact.properties.of === 'string') {
      const { of, ...properties } = fact.properties;
      out.push({ ...fact, properties });
      const owner = byName(of as string);
      if (owner)
        out.push({
          ...fact,
          kind: 'RELATIONSHIP',
          label: null,
          node: null,
          type: fact.label === 'Goal' ? 'GOAL_OF' : 'DESCRIBES',
          from: fact.node!,
          to: owner,
          properties: {},
        });
      else
        warnings.push(`${fact.label} "${fact.node!.name}": no chain, program or district named ${of} to attach it to.`);
      continue;
    }
    if (fact.kind === 'RELATIONSHIP' && fact.type === 'HOLDS' && fact.properties.observedOn === undefined) {
      if (!publishedOn) {
        warnings.push(
          `Not filed: ${fact.from?.name} in ${fact.to?.name} (HOLDS is dated by the document: give publishedOn).`,
        );
        continue;
      }
      out.push({ ...fact, properties: { ...fact.properties, observedOn: [publishedOn] } });
      continue;
    }
    out.push(fact);
  }
  return { facts: out, warnings };
}
