// The validated, normalised form of seed records (YAML files, CSV imports, the synthetic generator):
// nodes and relationships with their properties, each remembering where it came from.
import type { Label, RelType } from '../../graph/model.js';
import type { GraphWrite, Props } from '../../graph/upsert.js';
import { labelOfId } from '../../graph/model.js';
import type { Problem } from './problems.js';

export interface RecordLocation {
  file: string;
  line?: number;
  /** `nodes[3] (chain:opto)` or `row 7`. */
  record: string;
  /** Spreadsheet row (CSV imports). */
  row?: number;
  /** Field → the header of the column it came from (CSV imports). */
  columns?: Record<string, string>;
}

/** Where a problem with `field` of a record is: file and line for YAML, row and column for CSV. */
export function problemAt(at: RecordLocation, field?: string, line?: number): Omit<Problem, 'message'> {
  if (at.row !== undefined) {
    const column = field ? (at.columns?.[field.split('.')[0]] ?? field) : undefined;
    return { file: at.file, row: at.row, record: at.record, column };
  }
  return { file: at.file, line: line ?? at.line, record: at.record, field };
}

export interface SeedNode {
  label: Label;
  id: string;
  props: Props;
  at: RecordLocation;
}
export interface SeedRel {
  type: RelType;
  from: string;
  to: string;
  props: Props;
  at: RecordLocation;
}
export interface Dataset {
  nodes: SeedNode[];
  relationships: SeedRel[];
}

/** The write of a validated dataset; end labels come from the id prefixes (checked by validation). */
export function toGraphWrite(dataset: Dataset): GraphWrite {
  return {
    nodes: dataset.nodes.map((n) => ({ label: n.label, id: n.id, props: n.props })),
    relationships: dataset.relationships.map((r) => ({
      type: r.type,
      from: r.from,
      fromLabel: labelOfId(r.from)!,
      to: r.to,
      toLabel: labelOfId(r.to)!,
      props: r.props,
    })),
  };
}
