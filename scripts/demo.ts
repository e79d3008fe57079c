/**
 * `npm run demo`: everything needed to try Marginalia on this machine, in one command.
 * Creates and migrates the database at DATABASE_PATH, imports the lessons, builds the app if
 * the build is not current, and serves it on HOSTNAME:PORT.
 */
import { spawn } from "node:child_process";
import { databaseFile, defaultBaseUrl, readEnv } from "@/lib/env";
import { ensureBuild } from "./build";
import { setUpDatabase } from "./setup-database";
import { seedDemo } from "./seed-demo";

const env = readEnv();
const file = databaseFile(env);
console.log(`Database: ${file}`);
const db = await setUpDatabase(file);
await seedDemo();
await ensureBuild(db, file);
db.$client.close();

const baseUrl = defaultBaseUrl(env);
console.log(`\nMarginalia is starting: open ${baseUrl}/lessons (demo accounts are listed in the README)\n`);
const server = spawn("npx", ["next", "start", "-H", env.HOSTNAME, "-p", String(env.PORT)], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_PATH: file, NEXTAUTH_URL: env.NEXTAUTH_URL ?? baseUrl, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
