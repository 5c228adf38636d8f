// Turns rows of the read-only `cypher` query into graph elements (nodes, relationships and paths
// found anywhere in the rows) and into a table.
import { type ElementDefinition, edgeElement, nodeElement } from '../../canvas/elements.js';
import { h } from '../dom.js';

interface CypherNode {
  _kind: 'node';
  id: string | null;
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
interface CypherRel {
  _kind: 'relationship';
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}
interface CypherPath {
  _kind: 'path';
  nodes: CypherNode[];
  relationships: CypherRel[];
}

const isKind = (value: unknown, kind: string): boolean =>
  typeof value === 'object' && value !== null && (value as { _kind?: unknown })._kind === kind;

function walk(value: unknown, nodes: Map<string, CypherNode>, rels: Map<string, CypherRel>): void {
  if (isKind(value, 'node')) nodes.set((value as CypherNode).elementId, value as CypherNode);
  else if (isKind(value, 'relationship')) rels.set((value as CypherRel).elementId, value as CypherRel);
  else if (isKind(value, 'path')) {
    for (const n of (value as CypherPath).nodes) nodes.set(n.elementId, n);
    for (const r of (value as CypherPath).relationships) rels.set(r.elementId, r);
  } else if (Array.isArray(value)) {
    for (const v of value) walk(v, nodes, rels);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) walk(v, nodes, rels);
  }
}

export function cypherElements(rows: readonly unknown[]): ElementDefinition[] {
  const nodes = new Map<string, CypherNode>();
  const rels = new Map<string, CypherRel>();
  for (const row of rows) walk(row, nodes, rels);
  const key = (n: CypherNode) => n.id ?? n.elementId;
  const els: ElementDefinition[] = [...nodes.values()].map((n) =>
    nodeElement({
      id: key(n),
      type: (n.labels[0] ?? 'NODE').toUpperCase(),
      name: String(n.properties.name ?? key(n)),
      nameEn: (n.properties.nameEn as string) ?? null,
      props: n.properties,
    }),
  );
  for (const r of rels.values()) {
    const start = nodes.get(r.startElementId);
    const end = nodes.get(r.endElementId);
    if (start && end)
      els.push(
        edgeElement({
          id: `${r.type}:${key(start)}->${key(end)}:${r.elementId}`,
          source: key(start),
          target: key(end),
          type: r.type,
          props: r.properties,
        }),
      );
  }
  return els;
}

function cellText(value: unknown): string {
  if (value == null) return '';
  if (isKind(value, 'node')) {
    const n = value as CypherNode;
    return `(${n.labels.join(':')} ${String(n.properties.name ?? n.id ?? n.elementId)})`;
  }
  if (isKind(value, 'relationship')) return `[:${(value as CypherRel).type}]`;
  if (isKind(value, 'path')) return `path(${(value as CypherPath).nodes.length})`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function cypherTable(columns: readonly string[], rows: readonly unknown[]): HTMLElement {
  return h(
    'table.data-table.cypher-table',
    null,
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        columns.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((row) =>
        h(
          'tr',
          null,
          columns.map((c) => h('td', null, cellText((row as Record<string, unknown>)[c]))),
        ),
      ),
    ),
  );
}
