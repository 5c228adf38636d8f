// Converts API graph slices (GraphNode / GraphEdge) into Cytoscape element definitions. `data.id` is
// the domain id, `data.type` the label; visual state travels in classes, never in inline styles.
import type { ElementDefinition } from 'cytoscape';
import { tOr } from '../i18n/index.js';
import { nodeLabel } from './labels.js';

/** The element shape views build and hand to GraphCanvas (Cytoscape's, named here so views need not import it). */
export type { ElementDefinition };

interface SliceNode {
  id: string;
  type: string;
  label: string;
  data?: unknown;
}
interface SliceEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  data?: unknown;
  citations?: readonly unknown[];
}
export interface Slice {
  nodes: readonly SliceNode[];
  edges: readonly SliceEdge[];
  truncated?: boolean;
}

type Props = Record<string, unknown>;

function asProps(value: unknown): Props {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Props) : {};
}

/** Classes that carry a node's state into the stylesheet. */
function stateClasses(props: Props): string[] {
  const classes: string[] = [];
  if (props.identified === false) classes.push('unknown');
  if (props.kind === 'guarantee' || props.kind === 'GUARANTEE') classes.push('guarantee');
  if (props.local === true) classes.push('local');
  if (props.local === false) classes.push('external');
  if (typeof props.status === 'string') classes.push(`status-${props.status}`);
  if (typeof props.confidence === 'string') classes.push(`conf-${props.confidence}`);
  if (props.synthetic === true) classes.push('synthetic');
  return classes;
}

export function nodeElement(node: {
  id: string;
  type: string;
  name: string;
  nameEn?: string | null;
  subtitle?: string | null;
  props?: Props;
  classes?: string[];
}): ElementDefinition {
  const props = node.props ?? {};
  return {
    group: 'nodes',
    data: {
      ...props,
      w: 40,
      h: 20,
      id: node.id,
      type: node.type,
      name: node.name,
      nameEn: node.nameEn ?? (props.nameEn as string | undefined) ?? null,
      subtitle: node.subtitle ?? null,
      label: nodeLabel({
        name: node.name,
        nameEn: node.nameEn ?? (props.nameEn as string | undefined),
        subtitle: node.subtitle,
      }),
    },
    classes: [...stateClasses(props), ...(node.classes ?? [])].join(' '),
  };
}

export function edgeLabel(type: string): string {
  return tOr(`rel.${type}`, type);
}

export function edgeElement(edge: {
  id: string;
  source: string;
  target: string;
  type: string;
  props?: Props;
  citations?: readonly unknown[];
  classes?: string[];
}): ElementDefinition {
  const props = edge.props ?? {};
  return {
    group: 'edges',
    data: {
      ...props,
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      label: edgeLabel(edge.type),
      citations: edge.citations ?? props.citations ?? [],
    },
    classes: [`rel-${edge.type}`, ...stateClasses(props), ...(edge.classes ?? [])].join(' '),
  };
}

export function sliceElements(slice: Slice): ElementDefinition[] {
  const ids = new Set(slice.nodes.map((n) => n.id));
  const nodes = slice.nodes.map((n) => {
    const props = asProps(n.data);
    return nodeElement({
      id: n.id,
      type: n.type,
      name: (props.name as string) ?? n.label,
      nameEn: props.nameEn as string | undefined,
      props,
    });
  });
  // An edge whose end is not in the slice cannot be drawn; the API should not send one, but a
  // truncated slice may.
  const edges = slice.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => edgeElement({ ...e, props: asProps(e.data) }));
  return [...nodes, ...edges];
}
