import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  expectNoAxeViolations,
  lessonSlug,
  openResponseCount,
  questionCount,
  signUpStudent,
  studentInDemoClass,
} from "./helpers";

/** Answers every question on the current passage page, whatever its type, and waits until all are saved. */
async function answerEveryQuestion(page: Page, passageIndex: number): Promise<Map<number, string>> {
  const typed = new Map<number, string>();
  const cards = page.getByRole("region", { name: /^Questions/ }).locator(":scope > ol > li");
  const count = await cards.count();
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    const heading = (await card.getByRole("heading", { level: 3 }).textContent()) ?? "";
    if (heading.includes("Single choice")) await card.getByRole("radio").first().check();
    else if (heading.includes("Multiple select")) {
      await card.getByRole("checkbox").nth(0).check();
      await card.getByRole("checkbox").nth(1).check();
    } else if (heading.includes("Short answer")) {
      const text = `short ${passageIndex}-${i}`;
      await card.getByRole("textbox").fill(text);
      typed.set(i, text);
    } else if (heading.includes("Evidence")) await card.getByRole("checkbox").first().check();
    else if (heading.includes("Open response")) {
      const text = `My reading of passage ${passageIndex}, question ${i}: the source has a stake.`;
      await card.getByRole("textbox").fill(text);
      await card.getByText(/^Cite the text/).click();
      await card.getByRole("group", { name: "Sentences you rely on" }).getByRole("checkbox").first().check();
      await expect(card.getByText("Your evidence from the text:")).toBeVisible();
      typed.set(i, text);
    }
  }
  await expectAllSaved(cards);
  return typed;
}

async function expectAllSaved(cards: Locator) {
  const count = await cards.count();
  for (let i = 0; i < count; i++)
    await expect(cards.nth(i).getByRole("status")).toHaveText("Saved", { timeout: 10_000 });
}

