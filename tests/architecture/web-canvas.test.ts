// Guards the web page's one owner of Cytoscape: no file under web/src/ui imports 'cytoscape' or reaches
// into a Cytoscape instance (`.cy`); views ask GraphCanvas (web/src/canvas) by name. Reads files only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

/** The lines of `text` that import cytoscape (statically, as a type or dynamically) or use `.cy`. */
function cytoscapeUses(text: string): string[] {
  const imports = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]cytoscape(?:\/[^'"]*)?['"]/;
  const member = /\.cy\b(?!\w)/;
  return text.split('\n').filter((line) => imports.test(line) || member.test(line));
}

describe('web/src/ui asks GraphCanvas, never Cytoscape', () => {
  it('the check sees each kind of use', () => {
    expect(cytoscapeUses("import type { Core } from 'cytoscape';")).toHaveLength(1);
    expect(cytoscapeUses("import cytoscape from 'cytoscape';")).toHaveLength(1);
    expect(cytoscapeUses("const m = await import('cytoscape');")).toHaveLength(1);
    expect(cytoscapeUses('ctx.graph.cy.nodes();')).toHaveLength(1);
    expect(cytoscapeUses('const cy = this.cy;')).toHaveLength(1);
    expect(cytoscapeUses("ctx.graph.runLayout('elk');")).toHaveLength(0);
    expect(cytoscapeUses("import { x } from '../../canvas/elements.js';")).toHaveLength(0);
    expect(cytoscapeUses('const fancy = 1; a.cycle();')).toHaveLength(0);
  });

  it('no file under web/src/ui imports cytoscape or uses .cy', () => {
    const files = sourceFiles(join(root, 'web', 'src', 'ui'));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) =>
      cytoscapeUses(readFileSync(file, 'utf8')).map((line) => `${relative(root, file)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
