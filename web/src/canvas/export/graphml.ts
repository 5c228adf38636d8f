// GraphML of what is on screen (yEd, Gephi, NetworkX read it): typed keys for the shared fields.
import type { Core } from 'cytoscape';
import { visibleRows } from './table.js';

const esc = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toGraphml(cy: Core): string {
  const { nodes, edges } = visibleRows(cy);
  const nodeKeys = ['type', 'name', 'nameEn', 'status', 'confidence', 'sources'] as const;
  const edgeKeys = ['type', 'status', 'confidence', 'sources'] as const;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeKeys.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    '  <key id="n_x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="n_y" for="node" attr.name="y" attr.type="double"/>',
    ...edgeKeys.map((k) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="string"/>`),
    '  <graph id="G" edgedefault="directed">',
  ];
  for (const n of nodes) {
    lines.push(`    <node id="${esc(n.id)}">`);
    for (const k of nodeKeys) if (n[k]) lines.push(`      <data key="n_${k}">${esc(n[k])}</data>`);
    lines.push(`      <data key="n_x">${n.x}</data>`, `      <data key="n_y">${n.y}</data>`, '    </node>');
  }
  for (const e of edges) {
    lines.push(`    <edge id="${esc(e.id)}" source="${esc(e.source)}" target="${esc(e.target)}">`);
    for (const k of edgeKeys) if (e[k]) lines.push(`      <data key="e_${k}">${esc(e[k])}</data>`);
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
