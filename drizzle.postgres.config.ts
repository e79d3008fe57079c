import { defineConfig } from "drizzle-kit";

/** Migrations for PostgreSQL, generated from db/schema/postgres.ts beside the SQLite ones. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/postgres.ts",
  out: "./db/migrations-postgres",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/marginalia" },
});
