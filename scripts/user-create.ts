/**
 * `npm run user:create -- --role instructor --email ada@school.org --name "Ada Obi" [--password-stdin]`
 * Creates an account in DATABASE_PATH. Without --password-stdin a strong password is generated
 * and printed once; nothing else ever prints or stores it in the clear.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createAccount } from "@/db/access/users";
import { getDb, writerOf } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { DomainError } from "@/lib/errors";
import { signUpSchema } from "@/lib/validation/accounts";

const usage = 'Usage: npm run user:create -- --role instructor|student --email EMAIL --name "NAME" [--password-stdin]';
const { values } = parseArgs({
  options: {
    role: { type: "string" },
    email: { type: "string" },
    name: { type: "string" },
    "password-stdin": { type: "boolean" },
  },
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

const role = z.enum(["instructor", "student"]).safeParse(values.role);
if (!role.success) {
  console.error(`--role must be instructor or student.\n${usage}`);
  process.exit(2);
}
const generated = !values["password-stdin"];
const password = generated ? randomBytes(15).toString("base64url") : await readStdin();
const input = signUpSchema.safeParse({ name: values.name, email: values.email, password });
if (!input.success) {
  for (const [field, messages] of Object.entries(z.flattenError(input.error).fieldErrors))
    console.error(`--${field}: ${messages?.join(" ")}`);
  console.error(usage);
  process.exit(2);
}
await runMigrations(writerOf(getDb()));
try {
  const account = await createAccount({ ...input.data, role: role.data });
  console.log(`Created ${account.role} ${account.email}.`);
  if (generated) console.log(`Password (shown once; change it at /account): ${password}`);
} catch (err) {
  console.error(err instanceof DomainError ? err.message : err);
  process.exit(1);
}
