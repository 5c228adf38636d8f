// The database's identity and position, for caches that must notice any committed write: the store
// (db.info id + creation date: a reset or recreated database gets a new one; plus the Neo4j
// process's start: a restarted Neo4j may hold data changed while it was down, e.g. an offline import or a loaded
// dump, so no answer from before a restart is trusted) and the bookmark of a trivial read (it moves with
// every transaction committed by anyone, this process or another).
import type { Executor } from '../executor.js';

export interface DbPosition {
  /** Changes when the database is recreated (`db reset`, a restored dump) or restarted: every cached answer is void. */
  store: string;
  /** Changes with every committed write. */
  position: string;
}

export async function readDbPosition(executor: Executor): Promise<DbPosition> {
  const [rows, position] = await Promise.all([
    // the JVM's start time (SHOW DATABASES' lastStartTime does not move when the whole DBMS restarts)
    executor.query(
      "CALL db.info() YIELD id, creationDate CALL dbms.queryJmx('java.lang:type=Runtime') YIELD attributes RETURN id, toString(creationDate) AS created, toString(attributes.StartTime.value) AS started",
    ),
    executor.position(),
  ]);
  const row = rows[0] ?? {};
  return { store: `${String(row.id)}@${String(row.created)}@${String(row.started)}`, position };
}
