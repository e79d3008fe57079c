import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, lessonSlug, lessonTitle } from "./helpers";

/** Every console error (a failed request included) and page error while `visit` runs. */
async function consoleErrors(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  await visit();
  return errors;
}

test("a visitor's pages ask for no per-user data they cannot have: no console errors anywhere", async ({ page }) => {
  test.setTimeout(180_000);
  const errors = await consoleErrors(page, async () => {
    for (const path of [
      "/",
      "/lessons",
      `/lessons/${lessonSlug}`,
      `/lessons/${lessonSlug}/the-warning`,
      `/lessons/${lessonSlug}/summary`,
    ]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
  });
  expect(errors).toEqual([]);
  // The summary is the learner's own: a visitor is asked to sign in.
  await expect(page.getByRole("heading", { level: 1, name: /Sign in/ })).toBeVisible();
});

test("the home page says what an instructor can do, with the way in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText(/An instructor creates a class, shares its join code, assigns lessons/)).toBeVisible();
  await page.getByRole("link", { name: "Sign up as an instructor" }).click();
  await expect(page.getByLabel("Instructor code (instructors only)")).toBeVisible();
  await page.goto("/");
  await expectNoAxeViolations(page);
});

test("the age notice draws its hourglass, without an emoji font", async ({ page }) => {
  await page.goto(`/lessons/${lessonSlug}`);
  await expect(page.getByRole("heading", { level: 1, name: lessonTitle })).toBeVisible();
  const heading = page
    .getByRole("region", { name: "This story is over 5 years old." })
    .getByRole("heading", { level: 2 });
  await expect(heading).toHaveText("This story is over 5 years old.");
  expect(await heading.textContent()).not.toContain("⏳");
  await expect(heading.locator("svg[aria-hidden='true']")).toHaveCount(1);
  expect((await heading.locator("svg").boundingBox())!.width).toBeGreaterThanOrEqual(16);
});

test("glossary terms are one unbroken target of at least 24 by 24 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // Here the first mention of Islamic State is its short form, "IS", marked as the term.
  await page.goto(`/lessons/${lessonSlug}/repression-backfires`);
  const is = page.getByRole("button", { name: "IS", exact: true });
  const box = (await is.boundingBox())!;
  expect(box.width, "the 'IS' term is wide enough to tap").toBeGreaterThanOrEqual(24);
  expect(box.height).toBeGreaterThanOrEqual(24);
  // No term breaks across lines: each is one box.
  const terms = page.getByRole("article").getByRole("button", { expanded: false });
  const count = await terms.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    const rects = await terms.nth(i).evaluate((el) => el.getClientRects().length);
    expect(rects, `term ${await terms.nth(i).textContent()}`).toBe(1);
    const size = (await terms.nth(i).boundingBox())!;
    expect(Math.min(size.width, size.height), `term ${await terms.nth(i).textContent()}`).toBeGreaterThanOrEqual(24);
  }
});
