/**
 * Errors that say the database is out of reach for a moment (restarting, a dropped connection,
 * a lock held too long), as opposed to a bug: the request is answered 503 and tried again.
 * Codes are node's socket errors, PostgreSQL's SQLSTATEs and SQLite's result codes.
 */
const UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01", // admin_shutdown: the server was stopped
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or recovering
  "08000", // connection_exception
  "08001",
  "08003",
  "08004",
  "08006",
  "SQLITE_BUSY",
  // Still in conflict after db/transaction.ts's retries: a burst of writers (every client retrying at
  // once after an outage), busy as SQLite's lock is, not a bug.
  "40001", // serialization_failure
  "40P01", // deadlock_detected
]);

/** What the person is told then, before what happens next (the autosave tries again; a form asks to). */
export const DATABASE_UNAVAILABLE = "The database is not answering right now, so nothing was saved.";

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE.has(code)) return true;
    if (
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
        e.message,
      )
    )
      return true;
  }
  return false;
}
