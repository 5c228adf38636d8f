// Which Neo4j the product talks to: the server NEO4J_URI points at (nothing local is started), or
// the project's own local instance. One place builds the driver, with bounded timeouts so that a
// database that goes away makes requests fail within seconds, not minutes.
import neo4j, { type Driver } from 'neo4j-driver';
import { setupProblem } from './errors.js';
import { INSTANCES, type InstanceSpec } from './runtime/instance-config.js';
import { startInstance, type LocalConnection } from './runtime/instance.js';

export interface ConnectionSettings extends LocalConnection {
  external: boolean;
  database?: string;
}

export function externalSettings(env: NodeJS.ProcessEnv = process.env): ConnectionSettings | null {
  if (!env.NEO4J_URI) return null;
  if (!env.NEO4J_PASSWORD) {
    throw setupProblem(
      'NEO4J_URI is set but NEO4J_PASSWORD is not. Set NEO4J_USER (default neo4j) and NEO4J_PASSWORD for that server.',
    );
  }
  return {
    uri: env.NEO4J_URI,
    user: env.NEO4J_USER ?? 'neo4j',
    password: env.NEO4J_PASSWORD,
    database: env.NEO4J_DATABASE || undefined,
    external: true,
  };
}

/** The external server when NEO4J_URI is set; otherwise starts (or reuses) the local instance. */
export async function ensureDatabase(
  spec: InstanceSpec = INSTANCES.work,
  log: (line: string) => void = console.log,
): Promise<ConnectionSettings> {
  const external = externalSettings();
  if (external) {
    log(`Using the Neo4j at ${external.uri} (NEO4J_URI); nothing local is started.`);
    return external;
  }
  const { connection } = await startInstance(spec, log);
  return { ...connection, external: false };
}

export interface DriverOptions {
  /** Bound on waiting for a connection from the pool (ms). */
  acquisitionTimeoutMs?: number;
  /** Bound on retrying a managed transaction on transient errors (ms). */
  maxRetryTimeMs?: number;
}

export function createDriver(settings: ConnectionSettings, options: DriverOptions = {}): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    disableLosslessIntegers: true, // integers arrive as JS numbers: the API promises plain JSON numbers
    connectionTimeout: 3000,
    connectionAcquisitionTimeout: options.acquisitionTimeoutMs ?? 5000,
    maxTransactionRetryTime: options.maxRetryTimeMs ?? 3000,
    maxConnectionPoolSize: 50,
    userAgent: 'changchun-chain-kg',
    logging: { level: 'error', logger: (_level, message) => console.error(`[neo4j] ${message}`) },
  });
}

/** Verifies the driver can talk to the server; turns the driver's errors into messages a person can act on. */
export async function verifyDriver(driver: Driver, settings: ConnectionSettings): Promise<void> {
  try {
    await driver.verifyConnectivity({ database: settings.database });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.includes('Unauthorized') || code.includes('AuthenticationRateLimit')) {
      throw setupProblem(
        settings.external
          ? `Neo4j at ${settings.uri} refused the user "${settings.user}" and NEO4J_PASSWORD. Check NEO4J_USER and NEO4J_PASSWORD.`
          : `The local Neo4j refused the password in .neo4j/instances/*/password. Run \`npm run db -- reset\` to start over with a fresh database.`,
        error,
      );
    }
    throw setupProblem(
      `Neo4j at ${settings.uri} is not answering (${(error as Error).message}). ` +
        (settings.external
          ? 'Check NEO4J_URI and that the server runs.'
          : 'Run `npm run db -- status` and `npm run db -- logs`.'),
      error,
    );
  }
}
