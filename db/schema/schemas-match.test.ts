/**
 * The two engines' schemas describe the same database: every table, column, key and index of
 * one is in the other, with values of the same kind, so the access modules (typed against the
 * SQLite tables) run unchanged on PostgreSQL.
 */
import assert from "node:assert/strict";
import test from "node:test";
import { is } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as postgres from "./postgres";
import * as sqlite from "./sqlite";

/** What a column holds, as the access code sees it. */
const KIND: Record<string, string> = {
  SQLiteText: "text",
  SQLiteTextJson: "json",
  SQLiteInteger: "integer",
  SQLiteTimestamp: "timestamp",
  SQLiteBoolean: "boolean",
  SQLiteReal: "real",
  PgText: "text",
  PgJson: "json",
  PgInteger: "integer",
  PgTimestamp: "timestamp",
  PgBoolean: "boolean",
  PgDoublePrecision: "real",
};

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function shapeOf(config: Config) {
  const columnName = (c: { name: string }) => c.name;
  return {
    name: config.name,
    columns: Object.fromEntries(
      config.columns.map((c) => [
        c.name,
        {
          kind: KIND[c.columnType] ?? `unknown ${c.columnType}`,
          notNull: c.notNull,
          primary: c.primary,
          unique: c.isUnique,
          hasDefault: c.hasDefault,
          default: c.default === undefined ? undefined : JSON.stringify(c.default),
          enum: "enumValues" in c ? c.enumValues : undefined,
        },
      ]),
    ),
    primaryKeys: config.primaryKeys.map((k) => k.columns.map(columnName)),
    foreignKeys: config.foreignKeys
      .map((f) => {
        const r = f.reference();
        return `${r.columns.map(columnName).join(",")} -> ${
          is(r.foreignTable, PgTable) ? pgConfig(r.foreignTable).name : sqliteConfig(r.foreignTable as SQLiteTable).name
        }(${r.foreignColumns.map(columnName).join(",")})`;
      })
      .sort(),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name,
        unique: i.config.unique,
        columns: i.config.columns.map((c) => (c as { name: string }).name),
      }))
      .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "")),
  };
}

const sqliteTables = Object.entries(sqlite).filter(([, t]) => is(t, SQLiteTable)) as [string, SQLiteTable][];
const postgresTables = Object.entries(postgres).filter(([, t]) => is(t, PgTable)) as [string, PgTable][];

test("both engines have the same tables, under the same names", () => {
  assert.ok(sqliteTables.length > 20);
  assert.deepEqual(postgresTables.map(([name]) => name).sort(), sqliteTables.map(([name]) => name).sort());
});

for (const [name, table] of sqliteTables) {
  test(`${name}: the same columns, keys and indexes on both engines`, () => {
    const other = postgresTables.find(([n]) => n === name)?.[1];
    assert.ok(other, `${name} is missing from the PostgreSQL schema`);
    const expected = shapeOf(sqliteConfig(table));
    assert.equal(
      Object.values(expected.columns).some((c) => c.kind.startsWith("unknown")),
      false,
    );
    assert.deepEqual(shapeOf(pgConfig(other)), expected);
  });
}
