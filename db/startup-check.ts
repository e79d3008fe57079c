/**
 * Before a server takes requests: can it reach its database? A wrong address, password or
 * database name is said in one sentence a person can act on, instead of a stack trace on the
 * first request.
 */
import pg from "pg";
import { databaseEngine, readEnv } from "@/lib/env";

/** What stops this process from using its database, or null when nothing does. */
export async function databaseProblem(
  source: Record<string, string | undefined> = process.env,
): Promise<string | null> {
  let env: ReturnType<typeof readEnv>;
  try {
    env = readEnv(source as NodeJS.ProcessEnv);
  } catch (err) {
    return (err as Error).message;
  }
  if (databaseEngine(env) !== "postgres") return null;
  return postgresProblem(env.DATABASE_URL!);
}

/** The server at `url` answers a query, or why it does not (the password is never repeated). */
export async function postgresProblem(url: string, timeoutMs = 5_000): Promise<string | null> {
  const address = new URL(url);
  const where = `${address.hostname}:${address.port || 5432}`;
  const database = decodeURIComponent(address.pathname.slice(1));
  const user = decodeURIComponent(address.username) || "(none given)";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (err) {
    const e = err as Error & { code?: string };
    switch (e.code) {
      case "ECONNREFUSED":
        return `Nothing answers at ${where}: is PostgreSQL running there, and is the port right? (DATABASE_URL)`;
      case "ENOTFOUND":
      case "EAI_AGAIN":
        return `The host ${address.hostname} in DATABASE_URL was not found.`;
      case "28P01":
        return `PostgreSQL at ${where} refused the password for user ${user}. (DATABASE_URL)`;
      case "28000":
        return `PostgreSQL at ${where} does not let user ${user} connect to ${database}: check the user name and pg_hba.conf. (DATABASE_URL)`;
      case "3D000":
        return `The database ${database} does not exist on ${where}: create it (createdb ${database}) or correct DATABASE_URL.`;
      default:
        return /timeout/i.test(e.message)
          ? `PostgreSQL at ${where} did not answer within ${timeoutMs / 1000} s. (DATABASE_URL)`
          : `PostgreSQL at ${where} could not be used: ${e.message}`;
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
