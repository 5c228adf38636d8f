// Assembles the Neo4j Community jars (and APOC core) from Maven Central into .neo4j/dist, once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setupProblem } from '../errors.js';
import { distDir, pomFile } from './instance-config.js';

export function checkTool(command: string, args: string[], debianPackage: string): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw setupProblem(
      `\`${command}\` is missing or broken. Install it with: sudo apt-get install -y ${debianPackage}` +
        ' (or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use a Neo4j you already run).',
    );
  }
}

export function isAssembled(): boolean {
  const lib = join(distDir, 'lib');
  return (
    existsSync(lib) &&
    readdirSync(lib).some((f) => f.startsWith('neo4j-kernel-')) &&
    existsSync(join(distDir, 'plugins'))
  );
}

/** Downloads the jars with Maven if they are not there yet. Returns true when it did work. */
export function assemble(log: (line: string) => void = console.log): boolean {
  checkTool('java', ['-version'], 'openjdk-17-jre-headless');
  if (isAssembled()) return false;
  checkTool('mvn', ['-v'], 'maven');
  log('Assembling Neo4j 5.26 Community and APOC core from Maven Central (first run only, ~120 MB)…');
  const started = Date.now();
  const result = spawnSync('mvn', ['-q', '-B', '-f', pomFile, 'package'], { stdio: 'inherit' });
  if (result.status !== 0 || !isAssembled()) {
    throw setupProblem(
      `Maven could not assemble Neo4j (exit ${result.status}). Check that Maven Central is reachable and rerun.`,
    );
  }
  log(`Neo4j jars ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${distDir}).`);
  return true;
}
