// Collects facts as the rules find them: one NODE fact per (label, name) — the first mention's words —
// and one RELATIONSHIP fact per (type, from, to); a later, surer rule raises the score.
import type { RefResolver } from './refs.js';
import type { Span } from './text.js';
import type { ExtractedFact, ExtractedRef } from './types.js';

export class Collector {
  readonly facts: ExtractedFact[] = [];
  private readonly nodes = new Map<string, { ref: ExtractedRef; fact: ExtractedFact }>();
  private readonly rels = new Map<string, ExtractedFact>();

  constructor(readonly refs: RefResolver) {}

  node(
    label: string,
    name: string,
    span: Span,
    rule: string,
    score: number,
    properties: Record<string, unknown> = {},
    key?: string,
  ): ExtractedRef {
    const mapKey = `${label}|${key ?? name}`;
    const known = this.nodes.get(mapKey);
    if (known) {
      if (score > known.fact.score) Object.assign(known.fact, { score, rule });
      for (const [k, v] of Object.entries(properties))
        if (known.fact.properties[k] === undefined) known.fact.properties[k] = v;
      return known.ref;
    }
    const ref = this.refs.ref(label, name, key ?? name);
    this.add(mapKey, ref, name, span, rule, score, properties);
    return ref;
  }

  /** A node whose reference is already known (the program a document is about). */
  fixedNode(
    ref: ExtractedRef,
    span: Span,
    rule: string,
    score: number,
    properties: Record<string, unknown> = {},
  ): void {
    const mapKey = `${ref.label}|${ref.id}`;
    if (!this.nodes.has(mapKey)) this.add(mapKey, ref, ref.name, span, rule, score, properties);
  }

  private add(
    mapKey: string,
    ref: ExtractedRef,
    name: string,
    span: Span,
    rule: string,
    score: number,
    properties: Record<string, unknown>,
  ): void {
    const fact: ExtractedFact = {
      kind: 'NODE',
      label: ref.label,
      node: ref,
      properties: { name, ...properties },
      quote: span.text,
      start: span.start,
      end: span.end,
      score,
      rule,
    };
    this.nodes.set(mapKey, { ref, fact });
    this.facts.push(fact);
  }

  hasNode(label: string, name: string): ExtractedRef | null {
    return this.nodes.get(`${label}|${name}`)?.ref ?? null;
  }

  nodesOf(label: string): ExtractedRef[] {
    return [...this.nodes.values()].filter((n) => n.ref.label === label).map((n) => n.ref);
  }

  /** Ids of the nodes that relationships of a type point to so far. */
  targetsOf(type: string): Set<string> {
    return new Set([...this.rels.values()].filter((f) => f.type === type).map((f) => f.to!.id));
  }

  rel(
    type: string,
    from: ExtractedRef,
    to: ExtractedRef,
    span: Span,
    rule: string,
    score: number,
    properties: Record<string, unknown> = {},
  ): void {
    if (from.id === to.id) return;
    const key = `${type}|${from.id}|${to.id}`;
    const known = this.rels.get(key);
    if (known) {
      if (score > known.score) Object.assign(known, { score, rule });
      return;
    }
    const fact: ExtractedFact = {
      kind: 'RELATIONSHIP',
      type,
      from,
      to,
      properties,
      quote: span.text,
      start: span.start,
      end: span.end,
      score,
      rule,
    };
    this.rels.set(key, fact);
    this.facts.push(fact);
  }
}
