import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, lessonSlug, signUpStudent } from "./helpers";

test("a question on the whole article is asked on the last passage, and cites sentences from any passage", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signUpStudent(page, "Whole Article");
  // Not on the first passage any more, where the reader has not read the article yet.
  await page.goto(`/lessons/${lessonSlug}/the-warning`);
  await expect(page.getByText(/Self-study/)).toBeVisible();
  await expect(
    page.getByRole("region", { name: /^Questions/ }).getByText(/Using evidence\s+from the whole article/),
  ).toHaveCount(0);

  await page.goto(`/lessons/${lessonSlug}/lemon-remembers-khalimov`);
  await expect(page.getByText(/Self-study/)).toBeVisible();
  const card = page
    .getByRole("region", { name: /^Questions/ })
    .locator(":scope > ol > li")
    .filter({ hasText: /Using evidence\s+from the whole article/ });
  await card.getByRole("textbox").fill("The claim is hedged, and its key link rests on opinion.");
  await card.getByText(/^Cite the text, from the whole article/).click();
  const picker = card.getByRole("group", { name: "Sentences you rely on" });
  await expect(picker.getByRole("group")).toHaveCount(10); // one group per passage
  const first = picker.getByRole("group", { name: /^Passage 1: / });
  const opening = first.getByRole("checkbox").first();
  await opening.check();
  await picker
    .getByRole("group", { name: /^Passage 2: / })
    .getByRole("checkbox")
    .first()
    .check();
  await expect(card.getByRole("status")).toHaveText("Saved");
  await expect(card.getByText(/^Cite the text, from the whole article \(2 cited\)/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Kept on the server: after a reload, from the first passage, quoted under the answer.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(card.getByText("Your evidence from the text:")).toBeVisible();
  const cited = (await page.request.get(`/api/workspace?lesson=${lessonSlug}`).then((r) => r.json())).answers[
    "headline-claim-strength"
  ].citedSentences as string[];
  expect(cited).toHaveLength(2);
  expect(cited[0]).toMatch(/^p01-/);

  // The other questions of this passage still cite only this passage: the save is refused.
  const refused = await page.request.put("/api/answers", {
    data: {
      lessonSlug,
      questionKey: "reading-old-story",
      contextKey: "self",
      response: { type: "open_response", text: "x" },
      citedSentences: ["p01-s1"],
    },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).message).toBe("A cited sentence is not in this passage.");
  const outside = await page.request.put("/api/answers", {
    data: {
      lessonSlug,
      questionKey: "headline-claim-strength",
      contextKey: "self",
      response: { type: "open_response", text: "x" },
      citedSentences: ["no-such-sentence"],
    },
  });
  expect(outside.status()).toBe(422);
  expect((await outside.json()).message).toBe("A cited sentence is not in this article.");
});
