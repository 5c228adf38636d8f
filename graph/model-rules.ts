// The model's write rules, one copy for every writer (seed loader, CSV import, API curation, ingestion):
// the closed lists a label or type must come from, real calendar dates, and the one conversion of a
// validated record into stored Neo4j properties. Imports only graph/ (never seed/ or server/).
import neo4j from 'neo4j-driver';
import { badInput } from './errors.js';
import { LABELS, REL_TYPES, RELATIONSHIPS, type Label, type RelType } from './model.js';

export type Props = Record<string, unknown>;

/** Properties that hold dates (a date or a list of dates); their ISO strings are stored as Neo4j Date. */
export const DATE_PROPERTIES: ReadonlySet<string> = new Set([
  'issuedOn',
  'publishedOn',
  'deadline',
  'asOf',
  'validFrom',
  'validTo',
  'stageSince',
  'observedOn',
]);

/** Counts and ranks: stored as Neo4j integers. Every other number (money, values) stays a float, so one
 * property never holds both kinds whichever writer stored it. */
export const INTEGER_PROPERTIES: ReadonlySet<string> = new Set([
  'level',
  'priority',
  'declaredKeyChains',
  'declaredGuaranteeChains',
]);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD string naming a day that exists (no 2023-02-30). */
export function isRealDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/** A real calendar date as a Neo4j Date; anything else is the caller's input error. */
/** Today in Asia/Shanghai as YYYY-MM-DD: the product's dates are Shanghai dates. */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

export function toNeo4jDate(value: unknown): InstanceType<typeof neo4j.types.Date> {
  if (!isRealDate(value)) throw badInput(`${JSON.stringify(value)} is not a real date: write YYYY-MM-DD.`);
  const m = ISO_DATE.exec(value) as RegExpExecArray;
  return new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Write stamps: when the graph learned a fact (createdAt), last changed it (updatedAt), confirmed it
 * (confirmedAt) or retired it (retiredAt, the fact is kept), and the job or audit entry id that wrote it
 * (writtenBy), and how many changes it has had (version, +1 per committed change: the order of its audit
 * entries). Only the writers set them, so a record can never bring its own.
 */
export const STAMP_PROPERTIES: ReadonlySet<string> = new Set([
  'createdAt',
  'updatedAt',
  'confirmedAt',
  'retiredAt',
  'writtenBy',
  'version',
]);

/**
 * SET items stamping variable `v` in a write: createdAt once, updatedAt and writtenBy ($writtenBy) only
 * when `changed` (a Cypher boolean) holds, so an idempotent rerun leaves the stamps as they were; version
 * first, so `changed` is read before any stamp moves.
 */
export function stampSet(v: string, changed: string): string {
  const when = `${changed} OR ${v}.updatedAt IS NULL`;
  return `${v}.version = CASE WHEN ${when} THEN coalesce(${v}.version, 0) + 1 ELSE ${v}.version END, ${v}.createdAt = coalesce(${v}.createdAt, datetime.transaction()), ${v}.updatedAt = CASE WHEN ${when} THEN datetime.transaction() ELSE ${v}.updatedAt END, ${v}.writtenBy = CASE WHEN ${when} THEN $writtenBy ELSE ${v}.writtenBy END`;
}

/** The one conversion of a validated record into stored properties: dates → Neo4j Date, counts →
 * integers, nulls, undefined and write stamps dropped, everything else as it is. */
export function toStoredProps(props: Props): Props {
  const out: Props = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || STAMP_PROPERTIES.has(key)) continue;
    checkNameProperty(key, value);
    if (DATE_PROPERTIES.has(key)) out[key] = Array.isArray(value) ? value.map(toNeo4jDate) : toNeo4jDate(value);
    else if (INTEGER_PROPERTIES.has(key) && typeof value === 'number' && Number.isInteger(value))
      out[key] = neo4j.int(value);
    else out[key] = value;
  }
  return out;
}

/** A label from the closed list, or an error: the only labels ever spliced into Cypher. */
export function checkLabel(label: string): Label {
  if (!(LABELS as readonly string[]).includes(label))
    throw badInput(`Unknown label "${label}": not in graph/model.ts LABELS`);
  return label as Label;
}

/** A relationship type from the closed list, or an error: the only types ever spliced into Cypher. */
export function checkRelType(type: string): RelType {
  if (!(REL_TYPES as readonly string[]).includes(type))
    throw badInput(`Unknown relationship type "${type}": not in graph/model.ts RELATIONSHIPS`);
  return type as RelType;
}

