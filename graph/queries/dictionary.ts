// The names the graph already holds, for the document extractor: every named node of the labels a
// document can mention, with its program for program-scoped labels (Chain, Leader), and the programs with
// their regions. One read transaction; the extractor itself never touches the database.
import type { Executor } from '../executor.js';

export interface DictionaryEntry {
  id: string;
  label: string;
  name: string;
  aliases: string[];
  /** The program a program-scoped node (Chain, Leader) belongs to; null for shared labels. */
  programId: string | null;
}
export interface DictionaryProgram {
  id: string;
  name: string;
  aliases: string[];
  regionId: string | null;
  regionName: string | null;
}
export interface GraphDictionary {
  entries: DictionaryEntry[];
  programs: DictionaryProgram[];
}

export const EMPTY_DICTIONARY: GraphDictionary = Object.freeze({ entries: [], programs: [] }) as GraphDictionary;

const DICTIONARY_LABELS = ['Chain', 'Leader', 'District', 'Enterprise', 'Institute', 'University', 'Policy', 'Person'];

export async function loadDictionary(executor: Executor): Promise<GraphDictionary> {
  return executor.read(async (tx) => {
    const entries = await tx.run(
      `MATCH (n)
       WHERE any(l IN labels(n) WHERE l IN $labels) AND n.name IS NOT NULL AND coalesce(n.synthetic, false) = false
         AND coalesce(n.status, 'confirmed') <> 'rejected'
       WITH n, [l IN labels(n) WHERE l IN $labels][0] AS label
       OPTIONAL MATCH (n:Chain)-[:PART_OF]->(cp:Program)
       OPTIONAL MATCH (n:Leader)-[:COORDINATES|PATRON_OF|OWNER_OF]->()-[:PART_OF*0..1]->(lp:Program)
       WITH n, label, cp, collect(DISTINCT lp.id) AS leaderPrograms
       RETURN n.id AS id, label, n.name AS name, coalesce(n.aliases, []) AS aliases,
              coalesce(cp.id, head(leaderPrograms)) AS programId`,
      { labels: DICTIONARY_LABELS },
    );
    const programs = await tx.run(
      `MATCH (p:Program) WHERE coalesce(p.synthetic, false) = false
       OPTIONAL MATCH (r:District {id: p.region})
       RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, p.region AS regionId, r.name AS regionName`,
    );
    return {
      entries: entries.records.map((r) => r.toObject() as DictionaryEntry),
      programs: programs.records.map((r) => r.toObject() as DictionaryProgram),
    };
  });
}
