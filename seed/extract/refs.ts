// Names → references: a name the graph holds becomes an existing reference (shared labels across the
// graph; Chain and Leader only within the target program, contract section 0); anything else gets a
// readable proposed id (program-scoped ids carry the program's slug: chain:luzhou-baijiu).
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { ID_PREFIX, type Label } from '../../graph/model.js';
import type { DictionaryEntry, ExtractedRef, GraphDictionary } from './types.js';

export const PROGRAM_SCOPED = new Set(['Chain', 'Leader', 'Goal', 'Observation']);

/** A lower-case ASCII slug of a Chinese or mixed name, at most 48 characters. */
export function slugOf(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const slug = syllables
    .join('')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 40) return slug || createHash('sha1').update(name).digest('hex').slice(0, 8);
  return `${slug.slice(0, 31).replace(/-+$/, '')}-${createHash('sha1').update(name).digest('hex').slice(0, 8)}`;
}

export class RefResolver {
  private readonly byName = new Map<string, DictionaryEntry[]>();

  constructor(
    dictionary: GraphDictionary,
    private readonly programId: string | null,
    private readonly programSlug: string,
  ) {
    for (const entry of dictionary.entries) {
      for (const name of [entry.name, ...entry.aliases]) {
        const list = this.byName.get(name) ?? [];
        list.push(entry);
        this.byName.set(name, list);
      }
    }
  }

  /** Every name the graph holds that this document may mention (program-scoped ones of this program only). */
  knownNames(): { name: string; entry: DictionaryEntry }[] {
    const out: { name: string; entry: DictionaryEntry }[] = [];
    for (const [name, entries] of this.byName) {
      for (const entry of entries) {
        if (PROGRAM_SCOPED.has(entry.label) && entry.programId !== this.programId) continue;
        if (name.length >= 3 || (name.length === 2 && entry.label === 'Chain')) out.push({ name, entry });
      }
    }
    return out.sort((a, b) => b.name.length - a.name.length);
  }

  /** The graph's node of that label and name (within the program for program-scoped labels), if any. */
  find(label: string, name: string): DictionaryEntry | null {
    const hits = (this.byName.get(name) ?? []).filter((e) => e.label === label);
    if (PROGRAM_SCOPED.has(label)) return hits.find((e) => e.programId && e.programId === this.programId) ?? null;
    return hits[0] ?? null;
  }

  ref(label: string, name: string, key = name): ExtractedRef {
    const found = this.find(label, name);
    if (found) return { id: found.id, existing: true, label, name: found.name };
    const slug = slugOf(key);
    const scoped = PROGRAM_SCOPED.has(label) && this.programSlug ? `${this.programSlug}-${slug}` : slug;
    return { id: `${ID_PREFIX[label as Label] ?? label.toLowerCase()}:${scoped}`, existing: false, label, name };
  }
}
