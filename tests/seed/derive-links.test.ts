// Links derived before filing (no database): `of` → GOAL_OF / DESCRIBES, HOLDS dated by the document.
import { describe, expect, it } from 'vitest';
import { deriveLinks } from '../../seed/ingest/derive-links.js';
import type { ExtractedFact } from '../../seed/ingest/engine.js';

const base = { quote: 'q', start: 0, end: 1, score: 0.7, rule: 'r' };
const chain = { id: 'chain:x-1', existing: false, label: 'Chain', name: '白酒' };
const goal: ExtractedFact = {
  ...base,
  kind: 'NODE',
  label: 'Goal',
  node: { id: 'goal:x-1', existing: false, label: 'Goal', name: '产值' },
  properties: { metric: '产值', targetValue: 1e11, of: '白酒' },
};
const person = { id: 'person:x-1', existing: false, label: 'Person', name: '张三' };
const post = { id: 'leader:x-1', existing: false, label: 'Leader', name: '市长' };
const holds: ExtractedFact = { ...base, kind: 'RELATIONSHIP', type: 'HOLDS', from: person, to: post, properties: {} };
const chainFact: ExtractedFact = { ...base, kind: 'NODE', label: 'Chain', node: chain, properties: {} };

describe('deriveLinks', () => {
  it('turns a goal of a named chain into GOAL_OF and drops `of` from the goal', () => {
    const { facts, warnings } = deriveLinks([chainFact, goal], null);
    expect(warnings).toEqual([]);
    expect(facts[1].properties).toEqual({ metric: '产值', targetValue: 1e11 });
    expect(facts[2]).toMatchObject({ kind: 'RELATIONSHIP', type: 'GOAL_OF', from: goal.node, to: chain });
  });

  it('keeps a goal whose owner is not named in the document, saying so', () => {
    const { facts, warnings } = deriveLinks([goal], null);
    expect(facts).toHaveLength(1);
    expect(warnings[0]).toMatch(/no chain, program or district named 白酒/);
  });

  it('dates HOLDS by publishedOn, and files no undated HOLDS', () => {
    expect(deriveLinks([holds], '2025-02-08').facts[0].properties).toEqual({ observedOn: ['2025-02-08'] });
    const undated = deriveLinks([holds], null);
    expect(undated.facts).toEqual([]);
    expect(undated.warnings[0]).toMatch(/give publishedOn/);
  });
});
