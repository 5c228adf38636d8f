// The database's identity and position, for caches that must notice any committed write: the store
// (db.info id + creation date: a reset or recreated database gets a new one) and the bookmark of a
// trivial read (it moves with every transaction committed by anyone, this process or another).
import type { Executor } from '../executor.js';

export interface DbPosition {
  /** Changes when the database is recreated (`db reset`, a restored dump): every cached answer is void. */
  store: string;
  /** Changes with every committed write. */
  position: string;
}

export async function readDbPosition(executor: Executor): Promise<DbPosition> {
  const [rows, position] = await Promise.all([
    executor.query('CALL db.info() YIELD id, creationDate RETURN id, toString(creationDate) AS created'),
    executor.position(),
  ]);
  const row = rows[0] ?? {};
  return { store: `${String(row.id)}@${String(row.created)}`, position };
}
