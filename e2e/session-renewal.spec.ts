import { hkdfSync } from "node:crypto";
import { expect, test, type BrowserContext } from "@playwright/test";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";
import { lessonSlug, signUpStudent } from "./helpers";
import { type OwnServer, startOwnServer } from "./own-server";

/**
 * A session in use lasts the term, so a class that signed in together does not queue at the
 * password hash together a month later: on a server of its own (its secret known here), the
 * session cookie is made to look days old, and the next lesson page issues it again.
 */
let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer("session");
});
test.afterAll(() => server?.stop());

const SECRET = "own-server-test-secret-0123456789abcdef"; // e2e/own-server.ts
const key = new Uint8Array(hkdfSync("sha256", SECRET, "", "NextAuth.js Generated Encryption Key", 32));
const DAY = 24 * 60 * 60;
const now = () => Math.floor(Date.now() / 1000);

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
  expect(cookie, "the browser holds a session cookie").toBeTruthy();
  return { cookie: cookie!, claims: (await jwtDecrypt(cookie!.value, key)).payload };
}

/** The same session, as if it had been issued at `iat` and ran to `exp`, begun at `authTime`. */
async function backdate(context: BrowserContext, claims: JWTPayload, iat: number, exp: number, authTime: number) {
  const { iat: _i, exp: _e, ...rest } = claims;
  const value = await new EncryptJWT({ ...rest, auth_time: authTime })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .encrypt(key);
  await context.addCookies([
    { name: "next-auth.session-token", value, url: server.base, httpOnly: true, sameSite: "Lax" },
  ]);
}

test("a session in use is renewed for 30 more days, up to the term of its sign-in", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.base });
  const page = await context.newPage();
  await signUpStudent(page, "Renewed Reader");
  const first = await sessionCookie(context);
  expect(first.claims.auth_time).toBeGreaterThan(now() - 120);

  // Three days into a 30-day session: opening a lesson page renews it for 30 days from now.
  const began = now() - 3 * DAY;
  await backdate(context, first.claims, began, began + 30 * DAY, began);
  const renewed = page.waitForResponse((r) => r.url().includes("/api/workspace") && r.status() === 200);
  await page.goto(`/lessons/${lessonSlug}/a-colonel-defects`);
  await renewed;
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  const after = await sessionCookie(context);
  expect(after.claims.exp).toBeGreaterThan(now() + 29 * DAY);
  expect(after.claims.auth_time, "the renewal keeps when the session began").toBe(began);
  expect(after.claims.sid, "the same session, so signing out still ends it").toBe(first.claims.sid);
  expect(after.cookie.expires).toBeGreaterThan(now() + 29 * DAY);

  // Near the end of the term a renewal reaches the term's end and no further.
  const longAgo = now() - 115 * DAY;
  await backdate(context, first.claims, now() - 2 * DAY, now() + DAY, longAgo);
  const capped = page.waitForResponse((r) => r.url().includes("/api/workspace") && r.status() === 200);
  await page.reload();
  await capped;
  const last = await sessionCookie(context);
  expect(last.claims.exp).toBeLessThanOrEqual(longAgo + 120 * DAY);
  expect(last.claims.exp).toBeGreaterThan(now() + 4 * DAY);

  // And a renewed session still signs out.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await context.close();
});