/** The type may join these two labels (graph/model.ts RELATIONSHIPS), or an error. */
export function checkEnds(type: string, fromLabel: string, toLabel: string): RelType {
  const ends = RELATIONSHIPS[checkRelType(type)];
  if (
    !(ends.from as readonly string[]).includes(checkLabel(fromLabel)) ||
    !(ends.to as readonly string[]).includes(checkLabel(toLabel))
  )
    throw badInput(`${type} cannot go from ${fromLabel} to ${toLabel} (graph/model.ts RELATIONSHIPS)`);
  return type as RelType;
}

/** The one id rule: a lower-case label prefix, a colon, a lower-case slug (`chain:opto`). Upper case is
 * refused everywhere so `chain:Opto` and `chain:opto` can never be two nodes. */
export const ID_PATTERN = /^[a-z]+:[a-z0-9][a-z0-9._-]*$/;
export const ID_RULE_TEXT = 'prefix:slug in lower case, with letters, digits, . _ - in the slug';

/** An id with a given prefix (`ent`, `source`…) under ID_PATTERN. */
export const idPatternFor = (prefix: string) => new RegExp(`^${prefix}:[a-z0-9][a-z0-9._-]*$`);

/** Control characters (NUL, escape…) are never part of a name or a quote: they come from broken files or probes. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** 统一社会信用代码 (GB 32100-2015): 18 characters of the code's alphabet. */
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/**
 * Hostile text (docs/reliability.md "Hostile data"). Refused at input: control characters anywhere; in a
 * name or alias also the invisible format characters below (bidi embeddings, overrides and isolates,
 * zero-width characters, the BOM), which make two names look equal or reverse what follows them on screen,
 * and any name past NAME_MAX_CHARS. Everything else (markup, quotes, script-looking words) is stored as
 * the text it is and always shown as text. Bidi characters inside a quote or a document body are the
 * source's words: they are kept and shown isolated (web/src/ui/dom.ts).
 */
export const INVISIBLE_FORMAT_CHARACTERS = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
/** A name or English name: the longest real firm or plan title is far below this. */
export const NAME_MAX_CHARS = 300;
/** One alias (a former name, a short name). */
export const ALIAS_MAX_CHARS = 100;

/** Why `value` cannot be a name of at most `max` characters, or null when it can. */
export function nameProblem(value: string, max = NAME_MAX_CHARS): string | null {
  if (CONTROL_CHARACTERS.test(value)) return 'must not contain control characters';
  if (INVISIBLE_FORMAT_CHARACTERS.test(value))
    return 'must not contain invisible format characters (bidi controls, zero-width characters)';
  if ([...value].length > max) return `must be at most ${max} characters`;
  return null;
}

/** Only http(s) URLs are stored as a source's address, so a link on the page can only open a web page. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !CONTROL_CHARACTERS.test(value);
  } catch {
    return false;
  }
}

/** Why a document's title, address or publisher cannot describe its Source, or null: the same name and
 * address rules as every other Source (document ingestion, API and CLI). */
export function documentMetaProblem(meta: { title: string; url?: string | null; publisher?: string | null }) {
  const title = nameProblem(meta.title.trim());
  if (title || !meta.title.trim()) return `title ${title ?? 'must not be empty'}`;
  const publisher = meta.publisher ? nameProblem(meta.publisher, 200) : null;
  if (publisher) return `publisher ${publisher}`;
  if (meta.url && !isWebUrl(meta.url))
    return `url ${JSON.stringify(meta.url.slice(0, 200))} must be an http(s) address`;
  return null;
}

/** The name rule at the one conversion every writer shares (so a proposal confirmed with a hostile name,
 * or a writer without its own schema, is refused too): name and nameEn as names, aliases as aliases. */
function checkNameProperty(key: string, value: unknown): void {
  const names = key === 'name' || key === 'nameEn' ? [value] : key === 'aliases' && Array.isArray(value) ? value : [];
  const max = key === 'aliases' ? ALIAS_MAX_CHARS : NAME_MAX_CHARS;
  for (const name of names) {
    const problem = typeof name === 'string' ? nameProblem(name, max) : null;
    if (problem) throw badInput(`${key} ${JSON.stringify([...name].slice(0, 40).join(''))}… ${problem}.`);
  }
}
