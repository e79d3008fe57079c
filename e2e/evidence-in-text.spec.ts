import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, lessonSlug, passageSentences, studentInDemoClass } from "./helpers";

const passage = "a-colonel-defects";
const sentences = passageSentences(passage);
const text = (id: string) => sentences.find((s) => s.id === id)!.text;
const numberOf = (id: string) => sentences.findIndex((s) => s.id === id) + 1;
// vetting-defence: one sentence, p04-s1, supports the claim.
const prompt = /Select the sentence in this passage that supports this claim/;

async function openVettingQuestion(page: Page) {
  await page.goto(`/lessons/${lessonSlug}/${passage}`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("group", { name: prompt }) });
  await expect(card.getByRole("button", { name: "Choose in the passage" })).toBeVisible();
  return card;
}

test("a student chooses evidence by marking sentences in the passage; the question's list follows, the limit holds, it is saved", async ({
  browser,
}) => {
  const page = await studentInDemoClass(browser, "Evidence Marker");
  const card = await openVettingQuestion(page);
  // The boxes in the text are named by their place in the passage; the list's by the sentence itself.
  const inText = (id: string) => page.getByRole("checkbox", { name: `Sentence ${numberOf(id)}`, exact: true });
  const inList = (id: string) => card.getByRole("checkbox", { name: text(id) });

  await card.getByRole("button", { name: "Choose in the passage" }).click();
  const bar = page.getByRole("group", { name: "Choosing evidence" });
  await expect(bar).toContainText("Choosing evidence for question");
  await expect(bar.getByRole("status")).toHaveText("0 of 1 chosen");
  // Focus starts on the first sentence's box; Tab goes on in reading order, Space chooses.
  await expect(inText(sentences[0]!.id)).toBeFocused();
  await expectNoAxeViolations(page);
  await inText("p04-s1").focus();
  await page.keyboard.press("Space");
  await expect(inText("p04-s1")).toBeChecked();
  await expect(inList("p04-s1")).toBeChecked();
  await expect(bar.getByRole("status")).toHaveText("1 of 1 chosen");

  // A second sentence, clicked in the text, is refused: the question takes one.
  await page.locator("#s-p04-s2").click();
  await expect(bar.getByRole("status")).toHaveText("1 of 1 chosen. You can choose up to 1: unselect one first.");
  await expect(inText("p04-s2")).not.toBeChecked();
  await expect(inList("p04-s2")).toBeDisabled();

  // Unticked in the list, the text shows it at once; chosen again with Enter.
  await inList("p04-s1").uncheck();
  await expect(inText("p04-s1")).not.toBeChecked();
  await expect(bar.getByRole("status")).toHaveText("0 of 1 chosen");
  await inText("p04-s1").press("Enter");
  await expect(inList("p04-s1")).toBeChecked();
  await expect(card.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  // Escape ends choosing and goes back to the question.
  await inText("p04-s1").press("Escape");
  await expect(bar).toHaveCount(0);
  await expect(page.locator("[data-pick]")).toHaveCount(0);
  await expect(card.getByRole("button", { name: "Choose in the passage" })).toBeFocused();

  await page.reload();
  await expect(inList("p04-s1")).toBeChecked();
  await expect(inList("p04-s2")).not.toBeChecked();
});

test("on a phone, choosing in the passage scrolls to the text and Done comes back to the question @phone", async ({
  browser,
}) => {
  const page = await studentInDemoClass(browser, "Evidence Phone");
  await page.setViewportSize({ width: 360, height: 740 });
  const card = await openVettingQuestion(page);
  await card.getByRole("button", { name: "Choose in the passage" }).click();
  const bar = page.getByRole("group", { name: "Choosing evidence" });
  await expect(bar).toBeInViewport();
  await page.getByRole("checkbox", { name: `Sentence ${numberOf("p04-s1")}`, exact: true }).click();
  await expect(bar.getByRole("status")).toHaveText("1 of 1 chosen");
  await expect(bar.getByRole("button", { name: "Done" })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await bar.getByRole("button", { name: "Done" }).click();
  const back = card.getByRole("button", { name: "Choose in the passage" });
  await expect(back).toBeFocused();
  await expect(back).toBeInViewport();
  await expect(card.getByRole("checkbox", { name: text("p04-s1") })).toBeChecked();
});

test("a discussion post's quote is chosen in the passage text; another sentence replaces it", async ({ browser }) => {
  const page = await studentInDemoClass(browser, "Quote Chooser");
  await page.goto(`/lessons/${lessonSlug}/${passage}`);
  const discussion = page.getByRole("region", { name: "Discussion" });
  await expect(discussion.getByText("With Demo class")).toBeVisible();
  await discussion
    .getByRole("listitem")
    .filter({ hasText: "What makes a statement like this useful as evidence" })
    .getByRole("button", { name: "Start a thread on this prompt" })
    .click();
  await discussion.getByLabel("Title").fill("Quoted from the text");
  await discussion.getByLabel("Your post").fill("This is the sentence I mean.");
  await discussion.getByRole("button", { name: "Choose the quote in the passage" }).click();
  const bar = page.getByRole("group", { name: "Choosing evidence" });
  await expect(bar).toContainText("Choosing evidence for the quote in your post");
  await page.locator("#s-p03-s2").click();
  const quote = discussion.getByLabel("Quote a sentence of the passage (optional)");
  await expect(quote).toHaveValue("p03-s2");
  // One quote: the next sentence chosen takes its place, with no refusal.
  await page.getByRole("checkbox", { name: `Sentence ${numberOf("p04-s2")}`, exact: true }).press("Space");
  await expect(quote).toHaveValue("p04-s2");
  await expect(bar.getByRole("status")).toHaveText("1 of 1 chosen");
  await bar.getByRole("button", { name: "Done" }).click();
  await expect(discussion.getByRole("button", { name: "Choose the quote in the passage" })).toBeFocused();
  await discussion.getByRole("button", { name: "Post thread" }).click();
  await expect(discussion.getByText("Your thread is posted.")).toBeVisible();
  await expect(discussion.getByRole("article", { name: "Quoted from the text" }).getByRole("blockquote")).toContainText(
    text("p04-s2"),
  );
});
