/**
 * Reads next-auth's session cookie: a JWE (dir, A256GCM) whose key next-auth derives from the
 * secret with HKDF on every call. The derivation depends only on the secret, so it is done once
 * here (it was half the cost of reading the session on each request); the token itself is
 * decrypted and checked (including its expiry) exactly as next-auth's `decode` does.
 */
import { hkdfSync } from "node:crypto";
import { jwtDecrypt, type JWTPayload } from "jose";

const keys = new Map<string, Uint8Array>();

function encryptionKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    keys.set(secret, key);
  }
  return key;
}

/** The token's claims, or null when it is tampered with, expired, or from another secret. */
export async function readSessionToken(token: string, secret: string): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: 15 });
    return payload;
  } catch {
    return null;
  }
}
