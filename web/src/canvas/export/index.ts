// Export of what is on screen (loaded on first use): PNG, SVG, CSV (UTF-8 with BOM), JSON (Cytoscape
// format) and GraphML, each as a file download named after the view and the day.
import type { Core } from 'cytoscape';
import { toCsv } from './csv.js';
import { toGraphml } from './graphml.js';
import { toCytoscapeJson } from './json.js';
import { toSvg } from './svg.js';

const EXPORT_FORMATS = ['png', 'svg', 'csv', 'json', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MIME: Record<ExportFormat, string> = {
  png: 'image/png',
  svg: 'image/svg+xml;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
  graphml: 'application/xml;charset=utf-8',
};

export async function exportGraph(cy: Core, format: ExportFormat): Promise<Blob> {
  switch (format) {
    case 'png':
      // full: the whole graph, not only the viewport; scale 2 for print; white so it pastes into reports.
      return (await cy.png({
        output: 'blob-promise',
        full: true,
        scale: 2,
        bg: '#ffffff',
        maxWidth: 8000,
        maxHeight: 8000,
      })) as Blob;
    case 'svg':
      return new Blob([toSvg(cy)], { type: MIME.svg });
    case 'csv':
      return new Blob([toCsv(cy)], { type: MIME.csv });
    case 'json':
      return new Blob([toCytoscapeJson(cy)], { type: MIME.json });
    case 'graphml':
      return new Blob([toGraphml(cy)], { type: MIME.graphml });
  }
}

export function exportFilename(view: string, format: ExportFormat): string {
  const day = new Date().toISOString().slice(0, 10);
  return `changchun-kg-${view}-${day}.${format}`;
}
