// Record → plain JSON values: driver integers, temporal and spatial values, nodes, relationships and
// paths become plain numbers, ISO strings and objects, so the API never leaks driver types.
import neo4j from 'neo4j-driver';

export interface PlainNode {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface PlainRelationship {
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (neo4j.isInt(value)) return (value as neo4j.Integer).toNumber();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value !== 'object') return value;
  if (neo4j.isNode(value)) {
    const node = value as neo4j.Node;
    return {
      elementId: node.elementId,
      labels: node.labels,
      properties: plainObject(node.properties),
    } satisfies PlainNode;
  }
  if (neo4j.isRelationship(value)) {
    const rel = value as neo4j.Relationship;
    return {
      elementId: rel.elementId,
      type: rel.type,
      startElementId: rel.startNodeElementId,
      endElementId: rel.endNodeElementId,
      properties: plainObject(rel.properties),
    } satisfies PlainRelationship;
  }
  if (neo4j.isPath(value)) {
    const path = value as neo4j.Path;
    return {
      nodes: [path.start, ...path.segments.map((s) => s.end)].map(toPlain),
      relationships: path.segments.map((s) => toPlain(s.relationship)),
    };
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return String(value);
  }
  if (neo4j.isPoint(value)) {
    const p = value as neo4j.Point;
    return { srid: toPlain(p.srid), x: p.x, y: p.y, z: p.z ?? null };
  }
  return plainObject(value as Record<string, unknown>);
}

function plainObject(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, val] of Object.entries(object)) out[key] = toPlain(val);
  return out;
}
