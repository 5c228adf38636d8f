// Records the Cypher an operation runs, transaction by transaction, by wrapping the driver the
// executor uses; replays it straight through the driver. This is how "the same Cypher" as a GraphQL
// field is measured without copying the resolvers' queries, and how transactions per operation are counted.
import type { Driver, ManagedTransaction, Session, SessionConfig } from 'neo4j-driver';

type TransactionConfig = Parameters<Session['executeRead']>[1];

export interface CapturedQuery {
  cypher: string;
  params: Record<string, unknown>;
  /** Queries issued in the same turn of the event loop share a batch: the resolver pipelined them. */
  batch: number;
}

export interface CapturedTransaction {
  mode: 'READ' | 'WRITE';
  queries: CapturedQuery[];
  /** Transactions opened in the same turn of the event loop share a batch: they ran side by side. */
  batch: number;
}

/** A counter that moves on once per turn of the event loop (after the current macrotask). */
function turnCounter() {
  let turn = 0;
  let open = false;
  return () => {
    if (!open) {
      open = true;
      turn++;
      setImmediate(() => (open = false));
    }
    return turn;
  };
}

export interface CapturingDriver {
  /** Use this driver for the executor under test. */
  driver: Driver;
  /** Transactions recorded since the last call, and clears them. */
  take(): CapturedTransaction[];
}

export function capturingDriver(real: Driver): CapturingDriver {
  let recorded: CapturedTransaction[] = [];
  const currentTurn = turnCounter();
  const wrapTx = (tx: ManagedTransaction, log: CapturedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === 'run') {
          return (cypher: string, params?: Record<string, unknown>) => {
            log.queries.push({ cypher, params: params ?? {}, batch: currentTurn() });
            return target.run(cypher, params);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop, receiver) {
        if (prop === 'executeRead' || prop === 'executeWrite') {
          const mode = prop === 'executeRead' ? 'READ' : 'WRITE';
          return <T>(work: (tx: ManagedTransaction) => Promise<T>, config?: TransactionConfig) => {
            const entry: CapturedTransaction = { mode, queries: [], batch: currentTurn() };
            recorded.push(entry);
            return target[prop]((tx) => {
              entry.queries.length = 0; // a retried transaction records its last attempt only
              return work(wrapTx(tx, entry));
            }, config);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const driver = new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === 'session') return (config?: SessionConfig) => wrapSession(target.session(config));
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    driver,
    take() {
      const out = recorded;
      recorded = [];
      return out;
    },
  };
}

function groups<T extends { batch: number }>(items: T[]): T[][] {
  const out: T[][] = [];
  for (const item of items) {
    if (out.length && out[out.length - 1][0].batch === item.batch) out[out.length - 1].push(item);
    else out.push([item]);
  }
  return out;
}

/**
 * Runs the recorded transactions again, straight through the driver, with the same concurrency: what
 * the resolver pipelined (queries, or transactions side by side) is pipelined again, what it ran one
 * after the other runs one after the other. Records are fetched, not converted.
 */
export async function replay(driver: Driver, transactions: CapturedTransaction[], database?: string): Promise<number> {
  let rows = 0;
  const one = async (t: CapturedTransaction) => {
    const session = driver.session({ database, defaultAccessMode: t.mode === 'READ' ? 'READ' : 'WRITE' });
    try {
      const work = async (tx: ManagedTransaction) => {
        for (const batch of groups(t.queries)) {
          const results = await Promise.all(batch.map((q) => tx.run(q.cypher, q.params)));
          for (const result of results) rows += result.records.length;
        }
      };
      await (t.mode === 'READ' ? session.executeRead(work) : session.executeWrite(work));
    } finally {
      await session.close();
    }
  };
  for (const batch of groups(transactions)) await Promise.all(batch.map(one));
  return rows;
}
