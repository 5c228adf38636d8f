// `npm start`: installs what a fresh clone lacks (npm dependencies, the web build), then runs the
// server (which assembles and starts the local Neo4j and loads the data when the database is empty).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(process.execPath, [join(root, 'scripts/ensure-deps.mjs')]);

// Rebuild the page when a source file is newer than the build.
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const path = join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
const webIndex = join(root, 'web/index.html');
const built = join(root, 'web/dist/index.html');
if (
  existsSync(webIndex) &&
  (!existsSync(built) ||
    newest(join(root, 'web/src')) > statSync(built).mtimeMs ||
    statSync(webIndex).mtimeMs > statSync(built).mtimeMs)
) {
  console.log('Building the web page…');
  run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
}

run(join(root, 'node_modules/.bin/tsx'), [join(root, 'server/main.ts')]);
