// Test stand-in for the extraction engine: an Extraction built from a dev article's gold file (its facts
// with quote positions found in the text), so the job, filing and review path is tested on a real
// article before (and independently of) the extractor. Ids follow the contract: the program's slug.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { sharedDir } from '../../seed/shared-dir.js';
import { sha256Of } from '../../seed/ingest/file-document.js';
import type { ExtractedFact, ExtractedRef, Extraction } from '../../seed/ingest/engine.js';

export { sharedDir };

interface GoldFact {
  kind: 'NODE' | 'RELATIONSHIP';
  label?: string;
  type?: string;
  name?: string;
  from?: string;
  fromLabel?: string;
  to?: string;
  toLabel?: string;
  quote: string;
  [key: string]: unknown;
}

const PREFIX: Record<string, string> = {
  Program: 'program',
  Chain: 'chain',
  Leader: 'leader',
  District: 'district',
  Enterprise: 'ent',
  Policy: 'policy',
  Observation: 'obs',
  Goal: 'goal',
};

/** The article, and an extraction of its gold facts (goals and observations keep `of`, as the extractor gives it). */
export function goldExtraction(stem: string, slug: string, extra: GoldFact[] = []) {
  const dir = join(sharedDir(), 'corpus/documents/dev');
  const text = readFileSync(join(dir, `${stem}.txt`), 'utf8').normalize('NFC');
  const gold = parse(readFileSync(join(dir, `${stem}.gold.yaml`), 'utf8')) as { title: string; facts: GoldFact[] };
  const ids = new Map<string, string>();
  const ref = (label: string, name: string): ExtractedRef => {
    const key = `${label}:${name}`;
    if (!ids.has(key)) ids.set(key, `${PREFIX[label]}:${slug}-${ids.size + 1}`);
    return { id: ids.get(key)!, existing: false, label, name };
  };
  const facts: ExtractedFact[] = [];
  for (const f of [...extra, ...gold.facts]) {
    if (!PREFIX[f.label ?? f.fromLabel ?? '']) continue;
    const start = text.indexOf(f.quote);
    if (start < 0) throw new Error(`gold quote not in text: ${f.quote}`);
    const { kind, label, type, name, from, fromLabel, to, toLabel, quote, ...properties } = f;
    const base = { properties, quote, start, end: start + quote.length, score: 0.8, rule: 'gold (test)' };
    const nodeName =
      name ?? `${String(properties.of)} ${String(properties.metric)} ${String(properties.asOf ?? properties.deadline)}`;
    if (kind === 'NODE') facts.push({ ...base, kind, label, node: ref(label!, `${nodeName}`) });
    else if (PREFIX[toLabel!])
      facts.push({ ...base, kind, type, from: ref(fromLabel!, from!), to: ref(toLabel!, to!) });
  }
  const extraction: Extraction = { text, sha256: sha256Of(text), programId: null, facts, warnings: [] };
  return { title: gold.title, text, extraction, idOf: (label: string, name: string) => ref(label, name).id };
}
