// The full texts of sources kept in the repo (seed/data/texts/S1.txt is source:s1), so the validator can
// check that a quote citing them is their own words without needing ../shared at run time.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEXTS_DIR = fileURLToPath(new URL('../data/texts/', import.meta.url));
let cached: ReadonlyMap<string, string> | undefined;

/** Source id → text, from `<NAME>.txt` files (source:<name in lower case>); read once. */
export function sourceTexts(dir = TEXTS_DIR): ReadonlyMap<string, string> {
  if (dir === TEXTS_DIR && cached) return cached;
  const texts = new Map<string, string>();
  if (existsSync(dir))
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')))
      texts.set(`source:${file.slice(0, -4).toLowerCase()}`, readFileSync(join(dir, file), 'utf8'));
  if (dir === TEXTS_DIR) cached = texts;
  return texts;
}
