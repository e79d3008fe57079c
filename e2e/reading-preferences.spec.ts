import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, lessonSlug, signIn, signUpStudent } from "./helpers";

const passagePath = `/lessons/${lessonSlug}/a-colonel-defects`;

/** The passage text's computed size and spacing, in CSS pixels, and its font family. */
const textStyle = (page: Page) =>
  page
    .locator("#passage-title ~ div p")
    .first()
    .evaluate((p) => {
      const style = getComputedStyle(p);
      return {
        size: Number.parseFloat(style.fontSize),
        lineHeight: Number.parseFloat(style.lineHeight),
        font: style.fontFamily,
      };
    });

test("a reader enlarges the text, spaces the lines and picks the legible font; this browser keeps them, also at 200% zoom", async ({
  page,
}) => {
  await page.goto(passagePath);
  const standard = await textStyle(page);
  const preferences = page.getByRole("group", { name: "Text size" });
  await expect(preferences).toBeHidden();
  await page.getByText("Reading preferences").click();
  await page.getByRole("group", { name: "Text size" }).getByRole("radio", { name: "Larger" }).check();
  await page.getByRole("group", { name: "Line spacing" }).getByRole("radio", { name: "Relaxed" }).check();
  await page.getByRole("group", { name: "Font" }).getByRole("radio", { name: "Easier to read" }).check();
  await expect(page.getByRole("status").filter({ hasText: "Kept in this browser" })).toBeVisible();
  await expectNoAxeViolations(page);

  const chosen = await textStyle(page);
  expect(chosen.size).toBeGreaterThan(standard.size * 1.3);
  expect(chosen.lineHeight / chosen.size).toBeGreaterThan(standard.lineHeight / standard.size + 0.3);
  expect(chosen.font).toContain("Atkinson Hyperlegible");
  // The font is the app's own file, not a system fallback.
  expect(
    await page.evaluate(async () => (await document.fonts.load('1rem "Atkinson Hyperlegible"')).length),
  ).toBeGreaterThan(0);

  // Escape folds the panel back and leaves focus where it was opened.
  await page.getByRole("group", { name: "Font" }).getByRole("radio", { name: "Easier to read" }).press("Escape");
  await expect(page.getByRole("group", { name: "Text size" })).toBeHidden();
  await expect(page.getByText("Reading preferences")).toBeFocused();

  await page.reload();
  await expect.poll(async () => (await textStyle(page)).size).toBe(chosen.size);
  await page.getByText("Reading preferences").click();
  await expect(page.getByRole("radio", { name: "Larger" })).toBeChecked();

  // 200% zoom on a 1280-pixel-wide window is a 640-pixel layout: the text reflows, nothing scrolls sideways.
  await page.setViewportSize({ width: 640, height: 400 });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  await page.getByRole("radio", { name: "Standard" }).first().check();
  await page.getByRole("group", { name: "Line spacing" }).getByRole("radio", { name: "Standard" }).check();
  await page.getByRole("group", { name: "Font" }).getByRole("radio", { name: "Standard" }).check();
  expect(await textStyle(page)).toEqual(standard);
});

test("a student's preferences are kept with their account and follow them to another browser", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const email = await signUpStudent(first, "Reading Prefs");
  await first.goto(passagePath);
  await expect(first.getByText("Changes are saved to your account.")).toBeAttached();
  await first.getByText("Reading preferences").click();
  // Three choices in quick succession: the account must end with the last of them, whatever order the answers come in.
  await first.getByRole("group", { name: "Text size" }).getByRole("radio", { name: "Large", exact: true }).check();
  await first.getByRole("group", { name: "Line spacing" }).getByRole("radio", { name: "Relaxed" }).check();
  await first.getByRole("group", { name: "Text size" }).getByRole("radio", { name: "Larger" }).check();
  await expect(first.getByRole("status").filter({ hasText: "Saved to your account." })).toBeVisible();
  const chosen = await textStyle(first);

  // Another browser: nothing in its storage, so the choice can only come from the account.
  const second = await (await browser.newContext()).newPage();
  await second.goto(passagePath);
  const standard = await textStyle(second);
  expect(chosen.size).toBeGreaterThan(standard.size);
  await signIn(second, email, "a good long password");
  await second.goto(passagePath);
  await expect.poll(async () => (await textStyle(second)).size).toBe(chosen.size);
  expect((await textStyle(second)).lineHeight).toBe(chosen.lineHeight);
  await second.getByText("Reading preferences").click();
  await expect(second.getByRole("radio", { name: "Larger" })).toBeChecked();
  await expect(
    second.getByRole("group", { name: "Line spacing" }).getByRole("radio", { name: "Relaxed" }),
  ).toBeChecked();

  // A choice the server did not take (it was busy) is kept in this browser, holds on the next passage
  // (reached without a reload) against the account's older value, and is sent again from there.
  const preferencesRoute = "**/api/account/reading-preferences";
  await second.route(preferencesRoute, (r) =>
    r.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ message: "Busy." }) }),
  );
  await second.getByRole("group", { name: "Text size" }).getByRole("radio", { name: "Large", exact: true }).check();
  await expect(second.getByText("Kept in this browser, but not saved to your account: Busy.")).toBeVisible();
  const large = (await textStyle(second)).size;
  expect(large).toBeLessThan(chosen.size);
  await second.unroute(preferencesRoute);
  await second.getByRole("navigation", { name: "Passages" }).locator('a[rel="next"]').click();
  await expect(second).toHaveURL(/\/repression-backfires$/);
  await expect(second.getByText(/questions in this lesson answered/)).toBeVisible();
  await expect(second.getByText("Saved to your account.")).toBeAttached();
  expect((await textStyle(second)).size).toBe(large);
  await second.reload();
  await expect(second.getByText(/questions in this lesson answered/)).toBeVisible();
  expect((await textStyle(second)).size).toBe(large);
});