test("a student completes the whole lesson, finds every draft after a reload, submits once and sees the score", async ({
  browser,
}) => {
  test.setTimeout(600_000); // every question answered, each saved; slow when the two CPUs are shared with other journeys
  const page = await studentInDemoClass(browser, "Whole Lesson");
  await page.goto(`/lessons/${lessonSlug}`);
  const passages = await page.getByRole("list", { name: "Passages" }).getByRole("link").count();
  await page.getByRole("link", { name: /^Start reading/ }).click();

  const seen = new Set<string>();
  for (let p = 0; p < passages; p++) {
    await expect(page.getByText("For Demo class")).toBeVisible();
    for (const h of await page.getByRole("heading", { level: 3, name: /^Question/ }).allTextContents()) {
      for (const t of ["Single choice", "Multiple select", "Short answer", "Evidence", "Open response"])
        if (h.includes(t)) seen.add(t);
    }
    const typed = await answerEveryQuestion(page, p);
    if (p === 4) {
      // Halfway: reload and find every draft where it was left.
      await page.reload();
      await expect(
        page.getByText(new RegExp(`\\d+ of ${questionCount} questions in this lesson answered`)),
      ).toBeVisible();
      const cards = page.getByRole("region", { name: /^Questions/ }).locator(":scope > ol > li");
      for (const [i, text] of typed) await expect(cards.nth(i).getByRole("textbox")).toHaveValue(text);
      await expect(cards.getByRole("radio", { checked: true }).first()).toBeVisible();
      await expect(page.getByText("Your evidence from the text:").first()).toBeVisible();
    }
    if (p < passages - 1) {
      // Wait for the next passage itself: the old page stays on screen until it has loaded.
      const here = page.url();
      await page.getByRole("link", { name: /^Next passage/ }).click();
      await page.waitForURL((url) => url.toString() !== here);
    }
  }
  expect(seen.size).toBe(5);

  await page.getByRole("link", { name: "Review and submit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your summary" })).toBeVisible();
  await expect(page.getByText(`${questionCount} of ${questionCount} questions answered`)).toBeVisible();
  await expect(page.getByText("Every question has an answer.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Two clicks in quick succession (and a second tab) record one submission.
  page.on("dialog", (d) => d.accept());
  const second = await page.context().newPage();
  second.on("dialog", (d) => d.accept());
  await second.goto(`/lessons/${lessonSlug}/summary`);
  await Promise.all([
    page.getByRole("button", { name: "Submit lesson" }).click(),
    second.getByRole("button", { name: "Submit lesson" }).click(),
  ]);
  // Both tabs end on the same, single submission (that only one is recorded is proven in db/access/answers.test.ts).
  const submittedLine = new RegExp(
    `^Submitted .*: [\\d.]+ of \\d+ auto-graded points, ${openResponseCount} answers awaiting feedback\\.$`,
  );
  await expect(page.getByText(submittedLine)).toBeVisible();
  await second.reload();
  expect(await second.getByText(submittedLine).textContent()).toBe(await page.getByText(submittedLine).textContent());

  await page.reload();
  await expect(page.getByText(submittedLine)).toBeVisible();
  await expect(page.getByText("Awaiting feedback").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit lesson" })).toHaveCount(0);

  // Submitted answers are kept as they were: the inputs are closed.
  await page.goto(`/lessons/${lessonSlug}/the-warning`);
  await expect(page.getByText("For Demo class · submitted")).toBeVisible();
  await expect(page.getByRole("radio").first()).toBeDisabled();

  await page.goto("/lessons");
  await expect(page.getByText(`${questionCount} of ${questionCount} answered · submitted`)).toBeVisible();
});

test("a self-learner checks an answer, reads the explanations, and sees the model answer for an open question", async ({
  page,
}) => {
  await signUpStudent(page, "Self Learner");
  await page.goto(`/lessons/${lessonSlug}/repression-backfires`);
  await expect(page.getByText(/Self-study/)).toBeVisible();
  const cards = page.getByRole("region", { name: /^Questions/ }).locator(":scope > ol > li");

  const choice = cards.filter({ has: page.getByRole("heading", { name: /Single choice/ }) }).first();
  await choice.getByRole("radio").nth(1).check();
  await choice.getByRole("button", { name: "Check answer" }).click();
  const feedback = choice.getByRole("region", { name: /^Feedback on question/ });
  await expect(feedback).toContainText("Not right: 0 points of 1.");
  await expect(feedback).toContainText("✓ Right answer");
  await expect(feedback).toContainText("(you chose this)");
  await choice.getByRole("radio").nth(0).check();
  await choice.getByRole("button", { name: "Check again" }).click();
  await expect(feedback).toContainText("Right: 1 point of 1.");
  await expect(feedback).toContainText("Check 2.");

  const open = cards.filter({ has: page.getByRole("heading", { name: /Open response/ }) }).first();
  await open
    .getByRole("textbox")
    .fill("Swerdlow researches human rights for Human Rights Watch, so he has a stake in the issue.");
  await open.getByRole("button", { name: "Check answer" }).click();
  const openFeedback = open.getByRole("region", { name: /^Feedback on question/ });
  await expect(openFeedback.getByRole("heading", { name: "A model answer" })).toBeVisible();
  await expect(openFeedback.getByRole("table")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/lessons/${lessonSlug}/summary`);
  await expect(page.getByText("Self-study")).toBeVisible();
  await expect(page.getByText("Checked").first()).toBeVisible();
});

test("typing while offline says the answer is not saved, then saves when the connection returns, losing nothing", async ({
  page,
  context,
}) => {
  await signUpStudent(page, "Offline Typist");
  await page.goto(`/lessons/${lessonSlug}/repression-backfires`);
  const open = page
    .getByRole("region", { name: /^Questions/ })
    .locator(":scope > ol > li")
    .filter({ has: page.getByRole("heading", { name: /Open response/ }) })
    .first();
  const box = open.getByRole("textbox");
  await box.fill("First thoughts, saved online.");
  await expect(open.getByRole("status")).toHaveText("Saved");

  await context.setOffline(true);
  await box.pressSequentially(" More typed while the connection is down.");
  await expect(open.getByRole("status")).toContainText("Not saved, retrying");
  await context.setOffline(false);
  await expect(open.getByRole("status")).toHaveText("Saved", { timeout: 20_000 });

  await page.reload();
  await expect(
    page
      .getByRole("region", { name: /^Questions/ })
      .locator(":scope > ol > li")
      .filter({ has: page.getByRole("heading", { name: /Open response/ }) })
      .first()
      .getByRole("textbox"),
  ).toHaveValue("First thoughts, saved online. More typed while the connection is down.");
});

test("a draft typed before the page is closed offline is restored from this browser and saved on return", async ({
  page,
  context,
}) => {
  await signUpStudent(page, "Closed Offline");
  await page.goto(`/lessons/${lessonSlug}/the-warning`);
  const short = page
    .getByRole("region", { name: /^Questions/ })
    .locator(":scope > ol > li")
    .filter({ has: page.getByRole("heading", { name: /Short answer/ }) })
    .first();
  await expect(page.getByText(/Self-study/)).toBeVisible();
  await context.setOffline(true);
  await short.getByRole("textbox").fill("kept locally");
  await expect(short.getByRole("status")).toContainText("Not saved, retrying");
  await context.setOffline(false);
  // Reload at once, before the retry: the text comes back from this browser and is saved.
  page.on("dialog", (d) => d.accept());
  await page.reload();
  const again = page
    .getByRole("region", { name: /^Questions/ })
    .locator(":scope > ol > li")
    .filter({ has: page.getByRole("heading", { name: /Short answer/ }) })
    .first();
  await expect(again.getByRole("textbox")).toHaveValue("kept locally");
  await expect(again.getByRole("status")).toHaveText("Saved");
});
