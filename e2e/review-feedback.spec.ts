import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, openResponseCount, readJoinCode, signIn, signUpStudent } from "./helpers";

test("the instructor reviews the demo class's open answers by question with the keyboard alone, returns them, and a student reads the feedback", async ({
  browser,
}) => {
  // About 35 answers reviewed by keyboard, each typed key by key: 1.4–5.5 min on a quiet 2-core machine, more beside CPU hogs.
  test.setTimeout(600_000);
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByRole("link", { name: "Demo class" }).click();
  await teacher.getByRole("link", { name: "Review answers" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Review answers" })).toBeVisible();
  const classUrl = teacher.url().replace(/\/review.*$/, "");
  await expectNoAxeViolations(teacher);

  // Anonymous review hides names until feedback is returned.
  await teacher.getByRole("link", { name: "Hide names (anonymous review)" }).click();
  await expect(teacher.getByRole("heading", { level: 2, name: /^Answer 1 of \d+: Student 1$/ })).toBeVisible();
  await expect(teacher.getByText("Ben Lindqvist")).toHaveCount(0);
  await teacher.getByRole("link", { name: "Show names" }).click();
  await expect(teacher.getByRole("heading", { level: 2, name: /^Answer 1 of \d+: (?!Student \d)/ })).toBeVisible();

  const questionList = teacher.getByRole("navigation", { name: "Questions to review" });
  await questionList.getByText(/^Question Q\d+/).click();
  const questionLinks = questionList.getByRole("link");
  const questionCount = await questionLinks.count();
  expect(questionCount).toBe(openResponseCount);
  const questionHrefs = await Promise.all(
    [...Array(questionCount).keys()].map(
      async (q) => (await questionLinks.nth(q).getAttribute("href"))!.split("question=")[1],
    ),
  );
  for (let q = 0; q < questionCount; q++) {
    await teacher.goto(`${classUrl}/review?question=${questionHrefs[q]}`);
    const heading = teacher.getByRole("heading", { level: 2, name: /^Answer \d+ of \d+/ });
    const total = Number((await heading.textContent())!.match(/of (\d+)/)![1]);
    await teacher.getByRole("region", { name: "Review workbench" }).focus(); // the keys act in the workbench only
    for (let a = 0; a < total; a++) {
      await expect(heading).toHaveText(new RegExp(`^Answer ${a + 1} of ${total}`));
      const criteria = teacher.getByRole("group").filter({ has: teacher.getByRole("radio") });
      for (let c = 0; c < (await criteria.count()); c++) {
        // Each level shows its key (its points): press the one read there.
        const keys = await criteria.nth(c).locator("kbd").allTextContents();
        await teacher.keyboard.press(keys[a % keys.length]!);
      }
      await teacher.keyboard.press("c");
      await teacher.keyboard.type(`Feedback ${q}-${a}: point to the sentence that shows it.`);
      await teacher.keyboard.press("Escape");
      await expect(teacher.getByText("Draft saved")).toBeVisible();
      await teacher.keyboard.press("r");
      // Returned, the workbench moves on to the next answer that needs review (the last one stays).
      if (a < total - 1) await expect(heading).toHaveText(new RegExp(`^Answer ${a + 2} of ${total}`));
      else
        await expect(
          teacher.getByRole("region", { name: /^Answer \d+ of/ }).getByText("Returned", { exact: true }),
        ).toBeVisible();
    }
  }
  await teacher.goto(`${classUrl}/review`);
  await expect(teacher.getByText(/need review/)).toHaveCount(0);

  // A student sees the unread count, reads the feedback, and the count goes down.
  const student = await (await browser.newContext()).newPage();
  await signIn(student, "student2@demo.test");
  const feedbackLink = student.getByRole("link", { name: /^Feedback, \d+ new$/ });
  await expect(feedbackLink).toHaveAccessibleName(`Feedback, ${openResponseCount} new`);
  await feedbackLink.click();
  await expect(student.getByRole("heading", { level: 1, name: "Your feedback" })).toBeVisible();
  await expect(student.getByText(`${openResponseCount} new since your last visit.`)).toBeVisible();
  await expect(student.getByText(/^Feedback \d-\d: point to the sentence that shows it\.$/).first()).toBeVisible();
  await expectNoAxeViolations(student);
  await expect(student.getByRole("link", { name: "Feedback", exact: true })).toBeVisible();
  await student.reload();
  await expect(student.getByText("Nothing new since your last visit.")).toBeVisible();

  // The feedback also stands beside the answer: on the summary and on the passage page.
  await student.goto("/lessons/tajikistan-islamic-state/summary");
  await expect(student.getByText("Feedback returned").first()).toBeVisible();
  await expect(student.getByRole("note", { name: "Feedback from your instructor" }).first()).toContainText(
    /Feedback \d-\d: point to the sentence/,
  );
  // The whole-article question sits on the last passage, where the reader has read all of it.
  await student.goto("/lessons/tajikistan-islamic-state/lemon-remembers-khalimov");
  const headlineCard = student
    .getByRole("region", { name: /^Questions/ })
    .getByRole("listitem")
    .filter({ hasText: /Using evidence\s+from the whole article/ });
  await expect(headlineCard.getByRole("note", { name: "Feedback from your instructor" })).toContainText(/of 9 points/);

  // Another instructor cannot open this class's review page.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/signup");
  await other.getByLabel("Your name").fill("Other Teacher");
  await other.getByLabel("Email").fill(`other.teacher.${Date.now()}@example.org`);
  await other.getByLabel("Password", { exact: true }).fill("a good long password");
  await other.getByLabel("Instructor code (instructors only)").fill("e2e-instructor-code-2026");
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Your classes" })).toBeVisible();
  const response = await other.goto(`${classUrl}/review`);
  expect(response?.status()).toBe(404);
  await expect(other.getByText(/Feedback \d-\d/)).toHaveCount(0);
});

test("saved comments: keep one with a key, insert it in the next answer with Shift+1, edit it in place", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByLabel("Class name").fill("Saved comments class");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await teacher.getByRole("button", { name: "Assign lesson" }).click();
  await expect(teacher.getByText("Lesson assigned.")).toBeVisible();
  const code = await readJoinCode(teacher);
  const classUrl = teacher.url();

  for (const name of ["First Writer", "Second Writer"]) {
    const student = await (await browser.newContext()).newPage();
    student.on("dialog", (d) => d.accept());
    await signUpStudent(student, name);
    await student.goto(`/join?code=${code}`);
    await student.getByRole("button", { name: "Join class" }).click();
    await student.goto("/lessons/tajikistan-islamic-state/lemon-remembers-khalimov");
    const open = student
      .getByRole("region", { name: /^Questions/ })
      .getByRole("listitem")
      .filter({ has: student.getByRole("heading", { name: /Open response/ }) })
      .filter({ hasText: /Using evidence\s+from the whole article/ });
    await open.getByRole("textbox").fill(`${name}'s reading of the headline.`);
    await expect(open.getByRole("status")).toHaveText("Saved");
    await student.goto("/lessons/tajikistan-islamic-state/summary");
    await student.getByRole("button", { name: "Submit lesson" }).click();
    await expect(student.getByText(/^Submitted /)).toBeVisible();
    await student.context().close();
  }

  await teacher.goto(`${classUrl}/review`);
  await expect(teacher.getByRole("heading", { level: 2, name: /^Answer 1 of 2/ })).toBeVisible();
  await teacher.getByRole("region", { name: "Review workbench" }).focus();
  await teacher.keyboard.press("c");
  await teacher.keyboard.type("Name the hedging words.");
  await teacher.keyboard.press("Escape");
  await teacher.keyboard.press("s");
  await expect(teacher.getByText("Comment saved for reuse.")).toBeVisible();
  await teacher.keyboard.press("j");
  await expect(teacher.getByRole("heading", { level: 2, name: /^Answer 2 of 2/ })).toBeVisible();
  await teacher.keyboard.press("Shift+Digit1");
  await expect(teacher.getByLabel("Comment to the student")).toHaveValue("Name the hedging words.");

  // Comment on words: select "the headline" in the answer, press m, write, add.
  await teacher.evaluate(() => {
    const quote = document.querySelector("[data-answer-text]")!;
    const node = quote.firstChild!;
    const at = node.textContent!.indexOf("the headline");
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + "the headline".length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await teacher.keyboard.press("m");
  await teacher.getByLabel("Comment on “the headline”").fill("Quote the headline's exact words.");
  await teacher.keyboard.press("Enter");
  const wordComments = teacher.getByRole("list", { name: "Comments on words of the answer" });
  await expect(wordComments).toContainText("“the headline” Quote the headline's exact words.");
  await expect(teacher.locator("mark", { hasText: "the headline" })).toBeVisible();
  await expect(teacher.getByText("Draft saved")).toBeVisible();

  await teacher.getByRole("button", { name: "Edit saved comment 1" }).click();
  await teacher.getByLabel("Edit saved comment 1").fill("Name the hedging words: may, could, claim.");
  await teacher.getByRole("button", { name: "Save", exact: true }).click();
  await expect(
    teacher.getByRole("button", { name: "Insert saved comment 1: Name the hedging words: may, could, claim." }),
  ).toBeVisible();
  await teacher.reload();
  await expect(
    teacher.getByRole("button", { name: "Insert saved comment 1: Name the hedging words: may, could, claim." }),
  ).toBeVisible();
  await teacher.getByRole("region", { name: "Review workbench" }).focus();
  await teacher.keyboard.press("j");
  await expect(teacher.getByRole("list", { name: "Comments on words of the answer" })).toContainText(
    "Quote the headline's exact words.",
  );
  await expectNoAxeViolations(teacher);
});
