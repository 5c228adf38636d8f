// Guards the layer directions the README states: graph imports nothing of ours, seed imports graph,
// server imports graph and seed, web talks to the server over HTTP only. Reads source files; no database.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
type Layer = 'graph' | 'seed' | 'server' | 'web';
// Which of our layers each layer may import (itself always allowed).
const allowed: Record<Layer, Layer[]> = { graph: [], seed: ['graph'], server: ['graph', 'seed'], web: [] };
const layerDirs: Record<Layer, string> = { graph: 'graph', seed: 'seed', server: 'server', web: join('web', 'src') };

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

/** Every module specifier of static imports, re-exports and dynamic imports. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g];
  patterns.push(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g);
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** The layer a path belongs to, or undefined for anything outside the four (tests, scripts, node_modules). */
function layerOf(path: string): Layer | undefined {
  const rel = relative(root, path);
  for (const layer of Object.keys(layerDirs) as Layer[]) {
    const dir = layerDirs[layer];
    if (rel === dir || rel.startsWith(dir + sep)) return layer;
  }
  return undefined;
}

function violations(): string[] {
  const wrong: string[] = [];
  for (const layer of Object.keys(layerDirs) as Layer[]) {
    for (const file of sourceFiles(join(root, layerDirs[layer]))) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue; // packages and node: builtins are not our layers
        const target = resolve(dirname(file), spec);
        const targetLayer = layerOf(target);
        const outside = targetLayer === undefined && relative(root, target).split(sep)[0] !== 'node_modules';
        if (outside || (targetLayer !== layer && targetLayer && !allowed[layer].includes(targetLayer))) {
          wrong.push(`${relative(root, file)} imports ${spec} (${targetLayer ?? relative(root, target)})`);
        }
      }
    }
  }
  return wrong;
}

describe('layer directions', () => {
  it('finds the import forms it must check', () => {
    const text = `import a from './a.js';\nimport type { B } from "../b.js";\nexport { c } from './c.js';\nimport './d.js';\nconst e = await import('./e.js');`;
    expect(specifiers(text).sort()).toEqual(['../b.js', './a.js', './c.js', './d.js', './e.js']);
  });

  it('has source files in every layer', () => {
    for (const dir of Object.values(layerDirs)) expect(sourceFiles(join(root, dir)).length).toBeGreaterThan(0);
  });

  it('has no import against the layer directions', () => {
    expect(violations()).toEqual([]);
  });
});
