import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, lessonSlug } from "./helpers";

// Runs in the "phone" project (a Pixel 7 viewport with touch), selected by the @phone tag.
test.describe("on a phone @phone", () => {
  test("a glossary definition opens with a tap and the page has no horizontal scroll", async ({ page }) => {
    await page.goto(`/lessons/${lessonSlug}/the-warning`);
    const term = page.getByRole("button", { name: "Emomali Rahmon" });
    await term.tap();
    await expect(term).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("tooltip").filter({ hasText: "president" })).toBeInViewport();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("the overview and a passage pass axe in dark mode", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`/lessons/${lessonSlug}`);
    await expectNoAxeViolations(page);
    await page.goto(`/lessons/${lessonSlug}/military-aid`);
    await expectNoAxeViolations(page);
  });
});
