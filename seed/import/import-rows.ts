// Spreadsheet rows → seed records. References written as names (a district, a segment, a firm) are
// resolved against the graph; sources given as a URL or title become new Source nodes. The records
// then go through the same validation as the YAML dataset.
import { RELATIONSHIPS, REL_TYPES, type Label, type RelType } from '../../graph/model.js';
import { type NodeRow, primaryLabel } from '../../graph/slice.js';
import type { CsvRow } from './csv-read.js';
import { TYPE_WORDS, type ImportKind } from './csv-columns.js';
import {
  importedEnterpriseId,
  importedSourceId,
  isId,
  parseBool,
  parseNumber,
  parseSourceRef,
  splitList,
} from './import-cells.js';
import type { Problem } from '../load/problems.js';
import type { RawRecord } from '../load/read-yaml.js';

export interface RowDraft {
  row: number;
  cells: Record<string, string>;
  headers: Record<string, string>;
}

export function toDrafts(keys: (string | undefined)[], header: string[], rows: CsvRow[]): RowDraft[] {
  return rows.map(({ row, cells }) => {
    const draft: RowDraft = { row, cells: {}, headers: {} };
    keys.forEach((key, i) => {
      if (!key) return;
      draft.headers[key] = header[i];
      if (cells[i] !== '') draft.cells[key] = cells[i];
    });
    return draft;
  });
}

/** What the rows refer to, for one round of lookups. */
export interface Needs {
  ids: Set<string>;
  usccs: Set<string>;
  names: Map<Label, Set<string>>;
  urls: Set<string>;
  titles: Set<string>;
}
export interface Lookups {
  byId: Map<string, NodeRow>;
  byUscc: Map<string, string[]>;
  byName: Map<Label, Map<string, NodeRow[]>>;
  sourceByUrl: Map<string, string>;
  sourceByTitle: Map<string, string>;
}

/** The type named in a `type` cell (UPPER_SNAKE or a Chinese word), or undefined. */
export function relTypeOf(cell: string | undefined): RelType | undefined {
  if (!cell) return undefined;
  const word = TYPE_WORDS[cell.trim()] ?? cell.trim().toUpperCase();
  return (REL_TYPES as readonly string[]).includes(word) ? (word as RelType) : undefined;
}

const endLabels = (
  _kind: ImportKind,
  draft: RowDraft,
  end: 'from' | 'to' | 'district' | 'segment',
): readonly Label[] => {
  if (end === 'district') return ['District'];
  if (end === 'segment') return ['Segment'];
  const type = relTypeOf(draft.cells.type);
  return type ? RELATIONSHIPS[type][end] : [];
};

export function collectNeeds(kind: ImportKind, drafts: RowDraft[]): Needs {
  const needs: Needs = { ids: new Set(), usccs: new Set(), names: new Map(), urls: new Set(), titles: new Set() };
  const refer = (value: string, labels: readonly Label[]) => {
    if (isId(value)) needs.ids.add(value);
    else for (const label of labels) needs.names.set(label, (needs.names.get(label) ?? new Set()).add(value));
  };
  for (const draft of drafts) {
    const c = draft.cells;
    for (const item of splitList(c.source)) {
      const ref = parseSourceRef(item);
      if (ref.kind === 'id') needs.ids.add(ref.id);
      else if (ref.kind === 'url') needs.urls.add(ref.url);
      else needs.titles.add(ref.title);
    }
    if (kind === 'enterprises') {
      if (c.id) needs.ids.add(c.id);
      else if (c.uscc) needs.usccs.add(c.uscc);
      if (!c.id && c.name) refer(c.name, ['Enterprise']);
      if (c.district) refer(c.district, ['District']);
      for (const segment of splitList(c.segment)) refer(segment, ['Segment']);
    } else {
      for (const end of ['from', 'to'] as const) if (c[end]) refer(c[end], endLabels(kind, draft, end));
    }
  }
  return needs;
}

export interface BuiltRecords {
  records: RawRecord[];
  problems: Problem[];
  existing: Map<string, Label>;
}

