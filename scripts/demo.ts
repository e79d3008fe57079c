/**
 * `npm run demo`: everything needed to try Marginalia on this machine, in one command.
 * Creates and migrates the database at DATABASE_PATH, imports the lessons, builds the app if
 * the build is not current, and serves it on HOSTNAME:PORT.
 */
import { spawn } from "node:child_process";
import { databaseFile, readEnv } from "@/lib/env";
import { ensureBuild } from "./build";
import { setUpDatabase } from "./setup-database";

const env = readEnv();
const file = databaseFile(env);
console.log(`Database: ${file}`);
const db = setUpDatabase(file);
ensureBuild(db, file);
db.$client.close();

const shownHost = env.HOSTNAME === "0.0.0.0" || env.HOSTNAME === "::" ? "localhost" : env.HOSTNAME;
console.log(`\nMarginalia is starting: open http://${shownHost}:${env.PORT}/lessons\n`);
const server = spawn("npx", ["next", "start", "-H", env.HOSTNAME, "-p", String(env.PORT)], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_PATH: file, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
