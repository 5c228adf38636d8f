// Validation of seed records: each record against its zod schema, then the references between them
// (ids, sources, relationship ends, segment hierarchy). Every problem is collected; callers write
// nothing unless the list is empty.
import { join } from 'node:path';
import { provenanceProblems, quotesPerSource } from '../../graph/provenance-rules.js';
import { sourceTexts } from './source-texts.js';
import { ID_PREFIX, LABELS, REL_TYPES, type Label, type RelType } from '../../graph/model.js';
import type { Props } from '../../graph/upsert.js';
import { problemAt, type Dataset, type RecordLocation, type SeedNode, type SeedRel } from './dataset.js';
import type { Problem } from './problems.js';
import { parseYamlFiles, readYamlDir, type RawRecord, type YamlText } from './read-yaml.js';
import { describeIssue, nodeSchemas, relSchemas } from '../../graph/record-schemas.js';
import { checkReferences } from './check-references.js';

export interface ValidationResult {
  dataset: Dataset;
  problems: Problem[];
  /** Records that failed their schema but whose ids, ends and sources can still be checked (never loaded). */
  partial?: Dataset;
}

const describeNode = (index: number, value: Record<string, unknown>) =>
  `nodes[${index}]${typeof value.id === 'string' ? ` (${value.id})` : ''}`;
const describeRel = (index: number, value: Record<string, unknown>) =>
  `relationships[${index}] (${String(value.type ?? '?')} ${String(value.from ?? '?')} -> ${String(value.to ?? '?')})`;

/** Parses every raw record with its schema; returns the normalised records and the problems. */
export function parseRecords(records: RawRecord[], texts = sourceTexts()): ValidationResult {
  const dataset: Dataset = { nodes: [], relationships: [] };
  const partial: Dataset = { nodes: [], relationships: [] };
  const problems: Problem[] = [];
  for (const raw of records) {
    const value = raw.value;
    const isNode = raw.kind === 'nodes';
    const at: RecordLocation = raw.origin
      ? { file: raw.file, record: `row ${raw.origin.row}`, row: raw.origin.row, columns: raw.origin.columns }
      : {
          file: raw.file,
          line: raw.line,
          record:
            value && typeof value === 'object' && !Array.isArray(value)
              ? (isNode ? describeNode : describeRel)(raw.index, value as Record<string, unknown>)
              : `${raw.kind}[${raw.index}]`,
        };
    const problem = (field: string | undefined, message: string) =>
      problems.push({ ...problemAt(at, field, (field && raw.fieldLines[field.split('.')[0]]) || undefined), message });
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problem(undefined, 'must be a map of fields (id, label, name… or type, from, to…)');
      continue;
    }
    const record = value as Record<string, unknown>;
    const selector = isNode ? record.label : record.type;
    const allowed: readonly string[] = isNode ? LABELS : REL_TYPES;
    if (typeof selector !== 'string' || !allowed.includes(selector)) {
      problem(isNode ? 'label' : 'type', `must be one of ${allowed.join(', ')} (got ${JSON.stringify(selector)})`);
      continue;
    }
    const schema = isNode ? nodeSchemas[selector as Label] : relSchemas[selector as RelType];
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) for (const d of describeIssue(issue)) problem(d.field, d.message);
      keepPartial(partial, record, isNode, at);
      continue;
    }
    const checked = parsed.data as Record<string, unknown>;
    const rules = provenanceProblems(isNode ? String(selector) : String(selector), checked, texts);
    for (const r of rules) problem(r.field, r.message);
    if (rules.length) {
      keepPartial(partial, record, isNode, at);
      continue;
    }
    const data = storedQuotes(checked);
    if (isNode) {
      const { id, label, ...props } = data as { id: string; label: Label } & Props;
      dataset.nodes.push({ id, label, props: withDefaults(props), at });
    } else {
      const { type, from, to, ...props } = data as { type: RelType; from: string; to: string } & Props;
      dataset.relationships.push({ type, from, to, props, at });
    }
  }
  return { dataset, problems, partial };
}

/** Keeps what reference checks need from a record that failed its schema, when those fields are sound. */
function keepPartial(partial: Dataset, record: Record<string, unknown>, isNode: boolean, at: RecordLocation) {
  const sources =
    Array.isArray(record.sources) && record.sources.every((s) => typeof s === 'string') ? record.sources : [];
  if (isNode && typeof record.id === 'string') {
    partial.nodes.push({ id: record.id, label: record.label as Label, props: { sources }, at });
  } else if (!isNode && typeof record.from === 'string' && typeof record.to === 'string') {
    partial.relationships.push({
      type: record.type as RelType,
      from: record.from,
      to: record.to,
      props: { sources },
      at,
    });
  }
}

