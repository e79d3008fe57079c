/**
 * Password hashing with scrypt (node:crypto), at OWASP's recommended cost: N = 2^17, r = 8, p = 1
 * (128 MiB of memory per hash). Stored as `scrypt$N$r$p$salt$hash` so the cost can rise later
 * without breaking existing hashes.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

export type HashCost = { N: number; r: number; p: number };
export const PASSWORD_COST: HashCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

/**
 * At most two hashes at once: each takes 128 MiB and a thread of libuv's small pool (which also
 * serves file reads), so a flood of sign-ins queues here instead of starving the server.
 */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return withHashSlot(
    () =>
      new Promise((resolve, reject) =>
        scryptCallback(password.normalize("NFKC"), salt, keyLength, options, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );
}

function maxmem(N: number, r: number): number {
  return 128 * N * r * 2; // twice what scrypt needs, so it never refuses for memory
}

/**
 * `cost` is for tests, which pass a cheaper one explicitly; nothing configurable in production
 * lowers it. A hash records its cost, so verifying never needs to be told.
 */
export async function hashPassword(password: string, cost: HashCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem: maxmem(cost.N, cost.r) });
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: maxmem(Number(n), Number(r)),
  });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a password nobody has, checked when an email is unknown so that a sign-in for a
 * missing account takes as long as one for a real account and timing reveals nothing.
 */
let dummyHash: Promise<string> | undefined;
export function hashForUnknownAccounts(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}
