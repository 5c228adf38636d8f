// Test fixtures of the seed pipeline: the small valid dataset of tests/fixtures/seed/valid and
// variants of it with one mistake each, written to a temporary folder.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const VALID_FIXTURE_DIR = resolve('tests/fixtures/seed/valid');

export function fixtureFiles(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(VALID_FIXTURE_DIR).map((name) => [name, readFileSync(join(VALID_FIXTURE_DIR, name), 'utf8')]),
  );
}

/** A copy of the valid fixture with `edit` applied; returns the folder. */
export function fixtureVariant(edit: (files: Record<string, string>) => void): string {
  const files = fixtureFiles();
  edit(files);
  const dir = mkdtempSync(join(tmpdir(), 'seed-fixture-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Replaces exactly one occurrence of `from` (fails loudly when the fixture changed). */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`fixture text "${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
