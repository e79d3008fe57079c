/**
 * The environment, read and validated in one place. Only this module and the data layer
 * read process.env.
 */
import path from "node:path";
import { z } from "zod";

const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

const envSchema = z.object({
  DATABASE_PATH: z.preprocess(emptyAsUndefined, z.string().default("data/marginalia.db")),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  HOSTNAME: z.preprocess(emptyAsUndefined, z.string().default("0.0.0.0")),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    throw new Error(`Invalid environment: ${JSON.stringify(fields)}`);
  }
  return parsed.data;
}

/** The database file as an absolute path (relative paths are taken from the working directory). */
export function databaseFile(env: Env = readEnv()): string {
  return path.resolve(env.DATABASE_PATH);
}
