import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, lessonSlug, questionCount, studentInDemoClass } from "./helpers";

// Runs in the "phone" project, selected by the @phone tag, at the size of a common phone.
test.describe("a returning student on a phone @phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the overview shows their class, due date and progress per passage, and one Continue to the first unfinished passage, on the first screen", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const page = await studentInDemoClass(browser, "Returning Reader");
    await page.setViewportSize({ width: 390, height: 844 });

    // First visit: nothing begun, so the overview starts at the beginning.
    await page.goto(`/lessons/${lessonSlug}`);
    const progress = page.getByRole("region", { name: "Your progress" });
    await expect(progress).toContainText("For Demo class");
    await expect(progress.getByRole("link", { name: /^Start reading: / })).toBeInViewport();

    // Answer every question of the first passage.
    await page.goto(`/lessons/${lessonSlug}/the-warning`);
    const cards = page.getByRole("region", { name: /^Questions/ }).locator(":scope > ol > li");
    const total = await cards.count();
    for (let i = 0; i < total; i++) {
      const card = cards.nth(i);
      const radio = card.getByRole("radio");
      const box = card.getByRole("checkbox");
      const text = card.getByRole("textbox");
      if (await radio.count()) await radio.first().check();
      else if (await box.count()) await box.first().check();
      else await text.first().fill("colonel");
      await expect(card.getByRole("status")).toHaveText("Saved");
    }

    // Back on the overview: where they are, for which class and when, and one button onwards.
    await page.goto(`/lessons/${lessonSlug}`);
    await expect(progress).toContainText("For Demo class");
    await expect(progress.getByText(/^(Due \w+ \d+ \w+ \d{4}|No due date)$/)).toBeVisible();
    await expect(progress).toContainText(`${total} of ${questionCount} questions answered`);
    const next = page.getByRole("list", { name: "Passages" }).getByRole("link").nth(1);
    const nextTitle = (await next.textContent())!;
    const resume = progress.getByRole("link", { name: `Continue: ${nextTitle}` });
    await expect(resume).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole("link", { name: /^(Continue|Start reading)/ })).toHaveCount(1);
    await expect(progress.getByText("For Demo class")).toBeInViewport();

    const lines = page.getByRole("list", { name: "Passages" }).getByRole("listitem");
    await expect(lines.nth(0)).toContainText(`all ${total} answered`);
    await expect(lines.nth(1)).toContainText(/0 of \d+ answered/);
    await expectNoAxeViolations(page);

    await resume.click();
    await expect(page.getByRole("heading", { level: 1, name: nextTitle })).toBeVisible();
  });

  test("a visitor is offered to start reading, and to sign in to keep progress", async ({ page }) => {
    await page.goto(`/lessons/${lessonSlug}`);
    await expect(
      page.getByText("Sign in to answer the questions and keep your progress.", { exact: false }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: /^Start reading: / })).toBeInViewport();
    await expect(page.getByRole("region", { name: "Your progress" })).toHaveCount(0);
  });
});
