import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const lessonSlug = "tajikistan-islamic-state";
export const lessonTitle = "How the US May be Egging On the Growth of the Islamic State in Central Asia";

/** Fails with the list of violations when axe finds any WCAG 2.2 A/AA problem on the page. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
