import type { Db } from "./client";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * Runs a multi-step write in one transaction: all of it lands or none of it does.
 * better-sqlite3 transactions are synchronous; the function may not await inside.
 */
export function inTransaction<T>(db: Db, work: (tx: Tx) => T): T {
  return db.transaction((tx) => work(tx), { behavior: "immediate" });
}
