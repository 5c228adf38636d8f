// Where the shared material (annotated corpus, source articles) is: $KG_SHARED_DIR, else `shared/`
// beside the repository, as CI lays it out. The evaluations and their tests read it; the product does not.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function sharedDir(): string {
  const dir = process.env.KG_SHARED_DIR?.trim() || join(repoRoot, '..', 'shared');
  if (!existsSync(join(dir, 'corpus'))) {
    throw new Error(
      `The shared corpus is not at ${dir}/corpus: set KG_SHARED_DIR to the folder holding corpus/ and sources/.`,
    );
  }
  return dir;
}
