// The blind evaluation sets are well formed as the evaluation reads them: loaded through the eval's own
// gold loader, every quote is verbatim in its text and every fact fits the graph model, so a miss they
// report is the extractor's, never a broken annotation.
import { describe, expect, it } from 'vitest';
import { DOMAIN_LABELS, RELATIONSHIPS, REL_TYPES } from '../../graph/model.js';
import { goldDocuments } from '../../seed/extract/eval/corpus.js';

type Fact = Record<string, unknown>;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BLIND_SETS = ['blind2', 'blind4', 'blind5', 'blind6'];

describe.each(BLIND_SETS)('%s gold files', (set) => {
  const docs = goldDocuments().filter((d) => d.set === set);

  it('holds six articles of 1,500-4,000 characters, each titled by its first line', () => {
    expect(docs).toHaveLength(6);
    for (const d of docs) {
      expect(d.text.length, d.file).toBeGreaterThanOrEqual(1500);
      expect(d.text.length, d.file).toBeLessThanOrEqual(4000);
      expect(d.text.split('\n', 1)[0], d.file).toBe(d.title);
      expect(d.publishedOn, d.file).toMatch(DATE);
    }
  });

  for (const d of docs) {
    const facts = d.facts as unknown as Fact[];
    const name = d.file.split('/').pop();
    const nodes = new Map<string, string>();
    for (const f of facts) if (f.kind === 'NODE' && typeof f.name === 'string') nodes.set(f.name, String(f.label));

    it(`${name}: every quote is a substring of the text`, () => {
      expect(facts.length).toBeGreaterThan(0);
      const missing = facts.filter((f) => typeof f.quote !== 'string' || !f.quote || !d.text.includes(f.quote));
      expect(missing).toEqual([]);
    });

    it(`${name}: every fact fits the model and names only annotated nodes`, () => {
      const problems: string[] = [];
      const seen = new Set<string>();
      for (const f of facts) {
        const { quote: _quote, ...key } = f;
        const id = JSON.stringify(key, Object.keys(key).sort());
        if (seen.has(id)) problems.push(`duplicate ${id}`);
        seen.add(id);
        if (f.kind === 'NODE') {
          if (!(DOMAIN_LABELS as readonly string[]).includes(String(f.label))) problems.push(`label ${f.label}`);
          if (f.label === 'Goal' || f.label === 'Observation') {
            const value = f.label === 'Goal' ? f.targetValue : f.value;
            const date = f.label === 'Goal' ? f.deadline : f.asOf;
            if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`value of ${id}`);
            if (typeof date !== 'string' || !DATE.test(date)) problems.push(`date of ${id}`);
            if (typeof f.metric !== 'string' || typeof f.unit !== 'string') problems.push(`metric/unit of ${id}`);
            if (!nodes.has(String(f.of))) problems.push(`of ${f.of} is not annotated`);
          } else if (typeof f.name !== 'string' || !f.name) problems.push(`name of ${id}`);
        } else if (f.kind === 'RELATIONSHIP') {
          const type = String(f.type) as keyof typeof RELATIONSHIPS;
          if (!REL_TYPES.includes(type)) {
            problems.push(`type ${f.type}`);
            continue;
          }
          const ends = RELATIONSHIPS[type] as { from: readonly string[]; to: readonly string[] };
          for (const [end, label, allowed] of [
            [f.from, f.fromLabel, ends.from],
            [f.to, f.toLabel, ends.to],
          ] as const) {
            if (nodes.get(String(end)) !== label) problems.push(`${type}: ${end} is not an annotated ${label}`);
            if (!allowed.includes(String(label))) problems.push(`${type}: ${label} is not an allowed end`);
          }
        } else problems.push(`kind ${f.kind}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
