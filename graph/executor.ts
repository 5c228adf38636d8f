// The one way the product reaches Neo4j: managed transactions (executeRead / executeWrite) with
// parameters only, a timeout on every transaction, driver errors mapped to named errors, and a
// counter of transactions so tests can assert "one transaction per operation". Every session carries the
// executor's bookmarks, so a read follows the writes before it even on a cluster member that lags.
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { databaseUnavailable, GraphError, timedOut } from './errors.js';
import { toPlain } from './convert.js';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface ExecutorOptions {
  database?: string;
  /** Server-side limit of each transaction (ms). */
  timeoutMs?: number;
  /**
   * Bookmarks every session of this executor starts from and adds to (read-your-writes through
   * neo4j:// on a cluster or Aura); default one per createExecutor when the driver routes, shared by its
   * scoped views; none on a direct bolt:// server.
   */
  bookmarkManager?: BookmarkManager;
}

export interface Executor {
  /** Runs `work` in one read transaction. */
  read<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  /** Runs `work` in one write transaction. */
  write<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  /** One read transaction running one query; rows as plain JSON-ready objects. */
  query(cypher: string, params?: Params, options?: { timeoutMs?: number }): Promise<Row[]>;
  /** One write transaction running one query. */
  mutate(cypher: string, params?: Params, options?: { timeoutMs?: number }): Promise<Row[]>;
  /** A view of the same executor with its own transaction counter (one per request). */
  scoped(): Executor;
  /**
   * The database's position: the bookmark of a trivial read transaction. It changes with every write
   * committed by anyone (this process or another), so equal positions mean an unchanged graph.
   */
  position(): Promise<string>;
  readonly transactions: number;
  readonly driver: Driver;
}

export function runRows(tx: ManagedTransaction, cypher: string, params: Params = {}): Promise<Row[]> {
  return tx.run(cypher, params).then((result) => result.records.map((record) => toPlain(record.toObject()) as Row));
}

/**
 * Whether the driver routes (neo4j://, neo4j+s://: a cluster or Aura). Only then do sessions need the
 * executor's bookmarks; a direct bolt:// server answers every session from the latest commit, and a
 * bookmark kept across a database load or reset (an older store) would make the next read wait for a
 * transaction that never comes. The driver states it only on its metadata.
 */
function routes(driver: Driver): boolean {
  return (driver as unknown as { _meta?: { routing?: boolean } })._meta?.routing === true;
}

export function createExecutor(driver: Driver, options: ExecutorOptions = {}): Executor {
  const bookmarkManager = options.bookmarkManager ?? (routes(driver) ? neo4j.bookmarkManager() : undefined);
  return makeExecutor(driver, { ...options, bookmarkManager }, { count: 0 }, []);
}

function makeExecutor(
  driver: Driver,
  options: ExecutorOptions,
  counter: { count: number },
  parents: { count: number }[],
): Executor {
  const run = async <T>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs?: number,
  ): Promise<T> => {
    counter.count++;
    for (const parent of parents) parent.count++;
    const session = driver.session({
      database: options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: options.bookmarkManager,
    });
    const config = { timeout: timeoutMs ?? options.timeoutMs ?? 15_000 };
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close().catch(() => {});
    }
  };
  const self: Executor = {
    read: (work, o) => run('READ', work, o?.timeoutMs),
    write: (work, o) => run('WRITE', work, o?.timeoutMs),
    query: (cypher, params, o) => run('READ', (tx) => runRows(tx, cypher, params), o?.timeoutMs),
    mutate: (cypher, params, o) => run('WRITE', (tx) => runRows(tx, cypher, params), o?.timeoutMs),
    scoped: () => makeExecutor(driver, options, { count: 0 }, [counter, ...parents]),
    position: async () => {
      counter.count++;
      for (const parent of parents) parent.count++;
      const session = driver.session({
        database: options.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: options.bookmarkManager,
      });
      try {
        await session.executeRead((tx) => tx.run('RETURN 1'), { timeout: options.timeoutMs ?? 15_000 });
        return session.lastBookmarks().join(',');
      } catch (error) {
        throw mapDriverError(error);
      } finally {
        await session.close().catch(() => {});
      }
    },
    get transactions() {
      return counter.count;
    },
    driver,
  };
  return self;
}

/** Maps driver and server errors to the named errors users see; anything else passes unchanged (and is masked by the API). */
export function mapDriverError(error: unknown): unknown {
  if (error instanceof GraphError) return error;
  const code = String((error as { code?: string }).code ?? '');
  const message = String((error as Error).message ?? '');
  // Neo.TransientError.General.DatabaseUnavailable: the server still answers Bolt while it shuts down or starts.
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.endsWith('.DatabaseUnavailable') ||
    /connection acquisition timed out|Failed to connect|ECONNREFUSED|ECONNRESET/i.test(message)
  ) {
    return databaseUnavailable(error);
  }
  if (
    code.includes('TransactionTimedOut') ||
    code.includes('Transaction.TransactionTimedOutClientConfiguration') ||
    /timed out|terminated/i.test(code)
  ) {
    return timedOut(error);
  }
  return error;
}
