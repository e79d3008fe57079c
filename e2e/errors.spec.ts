import Database from "better-sqlite3";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { startOwnServer, type OwnServer } from "./own-server";

/**
 * Faults on purpose: a server of its own on a copy of the e2e database, whose `classes` table
 * then disappears under it. Pages, route handlers and server actions that need it fail; the person
 * gets a friendly page or message with a reference, the log has that reference beside the full
 * error, and no stack trace or SQL reaches the browser.
 */
const leaks = [
  /SqliteError/i,
  /no such table/i,
  /relation .* does not exist/i,
  /SELECT\s/i,
  /\bat\s+\S+\s+\(/,
  /node_modules/,
  /\.tsx?:\d+/,
];

let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer("errors");
});
test.afterAll(() => server?.stop());

async function renameTable(from: string, to: string) {
  const sql = `ALTER TABLE ${from} RENAME TO ${to}`;
  if (server.database.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: server.database });
    await client.connect();
    await client.query(sql).finally(() => client.end());
    return;
  }
  const db = new Database(server.database);
  db.exec(sql);
  db.close();
}

function expectNoLeak(text: string) {
  for (const leak of leaks) expect(text, `the browser was sent ${leak}`).not.toMatch(leak);
}

test("a failing page, route and action say so kindly, with a reference that is in the log, and leak nothing", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext({ baseURL: server.base })).newPage();
  await signIn(page, "instructor@demo.test");
  await page.goto("/classes");
  await expect(page.getByRole("heading", { level: 1, name: "Your classes" })).toBeVisible();

  await renameTable("classes", "classes_gone");

  // A server action: the form keeps what was typed and says what happened, with a reference.
  await page.getByLabel("Class name").fill("A class that cannot be made");
  await page.getByRole("button", { name: "Create class" }).click();
  const actionMessage = page.getByText(
    /Something went wrong on our side and nothing was saved\. Please try again\. \(Reference [0-9a-f]{8}\)/,
  );
  await expect(actionMessage).toBeVisible();
  await expect(page.getByLabel("Class name")).toHaveValue("A class that cannot be made");
  const actionReference = (await actionMessage.textContent())!.match(/Reference ([0-9a-f]{8})/)![1]!;
  await expect.poll(() => server.log()).toContain(`[error ${actionReference}] Server action failed`);
  expectNoLeak(await page.content());

  // A route handler: 500 with a message and the reference, nothing else.
  const api = await page.request.get(`/api/discussion/activity?lesson=tajikistan-islamic-state`);
  expect(api.status()).toBe(500);
  const body = await api.json();
  expect(body.message).toContain(`(Reference ${body.reference})`);
  expect(api.headers()["x-error-reference"]).toBe(body.reference);
  await expect.poll(() => server.log()).toContain(`[error ${body.reference}] Route handler failed`);
  expectNoLeak(JSON.stringify(body));

  // A page: the error page, focused, with the digest Next.js logged the error under.
  const response = await page.goto("/classes");
  expect(response!.status()).toBe(500);
  expect(response!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  const heading = page.getByRole("heading", { level: 1, name: "Something went wrong" });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  const pageReference = (await page.getByLabel("Error reference").textContent())!.trim();
  expect(pageReference).toMatch(/^\w+$/);
  await expect.poll(() => server.log()).toContain(`[error ${pageReference}] GET /classes`);
  expect(server.log()).toMatch(/no such table: classes|relation "classes" does not exist/); // the full error is in the log…
  expectNoLeak(await page.content()); // …and not in the page.
  await expect(page.getByRole("link", { name: "Go to the lessons" })).toBeVisible();

  // Once the fault is gone, "Try again" fetches the page again.
  await renameTable("classes_gone", "classes");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your classes" })).toBeVisible();

  // Pages that do not need the broken table work throughout, and an unknown address is a kind 404.
  await renameTable("classes", "classes_gone");
  await page.goto("/classes");
  await page.getByRole("link", { name: "Go to the lessons" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lessons" })).toBeVisible();
  const missing = await page.goto("/no/such/page");
  expect(missing!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "See all lessons" })).toBeVisible();
});
