// `npm run db -- start|stop|status|logs|reset|env|dump [FILE]|load FILE [--instance work|test|bench]`
import { join } from 'node:path';
import { createDriver, externalSettings, verifyDriver } from '../connection.js';
import { GraphError } from '../errors.js';
import { INSTANCES, projectRoot } from './instance-config.js';
import {
  connectionOf,
  dumpInstance,
  instanceStatus,
  lastLogLines,
  loadInstance,
  resetInstance,
  startInstance,
  stopInstance,
} from './instance.js';

const USAGE = `Usage: npm run db -- <command> [--instance work|test|bench]
  start        start the local Neo4j (reuses a running one) and wait until it answers
  stop         stop it
  status       is it running and answering?
  logs         the last lines of its logs
  reset        delete its data (stops it first)
  env          shell lines NEO4J_URI=… NEO4J_USER=… NEO4J_PASSWORD=… for your tools
  dump [FILE]  back the database up to FILE (default .neo4j/backups/neo4j-<time>.dump)
  load FILE    restore the database from FILE`;

async function main(argv: string[]): Promise<number> {
  const instanceFlag = argv.indexOf('--instance');
  const instanceName = instanceFlag >= 0 ? argv[instanceFlag + 1] : 'work';
  const args = instanceFlag >= 0 ? argv.filter((_, i) => i !== instanceFlag && i !== instanceFlag + 1) : argv;
  const [command, file] = args;
  const spec = INSTANCES[instanceName ?? ''];
  if (!spec) {
    console.error(`Unknown instance "${instanceName}". Use one of: ${Object.keys(INSTANCES).join(', ')}.`);
    return 2;
  }
  const external = externalSettings();
  if (external && ['start', 'stop', 'reset', 'dump', 'load', 'logs'].includes(command ?? '')) {
    if (command !== 'start') {
      console.error(
        `NEO4J_URI is set (${external.uri}): "${command}" manages only the local Neo4j. Unset NEO4J_URI to use it.`,
      );
      return 2;
    }
    const driver = createDriver(external);
    try {
      await verifyDriver(driver, external);
      console.log(`NEO4J_URI is set: using ${external.uri}; nothing local started. It answers.`);
    } finally {
      await driver.close();
    }
    return 0;
  }
  switch (command) {
    case 'start': {
      const { reused, connection } = await startInstance(spec);
      console.log(
        reused
          ? `Reused the running Neo4j "${spec.name}" at ${connection.uri}.`
          : `Neo4j "${spec.name}" started at ${connection.uri}.`,
      );
      return 0;
    }
    case 'stop':
      stopInstance(spec);
      return 0;
    case 'status': {
      const status = await instanceStatus(spec);
      console.log(
        status.running
          ? `Neo4j "${spec.name}" runs (pid ${status.pid}) at ${status.connection.uri}; ${status.answering ? 'it answers' : 'it does not answer yet'}.`
          : `Neo4j "${spec.name}" is not running (home ${status.home}). Start it with: npm run db -- start`,
      );
      return status.running && status.answering ? 0 : 3;
    }
    case 'logs':
      console.log(lastLogLines(spec, 60));
      return 0;
    case 'reset':
      resetInstance(spec);
      return 0;
    case 'env': {
      const conn = connectionOf(spec);
      console.log(`NEO4J_URI=${conn.uri}\nNEO4J_USER=${conn.user}\nNEO4J_PASSWORD=${conn.password}`);
      return 0;
    }
    case 'dump': {
      const target =
        file ?? join(projectRoot, '.neo4j/backups', `neo4j-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`);
      await dumpInstance(spec, target);
      return 0;
    }
    case 'load':
      if (!file) {
        console.error('load needs the dump file: npm run db -- load FILE');
        return 2;
      }
      await loadInstance(spec, file);
      return 0;
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof GraphError ? `Error: ${error.message}` : error);
    process.exit(1);
  },
);
