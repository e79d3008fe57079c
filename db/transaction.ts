/**
 * Transactions that may await. On PostgreSQL each takes a connection from the pool and runs
 * serializable, retried when the server says another transaction got in the way, so it behaves
 * as SQLite's one-at-a-time transactions do.
 *
 * better-sqlite3 runs one statement at a time on a connection,
 * so an awaiting transaction must not share its connection with anything else while it is
 * open: the app reads through a read-only connection (getDb) and every write goes through
 * inTransaction, which runs one transaction at a time on the writer connection.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db, ReadDb } from "./client";
import { engineOf, writerOf } from "./client";

declare const transactionBrand: unique symbol;
/** A connection inside an open transaction: the only handle that may write. */
export type Tx = Db & { readonly [transactionBrand]: true };
/** Anything that may read. */
export type DbOrTx = ReadDb | Tx;

// Shared by every copy of this module (Next.js may load one per server layer): one queue per writer.
const shared = globalThis as unknown as {
  [key: symbol]:
    | {
        open: AsyncLocalStorage<{ writer: Db; tx: Tx }>;
        queues: WeakMap<Db, Promise<unknown>>;
        keyed: Map<string, Promise<unknown>>;
      }
    | undefined;
};
const STATE = Symbol.for("marginalia.transactions");
shared[STATE] ??= { open: new AsyncLocalStorage(), queues: new WeakMap(), keyed: new Map() };
const { open, queues, keyed } = shared[STATE];

/**
 * Runs a multi-step write in one transaction: all of it lands or none of it does, whatever
 * the work awaits. A transaction started inside another one's work joins it. The work must
 * await only the database, never the network: the writer waits for it.
 */
export async function inTransaction<T>(db: ReadDb | Db, work: (tx: Tx) => Promise<T> | T): Promise<T> {
  const writer = writerOf(db);
  const current = open.getStore();
  if (current?.writer === writer) return work(current.tx);
  if (engineOf(writer) === "postgres") return postgresTransaction(writer, work);
  const tx = writer as Tx;
  return oneAtATime(writer, () =>
    open.run({ writer, tx }, async () => {
      writer.$client.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(tx);
        writer.$client.exec("COMMIT");
        return result;
      } catch (error) {
        if (writer.$client.inTransaction) writer.$client.exec("ROLLBACK");
        throw error;
      }
    }),
  );
}

/**
 * inTransaction, queued behind this process's other transactions with the same key. On
 * PostgreSQL, writes that all change one row (one student's attempt: several tabs, a retry
 * storm) would otherwise fail each other's serializable check over and over; queued, each waits
 * its turn, and only other servers' transactions on that row can still collide (and are
 * retried). SQLite already runs every transaction one at a time.
 */
export async function inQueuedTransaction<T>(
  db: ReadDb | Db,
  key: string,
  work: (tx: Tx) => Promise<T> | T,
): Promise<T> {
  if (open.getStore() || engineOf(writerOf(db)) !== "postgres") return inTransaction(db, work);
  return queueBehind(keyed, key, () => inTransaction(db, work));
}

function oneAtATime<T>(writer: Db, run: () => Promise<T>): Promise<T> {
  return queueBehind(queues, writer, run);
}

/**
 * Runs `run` once everything queued under `key` has settled, whether it succeeded or failed.
 * The last in line clears its key, so a queue map holds only keys with work waiting.
 */
function queueBehind<K, T>(
  queue: {
    get(key: K): Promise<unknown> | undefined;
    set(key: K, value: Promise<unknown>): unknown;
    delete(key: K): unknown;
  },
  key: K,
  run: () => Promise<T>,
): Promise<T> {
  const previous = queue.get(key) ?? Promise.resolve();
  const next = previous.then(run, run);
  const settled = next.catch(() => undefined);
  queue.set(key, settled);
  void settled.then(() => {
    if (queue.get(key) === settled) queue.delete(key);
  });
  return next;
}

/** SQLSTATEs after which PostgreSQL asks for the transaction to be run again. */
const RETRYABLE = new Set(["40001", "40P01"]); // serialization failure, deadlock
const ATTEMPTS = 12;

async function postgresTransaction<T>(writer: Db, work: (tx: Tx) => Promise<T> | T): Promise<T> {
  const pool = writer as unknown as {
    transaction<R>(run: (tx: Tx) => Promise<R>, config: { isolationLevel: "serializable" }): Promise<R>;
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await pool.transaction((tx) => open.run({ writer, tx }, async () => work(tx)), {
        isolationLevel: "serializable",
      });
    } catch (error) {
      const code =
        (error as { code?: string; cause?: { code?: string } }).code ??
        (error as { cause?: { code?: string } }).cause?.code;
      if (!code || !RETRYABLE.has(code) || attempt >= ATTEMPTS) throw error;
      // Full jitter, growing to at most 200 ms: about 1.5 s of waiting at most before giving up with a 503.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** attempt)));
    }
  }
}
