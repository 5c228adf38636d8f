// Endnotes of a briefing: each (source, quote) pair a fact cites gets one number, in order of first
// use; the same pair cited again reuses its number. The sources' titles, publishers and dates are read
// once at the end (findSourcesByIds) so citing stays synchronous while sentences are written.
import type { ManagedTransaction } from 'neo4j-driver';
import { quoteOfSource } from '../../graph/provenance-rules.js';
import { findSourcesByIds } from '../../graph/queries/entities.js';
import type { Endnote } from './model.js';

export class Endnotes {
  private readonly keys = new Map<string, number>();
  private readonly pending: { n: number; sourceId: string; quote: string | null }[] = [];

  /** The endnote numbers of a stored fact's provenance (`sources` with `quotes`/`quote`); [] when it has none. */
  cite(props: Record<string, unknown> | null | undefined): number[] {
    if (!props) return [];
    const sources = Array.isArray(props.sources) ? (props.sources as unknown[]).map(String) : [];
    return sources.map((sourceId, i) => this.number(sourceId, quoteOfSource(props, i)));
  }

  private number(sourceId: string, quote: string | null): number {
    const key = JSON.stringify([sourceId, quote]);
    const known = this.keys.get(key);
    if (known) return known;
    const n = this.pending.length + 1;
    this.keys.set(key, n);
    this.pending.push({ n, sourceId, quote });
    return n;
  }

  /** The numbered endnotes with each source's title, publisher and date. */
  async resolve(tx: ManagedTransaction): Promise<Endnote[]> {
    const sources = await findSourcesByIds(tx, [...new Set(this.pending.map((p) => p.sourceId))]);
    const byId = new Map(sources.map((s) => [s.id, s]));
    return this.pending.map((p) => {
      const s = byId.get(p.sourceId);
      return {
        n: p.n,
        sourceId: p.sourceId,
        title: String(s?.name ?? p.sourceId),
        publisher: (s?.publisher as string) ?? null,
        date: (s?.publishedOn as string) ?? null,
        url: (s?.url as string) ?? null,
        quote: p.quote,
      };
    });
  }
}
