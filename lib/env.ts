/**
 * Marginalia's settings from the environment, read and validated in one place. Elsewhere only
 * Next.js's own variables are read directly (NODE_ENV, NEXT_RUNTIME in proxy.ts and
 * instrumentation.ts), and scripts and test tooling set DATABASE_PATH or DATABASE_URL for the
 * connection they open.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";

const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);
const optional = z.preprocess(emptyAsUndefined, z.string().optional());

/** postgres://user:password@host:port/database; the engine is PostgreSQL when this is set. */
const postgresUrl = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .refine((v) => URL.canParse(v) && /^postgres(ql)?:$/.test(new URL(v).protocol) && new URL(v).pathname.length > 1, {
      message:
        "must be a postgres:// address naming a database, like postgres://marginalia:secret@db-host:5432/marginalia",
    })
    .optional(),
);

const envSchema = z.object({
  DATABASE_PATH: z.preprocess(emptyAsUndefined, z.string().default("data/marginalia.db")),
  /** When set, Marginalia keeps its data in this PostgreSQL database instead of the SQLite file. */
  DATABASE_URL: postgresUrl,
  /** Connections each app server keeps open to PostgreSQL. */
  DATABASE_POOL_SIZE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(200).default(10)),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  HOSTNAME: z.preprocess(emptyAsUndefined, z.string().default("0.0.0.0")),
  NEXTAUTH_URL: optional,
  NEXTAUTH_SECRET: optional,
  /** When set, signing up with this code makes an instructor account; when unset, instructor sign-up is closed. */
  INSTRUCTOR_SIGNUP_CODE: optional,
  /** Comma-separated addresses of proxies (a load balancer) whose X-Forwarded-For is believed; unset: none. */
  TRUSTED_PROXY: optional,
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    const problems = Object.entries(fields).map(([name, messages]) => `${name} ${messages?.join("; ")}`);
    throw new Error(`Invalid environment: ${problems.join(". ")}.`);
  }
  return parsed.data;
}

/** The database file as an absolute path (relative paths are taken from the working directory). */
export function databaseFile(env: Env = readEnv()): string {
  return path.resolve(env.DATABASE_PATH);
}

/** Which database engine holds the data: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export function databaseEngine(env: Env = readEnv()): "sqlite" | "postgres" {
  return env.DATABASE_URL ? "postgres" : "sqlite";
}

/** The address the server listens on, as a browser on this machine reaches it. */
export function defaultBaseUrl(env: Env = readEnv()): string {
  const host = env.HOSTNAME === "0.0.0.0" || env.HOSTNAME === "::" ? "localhost" : env.HOSTNAME;
  return `http://${host}:${env.PORT}`;
}

/**
 * NEXTAUTH_URL defaults to the address the server listens on, so sign-in works on any PORT.
 * next-auth reads it from process.env itself, hence the assignment.
 */
export function ensureAuthUrl(env: Env = readEnv()): string {
  const url = env.NEXTAUTH_URL ?? defaultBaseUrl(env);
  process.env.NEXTAUTH_URL = url;
  return url;
}

/**
 * The secret that signs session tokens: NEXTAUTH_SECRET, or one generated once and kept in the
 * data folder beside the database, so sessions survive restarts without any set-up.
 */
export function authSecret(env: Env = readEnv()): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(path.dirname(databaseFile(env)), "nextauth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return fs.readFileSync(file, "utf8").trim();
}
