// Ranked entity search: the `entity_search` full-text index (CJK-aware, over name, nameEn, aliases)
// with traditional → simplified folding of the query, exact/prefix boosts, and a contains fallback for
// one-character or otherwise unmatched queries. User text never reaches Lucene unescaped.
import * as OpenCC from 'opencc-js';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { badInput } from '../errors.js';
import { runRows } from '../executor.js';
import { LABELS, type Label } from '../model.js';
import { LIVE, NODE_MAP, type NodeRow } from './common.js';

export const SEARCH_INDEX = 'entity_search';
export const MAX_SEARCH_RESULTS = 100;
export const MAX_QUERY_LENGTH = 200;

const converters = [
  OpenCC.Converter({ from: 'tw', to: 'cn' }),
  OpenCC.Converter({ from: 'hk', to: 'cn' }),
  OpenCC.Converter({ from: 'jp', to: 'cn' }),
];

/** The query as typed plus its simplified-Chinese foldings (長光衛星 → 长光卫星), deduplicated. */
export function foldVariants(text: string): string[] {
  const base = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return [...new Set([base, ...converters.map((convert) => convert(base))])].filter(Boolean);
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes Lucene syntax so user text is searched literally; lower-case so AND/OR/NOT are words, not operators. */
export function escapeLucene(text: string): string {
  return text.toLowerCase().replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

export interface SearchOptions {
  labels?: readonly Label[];
  first: number;
  includeSynthetic: boolean;
}

export interface SearchRow {
  node: NodeRow;
  score: number;
  matchedOn: string;
}

// Tiers: 3 exact (name, alias, English name), 2 prefix, 1 anything else; relevance breaks ties.
const RANK = `
WITH node, ft,
     [v IN $variants WHERE node.name = v] AS exactName,
     [v IN $variants WHERE v IN coalesce(node.aliases, [])] AS exactAlias,
     [v IN $lower WHERE toLower(coalesce(node.nameEn, '')) = v] AS exactEn,
     [v IN $variants WHERE node.name STARTS WITH v OR any(a IN coalesce(node.aliases, []) WHERE a STARTS WITH v)] AS prefix,
     [v IN $lower WHERE toLower(coalesce(node.nameEn, '')) STARTS WITH v] AS prefixEn
WITH node, ft,
     CASE WHEN size(exactName) > 0 THEN 3 WHEN size(exactAlias) > 0 OR size(exactEn) > 0 THEN 3
          WHEN size(prefix) > 0 OR size(prefixEn) > 0 THEN 2 ELSE 1 END AS tier,
     CASE WHEN size(exactName) > 0 THEN 'name' WHEN size(exactAlias) > 0 THEN 'alias' WHEN size(exactEn) > 0 THEN 'nameEn'
          WHEN size(prefix) > 0 THEN 'name' WHEN size(prefixEn) > 0 THEN 'nameEn' ELSE $how END AS matchedOn
RETURN ${NODE_MAP('node')} AS node,
       tier * 100 + CASE WHEN ft > 99 THEN 99.0 ELSE ft END AS score, matchedOn
ORDER BY score DESC, size(node.name), node.id
LIMIT $first`;

const FILTER = `any(l IN labels(node) WHERE l IN $labels) AND (coalesce(node.synthetic, false) = false OR $synthetic) AND ${LIVE('node')}`;

/** Searches names, aliases and English names; at most two queries in the caller's transaction. */
export async function searchEntities(
  tx: ManagedTransaction,
  text: string,
  options: SearchOptions,
): Promise<SearchRow[]> {
  if (text.length > MAX_QUERY_LENGTH)
    throw badInput(
      `The search text is longer than ${MAX_QUERY_LENGTH} characters. Search for a name or a part of one.`,
    );
  const variants = foldVariants(text);
  if (!variants.length) return [];
  const first = Math.min(Math.max(Math.trunc(options.first), 0), MAX_SEARCH_RESULTS);
  if (first === 0) return [];
  const labels = options.labels?.length ? options.labels.filter((l) => LABELS.includes(l)) : [...LABELS];
  const base = {
    variants,
    lower: variants.map((v) => v.toLowerCase()),
    labels,
    synthetic: options.includeSynthetic,
    first: neo4j.int(first),
  };
  const queries = variants.map(escapeLucene).filter((q) => q.trim().length > 0);
  const fulltext = queries.length
    ? ((await runRows(
        tx,
        `UNWIND $queries AS q
         CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', q, {limit: $ftLimit}) YIELD node, score
         WITH node, max(score) AS ft
         WHERE ${FILTER}
         ${RANK}`,
        { ...base, queries, ftLimit: neo4j.int(Math.max(first * 5, 50)), how: 'fulltext' },
      )) as unknown as SearchRow[])
    : [];
  if (fulltext.length >= first) return fulltext;
  // The bigram analyzer drops one-character queries and partial Latin words: fall back to contains.
  const found = fulltext.map((r) => r.node.id);
  // Firms are the one label that grows large (100k+): their names are matched by prefix through the
  // name index, and by contains only until enough candidates are found; the other labels are small.
  const small = labels.filter((l) => l !== 'Enterprise');
  const MATCHES = `any(v IN $variants WHERE node.name CONTAINS v
             OR any(a IN coalesce(node.aliases, []) WHERE a CONTAINS v)
             OR toLower(coalesce(node.nameEn, '')) CONTAINS toLower(v))`;
  const branches = [
    ...(small.length ? [`MATCH (node:${small.join('|')}) WHERE ${FILTER} AND ${MATCHES} RETURN node`] : []),
    ...(labels.includes('Enterprise')
      ? [
          `UNWIND $variants AS v MATCH (node:Enterprise) WHERE node.name STARTS WITH v AND ${FILTER} RETURN node LIMIT $scanLimit`,
          `MATCH (node:Enterprise) WHERE ${FILTER} AND ${MATCHES} RETURN node LIMIT $scanLimit`,
        ]
      : []),
  ];
  const contains = (await runRows(
    tx,
    `CALL () {
       ${branches.join('\n       UNION\n       ')}
     }
     WITH DISTINCT node
     WHERE NOT node.id IN $found
     WITH node, 0.0 AS ft
     ${RANK}`,
    { ...base, found, first: neo4j.int(first - fulltext.length), scanLimit: neo4j.int(first * 10), how: 'contains' },
  )) as unknown as SearchRow[];
  return [...fulltext, ...contains];
}