export function buildRecords(kind: ImportKind, drafts: RowDraft[], lookups: Lookups, file: string): BuiltRecords {
  const records: RawRecord[] = [];
  const problems: Problem[] = [];
  const existing = new Map<string, Label>();
  const remember = (node: NodeRow) => {
    const label = primaryLabel(node._labels);
    if (label) existing.set(node.id, label);
  };
  for (const node of lookups.byId.values()) remember(node);
  for (const names of lookups.byName.values()) for (const list of names.values()) for (const n of list) remember(n);
  for (const id of [...lookups.sourceByUrl.values(), ...lookups.sourceByTitle.values()]) existing.set(id, 'Source');
  const newSources = new Map<string, RawRecord>();
  let index = 0;

  for (const draft of drafts) {
    const c = draft.cells;
    const push = (kindOf: RawRecord['kind'], value: Record<string, unknown>, columns: Record<string, string>) =>
      records.push({ file, kind: kindOf, index: index++, value, fieldLines: {}, origin: { row: draft.row, columns } });
    const fail = (column: string, message: string) =>
      problems.push({
        file,
        row: draft.row,
        record: `row ${draft.row}`,
        column: draft.headers[column] ?? column,
        message,
      });

    const resolve = (value: string, labels: readonly Label[], column: string): string | undefined => {
      if (isId(value)) return value;
      const found = labels.flatMap((label) => lookups.byName.get(label)?.get(value) ?? []);
      const ids = [...new Set(found.map((n) => n.id))];
      if (ids.length === 1) return ids[0];
      if (ids.length === 0)
        fail(
          column,
          `no ${labels.join(' or ') || 'node'} is named "${value}"; write its id (e.g. ${labels[0]?.toLowerCase() ?? 'segment'}:…) or its exact name${labels.includes('Enterprise') ? ' (import the firm with the enterprises template first)' : ''}`,
        );
      else fail(column, `"${value}" names several nodes (${ids.join(', ')}); write the id instead`);
      return undefined;
    };

    const sources: string[] = [];
    for (const item of splitList(c.source)) {
      const ref = parseSourceRef(item);
      if (ref.kind === 'id') sources.push(ref.id);
      else {
        const key = ref.kind === 'url' ? ref.url : ref.title;
        const known = ref.kind === 'url' ? lookups.sourceByUrl.get(ref.url) : lookups.sourceByTitle.get(ref.title);
        if (known) {
          sources.push(known);
          continue;
        }
        const id = importedSourceId(key);
        sources.push(id);
        if (!newSources.has(id)) {
          const value =
            ref.kind === 'url'
              ? { id, label: 'Source', name: c.sourceTitle ?? ref.url, url: ref.url, kind: 'dataset' }
              : { id, label: 'Source', name: ref.title, kind: 'dataset' };
          newSources.set(id, {
            file,
            kind: 'nodes',
            index: index++,
            value,
            fieldLines: {},
            origin: {
              row: draft.row,
              columns: { name: draft.headers.sourceTitle ?? draft.headers.source, url: draft.headers.source },
            },
          });
        }
      }
    }
    const provenance = {
      sources,
      quote: c.quote,
      confidence: c.confidence ?? 'medium',
      status: c.status ?? 'unverified',
    };
    const provenanceColumns = {
      sources: draft.headers.source,
      quote: draft.headers.quote,
      confidence: draft.headers.confidence,
      status: draft.headers.status,
    };

    if (kind === 'enterprises') {
      let id = c.id;
      if (!id && c.uscc) {
        const ids = lookups.byUscc.get(c.uscc) ?? [];
        if (ids.length > 1)
          fail('uscc', `several enterprises have this 统一社会信用代码 (${ids.join(', ')}); give the id`);
        id = ids[0];
      }
      if (!id && c.name) {
        const same = lookups.byName.get('Enterprise')?.get(c.name) ?? [];
        if (same.length > 1) {
          fail(
            'name',
            `several enterprises are named "${c.name}" (${same.map((n) => n.id).join(', ')}); give the id or the 统一社会信用代码`,
          );
          continue;
        }
        id = same[0]?.id ?? importedEnterpriseId(c.name);
      }
      if (!id) id = `ent:imp-row-${draft.row}`; // name is missing: validation reports it
      push(
        'nodes',
        {
          id,
          label: 'Enterprise',
          name: c.name,
          nameEn: c.nameEn,
          aliases: c.aliases ? splitList(c.aliases) : undefined,
          uscc: c.uscc,
          local: c.local === undefined ? undefined : parseBool(c.local),
          tags: c.tags ? splitList(c.tags) : undefined,
          outputYuan: c.outputYuan === undefined ? undefined : parseNumber(c.outputYuan),
          ...provenance,
        },
        { ...draft.headers, id: draft.headers.id ?? draft.headers.name, ...provenanceColumns },
      );
      if (c.district) {
        const district = resolve(c.district, ['District'], 'district');
        if (district)
          push(
            'relationships',
            { type: 'LOCATED_IN', from: id, to: district, ...provenance },
            { to: draft.headers.district, from: draft.headers.name, ...provenanceColumns },
          );
      }
      for (const value of splitList(c.segment)) {
        const segment = resolve(value, ['Segment'], 'segment');
        if (segment)
          push(
            'relationships',
            { type: 'IN_SEGMENT', from: id, to: segment, role: c.role, ...provenance },
            { to: draft.headers.segment, from: draft.headers.name, role: draft.headers.role, ...provenanceColumns },
          );
      }
    } else {
      const type = relTypeOf(c.type);
      if (!type) {
        fail(
          'type',
          c.type ? `"${c.type}" is not a relationship type; use one of ${REL_TYPES.join(', ')}` : 'is empty',
        );
        continue;
      }
      // Each end checked in column order, so problems are reported from, then to.
      const from = c.from ? resolve(c.from, RELATIONSHIPS[type].from, 'from') : undefined;
      if (!c.from) fail('from', 'is empty');
      const to = c.to ? resolve(c.to, RELATIONSHIPS[type].to, 'to') : undefined;
      if (!c.to) fail('to', 'is empty');
      if (!from || !to) continue;
      push(
        'relationships',
        {
          type,
          from,
          to,
          role: c.role,
          stage: c.stage,
          stageSince: c.stageSince,
          product: c.product,
          validFrom: c.validFrom,
          validTo: c.validTo,
          ...provenance,
        },
        { ...draft.headers, ...provenanceColumns },
      );
    }
  }
  for (const source of newSources.values()) records.push(source);
  for (const record of records) stripUndefined(record.value as Record<string, unknown>);
  return { records, problems, existing };
}

function stripUndefined(value: Record<string, unknown>) {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
}
