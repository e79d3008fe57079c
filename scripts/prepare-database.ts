/**
 * `npm run db:prepare` (run before `npm run dev` and `npm run build`): migrates the database at
 * DATABASE_PATH and imports the lessons, so a fresh clone can build and serve. Pages are
 * prerendered from the database, so without it `next build` fails with "no such table".
 * Idempotent: on a prepared database it changes nothing.
 */
import { databaseFile, readEnv } from "@/lib/env";
import { setUpDatabase } from "./setup-database";

const file = databaseFile(readEnv());
console.log(`Database: ${file}`);
(await setUpDatabase(file)).$client.close();
