// Researchers' own Cypher, read-only: refused up front when it loads files or URLs, batches writes
// (CALL … IN TRANSACTIONS), administers the server or calls a procedure outside the read allowlist;
// then EXPLAINed (only plans of query type 'r' pass, the operators are checked again) and run in the
// same read transaction with a row cap. The caller's transaction carries the time limit.
import neo4j, { type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import { GraphError, badInput } from '../errors.js';

/** Read-only procedures researchers may CALL. */
export const READ_PROCEDURES = [
  /^db\.labels$/,
  /^db\.relationshipTypes$/,
  /^db\.propertyKeys$/,
  /^db\.schema\.(visualization|nodeTypeProperties|relTypeProperties)$/,
  /^db\.index\.fulltext\.query(Nodes|Relationships)$/,
  /^db\.indexes$/,
  /^db\.constraints$/,
  /^apoc\.path\.[A-Za-z]+$/,
  /^apoc\.algo\.[A-Za-z]+$/,
  /^apoc\.meta\.(schema|stats|data|graph|nodeTypeProperties|relTypeProperties)$/,
  /^apoc\.(coll|map|text)\.[A-Za-z]+$/,
];

export const MAX_QUERY_CHARS = 20_000;

const forbidden = (message: string) => new GraphError('FORBIDDEN', message);

/** Removes string literals, quoted names and comments so keyword checks see only the query's own words. */
export function stripLiterals(query: string): string {
  return query
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^'\\]|\\.)*'/g, "''")
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

/** Static refusals with a message saying why and what to do instead. */
export function checkStatically(query: string): void {
  if (!query.trim())
    throw badInput('The Cypher query is empty. Write a read query such as MATCH (c:Chain) RETURN c.name.');
  if (query.length > MAX_QUERY_CHARS)
    throw badInput(`The Cypher query is longer than ${MAX_QUERY_CHARS} characters. Shorten it.`);
  // Backticks can hide a procedure name (`apoc`.`load`.json): unquote them for the checks.
  const text = stripLiterals(query).replace(/`/g, '');
  if (/\bLOAD\s+CSV\b/i.test(text))
    throw forbidden('LOAD CSV is not allowed: cypher cannot read files or URLs. Query the graph instead.');
  if (/\bIN\s+(\d+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b/i.test(text))
    throw forbidden('CALL … IN TRANSACTIONS is not allowed: cypher is read-only.');
  if (/^\s*(EXPLAIN|PROFILE)\b/i.test(text))
    throw badInput('Leave out EXPLAIN/PROFILE: the query is explained and checked for you. Send the query itself.');
  if (
    /^\s*(USE|SHOW|GRANT|DENY|REVOKE|ALTER|START|STOP|TERMINATE|ENABLE|DROP|CREATE\s+(USER|ROLE|DATABASE|ALIAS|INDEX|CONSTRAINT|FULLTEXT|TEXT|RANGE|POINT|VECTOR|LOOKUP))\b/i.test(
      text,
    ) ||
    /(^|\{)\s*USE\s+[\w.`]+/i.test(text)
  ) {
    throw forbidden('Administration commands and USE are not allowed: cypher reads the product graph only.');
  }
  for (const match of text.matchAll(/\bCALL\s+([A-Za-z_][\w.]*)/gi)) checkProcedure(match[1]);
}

function checkProcedure(name: string): void {
  if (/^(apoc\.(load|import|export|cypher|periodic|trigger|systemdb|log|util\.(sleep|validate))|dbms\.)/i.test(name)) {
    throw forbidden(
      `CALL ${name} is not allowed: cypher cannot reach files, URLs, other transactions or the server's administration.`,
    );
  }
  if (!READ_PROCEDURES.some((re) => re.test(name))) {
    throw forbidden(
      `CALL ${name} is not allowed. Read procedures allowed: db.labels, db.relationshipTypes, db.propertyKeys, db.schema.*, db.index.fulltext.queryNodes, apoc.path.*, apoc.algo.*, apoc.meta.*, apoc.coll/map/text.*.`,
    );
  }
}

interface PlanLike {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanLike[];
}

const REFUSED_OPERATORS =
  /^(LoadCSV|TransactionForeach|TransactionApply|AdministrationCommand|Create|Merge|Delete|DetachDelete|Set|Remove|Foreach)/;

