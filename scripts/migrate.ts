/** `npm run db:migrate`: creates the database at DATABASE_PATH if needed and applies migrations. */
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { databaseFile } from "@/lib/env";

const file = databaseFile();
runMigrations(openDatabase(file));
console.log(`Database ready at ${file}`);
