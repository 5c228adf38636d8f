// Which facts an analysis counts: only confirmed or unverified nodes and relationships (proposed and
// rejected facts do not exist yet / any more; retired facts are kept but not counted), and synthetic data only when the chain itself is
// synthetic. Every analysis query splices `counts(v)` and passes `scopeParams(...)`.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';
import { notFound } from '../errors.js';
import { NODE_MAP, type NodeRow } from '../slice.js';
import { LIVE, VALID_ON } from '../queries/common.js';
import { toNeo4jDate } from '../model-rules.js';

export const COUNTED_STATUSES = ['confirmed', 'unverified'] as const;

/** Cypher predicate on node or relationship variable `v`; needs the parameters of `scopeParams`. */
export const counts = (v: string) =>
  `(${v}.status IN $counted AND ${LIVE(v)} AND ${VALID_ON(v)} AND ($synthetic OR coalesce(${v}.synthetic, false) = false))`;

export interface Scope {
  counted: readonly string[];
  synthetic: boolean;
  /** The day the answer is about (a Neo4j Date), or null for now: facts not valid then do not count. */
  asOf: unknown;
}

export const scopeParams = (synthetic: boolean, asOf: string | null = null): Scope => ({
  counted: COUNTED_STATUSES,
  synthetic,
  asOf: asOf ? toNeo4jDate(asOf) : null,
});

export interface ChainRow {
  node: NodeRow;
  synthetic: boolean;
}

/** The chain with its scope (synthetic or real); NOT_FOUND when no chain has that id. */
export async function getChain(tx: ManagedTransaction, chainId: string): Promise<ChainRow> {
  const [row] = await runRows(tx, `MATCH (c:Chain {id: $chainId})\nRETURN ${NODE_MAP('c')} AS node`, {
    chainId,
  });
  if (!row) throw notFound(`Chain "${chainId}"`);
  const node = row.node as NodeRow;
  return { node, synthetic: node.synthetic === true };
}

/** Relationship `r` from node variable `a` to `b` with both ends ({type, props, start, end}), the shape the API builds its relationship facts from. */
export const REL_WITH_ENDS = (r: string, a: string, b: string) =>
  `{type: type(${r}), props: properties(${r}), start: ${NODE_MAP(a)}, end: ${NODE_MAP(b)}}`;

export interface RelWithEnds {
  type: string;
  props: Record<string, unknown>;
  start: NodeRow;
  end: NodeRow;
}