/** Checks the EXPLAIN summary: a read query ('r') whose operators read only. */
export function checkPlan(queryType: string | undefined, plan: PlanLike | false | undefined): void {
  if (queryType !== 'r') {
    throw forbidden(
      `Only read queries may run here (this one is of type "${queryType ?? 'unknown'}": it writes or changes the schema). Remove CREATE, MERGE, SET, DELETE, REMOVE and writing procedures.`,
    );
  }
  const walk = (p: PlanLike | undefined) => {
    if (!p) return;
    const op = p.operatorType.replace(/@.*$/, '');
    if (REFUSED_OPERATORS.test(op))
      throw forbidden(`The query plan contains ${op}, which is not allowed in read-only cypher.`);
    if (op.startsWith('ProcedureCall')) {
      const details = String(p.arguments?.Details ?? '');
      const name = /^([\w.]+)\(/.exec(details.trim())?.[1];
      if (name) checkProcedure(name);
    }
    p.children?.forEach(walk);
  };
  if (plan) walk(plan);
}

export interface CypherOutput {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  rowCount: number;
}

/** JSON params → Cypher params: integral numbers as integers (so LIMIT $n works), the rest unchanged. */
export function toCypherParams(params: unknown): Record<string, unknown> {
  if (params === null || params === undefined) return {};
  if (typeof params !== 'object' || Array.isArray(params))
    throw badInput('params must be a JSON object of parameter names to values, e.g. {"id": "chain:biomed"}.');
  const convert = (v: unknown): unknown => {
    if (typeof v === 'number') return Number.isInteger(v) ? neo4j.int(v) : v;
    if (Array.isArray(v)) return v.map(convert);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]));
    return v;
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
      throw badInput(`Parameter name ${JSON.stringify(key)} is not valid: use letters, digits and _.`);
    out[key] = convert(value);
  }
  return out;
}

/** Values of a row as JSON: the shapes documented on CypherResult in the SDL. */
export function toCypherJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (neo4j.isInt(value)) return (value as neo4j.Integer).toNumber();
  if (Array.isArray(value)) return value.map(toCypherJson);
  if (typeof value !== 'object') return value;
  if (neo4j.isNode(value)) {
    const n = value as neo4j.Node;
    const properties = toCypherJson(n.properties) as Record<string, unknown>;
    return { _kind: 'node', id: properties.id ?? null, elementId: n.elementId, labels: n.labels, properties };
  }
  if (neo4j.isRelationship(value)) {
    const r = value as neo4j.Relationship;
    return {
      _kind: 'relationship',
      elementId: r.elementId,
      type: r.type,
      startElementId: r.startNodeElementId,
      endElementId: r.endNodeElementId,
      properties: toCypherJson(r.properties),
    };
  }
  if (neo4j.isPath(value)) {
    const p = value as neo4j.Path;
    return {
      _kind: 'path',
      nodes: [p.start, ...p.segments.map((s) => s.end)].map(toCypherJson),
      relationships: p.segments.map((s) => toCypherJson(s.relationship)),
    };
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  )
    return String(value);
  if (neo4j.isPoint(value)) {
    const p = value as neo4j.Point;
    return { srid: toCypherJson(p.srid), x: p.x, y: p.y, z: p.z ?? null };
  }
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toCypherJson(v)]));
}

/** Checks and runs the query in the caller's (read) transaction; at most maxRows rows. */
export async function runReadOnlyCypher(
  tx: ManagedTransaction,
  query: string,
  params: unknown,
  maxRows: number,
): Promise<CypherOutput> {
  checkStatically(query);
  const cypherParams = toCypherParams(params);
  let explained: QueryResult;
  try {
    explained = await tx.run(`EXPLAIN ${query}`, cypherParams);
  } catch (error) {
    throw explainError(error);
  }
  checkPlan(explained.summary.queryType, explained.summary.plan as PlanLike | false);

  const result = tx.run(query, cypherParams);
  const rows: Record<string, unknown>[] = [];
  let columns: string[] = [];
  let truncated = false;
  try {
    columns = [...((await result.keys()) as string[])];
    for await (const record of result) {
      if (rows.length >= maxRows) {
        truncated = true;
        break;
      }
      const row: Record<string, unknown> = {};
      for (const key of columns) row[key] = toCypherJson(record.get(key));
      rows.push(row);
    }
  } catch (error) {
    throw runError(error);
  }
  return { columns, rows, truncated, rowCount: rows.length };
}

function explainError(error: unknown): unknown {
  const code = String((error as { code?: string }).code ?? '');
  const message = String((error as Error).message ?? '').split('\n')[0];
  if (code.startsWith('Neo.ClientError.Statement') || code.startsWith('Neo.ClientError.Procedure')) {
    return badInput(`The Cypher query is not valid: ${message}`);
  }
  return error;
}

function runError(error: unknown): unknown {
  const code = String((error as { code?: string }).code ?? '');
  if (code === 'Neo.ClientError.Statement.AccessMode')
    return forbidden('The query tried to write: cypher is read-only.');
  // Procedure errors (e.g. a sandboxed APOC procedure) are the query's problem too.
  if (
    (code.startsWith('Neo.ClientError.Statement') || code.startsWith('Neo.ClientError.Procedure')) &&
    !/Timed?Out|Terminated/i.test(code)
  ) {
    return badInput(`The Cypher query failed: ${String((error as Error).message ?? '').split('\n')[0]}`);
  }
  return error;
}
