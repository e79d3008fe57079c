/**
 * What differs between the database engines, in one place: access modules ask here instead of
 * reading an engine's error texts or result shapes.
 */
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { schemaEngine } from "./schema";

const onPostgres = () => schemaEngine === "postgres";

/** How many rows an insert, update or delete without `returning` changed. */
export function changedRows(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}

/** Whether the error is a unique constraint refusing a duplicate in `table.column`. */
export function isUniqueViolation(error: unknown, table: string, column: string): boolean {
  if (!(error instanceof Error)) return false;
  // drizzle wraps the driver's error as its cause
  const e = (error.cause instanceof Error ? error.cause : error) as Error & { code?: string; constraint?: string };
  if (e.code === "SQLITE_CONSTRAINT_UNIQUE") return e.message.includes(`${table}.${column}`);
  return e.code === "23505" && (e.constraint?.includes(column) ?? false);
}

/** The larger of two numbers in SQL: SQLite's two-argument max(), PostgreSQL's greatest(). */
export function greatest(a: SQL, b: number): SQL {
  return onPostgres() ? sql`greatest(${a}, ${b})` : sql`max(${a}, ${b})`;
}

/** Whether a JSON answer column holds a `text` that is not blank. */
export function hasText(response: SQL | AnyColumn): SQL {
  return onPostgres()
    ? sql`trim(coalesce(${response}->>'text', '')) <> ''`
    : sql`trim(coalesce(json_extract(${response}, '$.text'), '')) <> ''`;
}