/** A `quotes` map becomes the stored shape: a list parallel to `sources`, and `quote` = the first one. */
function storedQuotes(data: Record<string, unknown>): Record<string, unknown> {
  if (!data.quotes) return data;
  const { quotes, ...rest } = data as { quotes: Record<string, string> } & Record<string, unknown>;
  return { ...rest, ...quotesPerSource((rest.sources as string[]) ?? [], quotes) };
}

/** nameEnTranslated defaults to true: an English name is our translation unless a source gives it. */
export function withDefaults(props: Props): Props {
  if (props.nameEn !== undefined && props.nameEnTranslated === undefined) return { ...props, nameEnTranslated: true };
  return props;
}

/** Id prefixes match labels, ids are unique, relationships are unique per (type, from, to). */
export function checkIdentity(dataset: Dataset, existing?: ReadonlyMap<string, Label>): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, SeedNode>();
  for (const node of dataset.nodes) {
    const at = problemAt(node.at, 'id');
    const prefix = node.id.split(':', 1)[0];
    if (prefix !== ID_PREFIX[node.label]) {
      problems.push({
        ...at,
        message: `a ${node.label} id must start with "${ID_PREFIX[node.label]}:" (got "${node.id}")`,
      });
    }
    const first = seen.get(node.id);
    if (first) {
      problems.push({ ...at, message: `duplicate id "${node.id}": already used at ${where(first.at)}` });
    } else {
      seen.set(node.id, node);
    }
    const stored = existing?.get(node.id);
    if (stored && stored !== node.label) {
      problems.push({ ...at, message: `"${node.id}" already exists in the database as a ${stored}` });
    }
  }
  problems.push(...checkNames(dataset));
  const rels = new Map<string, SeedRel>();
  for (const rel of dataset.relationships) {
    const key = `${rel.type}|${rel.from}|${rel.to}`;
    const first = rels.get(key);
    if (first) {
      problems.push({
        ...problemAt(rel.at),
        message: `duplicate relationship: the same ${rel.type} from ${rel.from} to ${rel.to} is already at ${where(first.at)}; merge the two records (list both sources)`,
      });
    } else {
      rels.set(key, rel);
    }
  }
  return problems;
}

/** A name or alias names one node (two nodes called 长春光谷 split one place's facts); Sources excepted. */
function checkNames(dataset: Dataset): Problem[] {
  const problems: Problem[] = [];
  const byName = new Map<string, SeedNode>();
  for (const node of dataset.nodes) {
    if (node.label === 'Source') continue;
    const aliases = Array.isArray(node.props.aliases) ? (node.props.aliases as unknown[]) : [];
    for (const name of new Set([node.props.name, ...aliases])) {
      if (typeof name !== 'string') continue;
      const first = byName.get(name);
      if (first && first.id !== node.id)
        problems.push({
          ...problemAt(node.at, name === node.props.name ? 'name' : 'aliases'),
          message: `"${name}" already names ${first.id} (${where(first.at)}): one node per name; merge them`,
        });
      else byName.set(name, node);
    }
  }
  return problems;
}

export const where = (at: RecordLocation) => `${at.file}${at.line ? `:${at.line}` : ''} ${at.record}`;

/** Every check: schema, identity and references. `existing` are ids already in the database (imports). */
export function validateRecords(
  records: RawRecord[],
  existing?: ReadonlyMap<string, Label>,
  texts = sourceTexts(),
): ValidationResult {
  const { dataset, problems, partial } = parseRecords(records, texts);
  problems.push(...checkIdentity(dataset, existing));
  problems.push(...checkReferences(dataset, existing, partial));
  return { dataset, problems };
}

export function validateYamlTexts(files: YamlText[], texts = sourceTexts()): ValidationResult {
  const { records, problems: syntax } = parseYamlFiles(files);
  const result = validateRecords(records, undefined, texts);
  return { dataset: result.dataset, problems: [...syntax, ...result.problems] };
}

/** Validates every YAML file of a folder (default: the shipped dataset). */
export function validateDataDir(dir: string): ValidationResult {
  // A dataset folder keeps its sources' full texts in texts/ (seed/data/texts/S1.txt is source:s1).
  return validateYamlTexts(readYamlDir(dir), sourceTexts(join(dir, 'texts')));
}
