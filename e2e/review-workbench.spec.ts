import { expect, test, type Browser, type Page } from "@playwright/test";
import { parseCsv } from "../lib/csv";
import { expectNoAxeViolations, lessonSlug, openResponseCount, readJoinCode, signIn, signUpStudent } from "./helpers";

/**
 * The review workbench as an instructor meets it: keys that do only what they say and only where
 * they should, a return that needs the whole rubric and can be taken back until it is read, and
 * scoring that stays in view.
 */

/** A new class of the demo instructor, where each named student answered the open question on the whole article and submitted. */
async function classWithAnswers(
  browser: Browser,
  className: string,
  names: string[],
  wrongChoiceFor?: string,
): Promise<{ teacher: Page; classUrl: string; students: Map<string, Page> }> {
  const teacher = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByLabel("Class name").fill(className);
  await teacher.getByRole("button", { name: "Create class" }).click();
  await teacher.getByRole("button", { name: "Assign lesson" }).click();
  await expect(teacher.getByText("Lesson assigned.")).toBeVisible();
  const code = await readJoinCode(teacher);
  const classUrl = teacher.url();
  const students = new Map<string, Page>();
  for (const name of names) {
    const student = await (await browser.newContext()).newPage();
    student.on("dialog", (d) => d.accept());
    await signUpStudent(student, name);
    await student.goto(`/join?code=${code}`);
    await student.getByRole("button", { name: "Join class" }).click();
    await student.goto(`/lessons/${lessonSlug}/the-warning`);
    const cards = student.getByRole("region", { name: /^Questions/ }).getByRole("listitem");
    if (name === wrongChoiceFor) {
      const choice = cards.filter({ has: student.getByRole("heading", { name: /Single choice/ }) }).first();
      await choice.getByRole("radio", { name: "A US government report" }).check();
      await expect(choice.getByRole("status")).toHaveText("Saved");
    }
    // The open question on the whole article sits on the last passage.
    await student.goto(`/lessons/${lessonSlug}/lemon-remembers-khalimov`);
    const open = cards.filter({ hasText: /Using evidence\s+from the whole article/ });
    await open.getByRole("textbox").fill(`${name} thinks the headline's claim is hedged.`);
    await expect(open.getByRole("status")).toHaveText("Saved");
    await student.goto(`/lessons/${lessonSlug}/summary`);
    await student.getByRole("button", { name: "Submit lesson" }).click();
    await expect(student.getByText(/^Submitted /)).toBeVisible();
    students.set(name, student);
  }
  return { teacher, classUrl, students };
}

test("shortcut keys act only in the workbench and never within a word; a level's key is its points; a return needs the whole rubric, moves on, and can be undone until read", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { teacher, classUrl, students } = await classWithAnswers(browser, "Workbench keys class", [
    "Ada Keys",
    "Bo Keys",
  ]);
  await teacher.goto(`${classUrl}/review`);
  const heading = teacher.getByRole("heading", { level: 2, name: /^Answer \d of 2/ });
  await expect(heading).toHaveText(/^Answer 1 of 2: Ada Keys/);
  const answer = teacher.getByRole("region", { name: /^Answer \d of 2/ });
  const workbench = teacher.getByRole("region", { name: "Review workbench" });
  const claim = teacher.getByRole("group", { name: /^Understanding the claim/ });
  const evidence = teacher.getByRole("group", { name: /^Use of evidence/ });
  const needed = teacher.getByRole("group", { name: /^What would be needed/ });
  const comment = teacher.getByLabel("Comment to the student");
  const status = teacher.getByRole("region", { name: "Score, comment and return" }).getByRole("status");

  // Every level shows the key that picks it, and the key is the number of points.
  for (const group of [claim, evidence, needed]) {
    for (const points of [0, 1, 2, 3])
      await expect(group.getByRole("radio", { name: new RegExp(`^${points} `) })).toHaveCount(1);
  }
  await expect(claim.getByRole("radio", { name: "0 Missing" })).toBeVisible();
  await expect(claim).toContainText("keys 0 to 3, the points");

  // Keys typed on the page outside the workbench do nothing.
  await workbench.focus();
  await teacher.keyboard.press("3");
  await expect(claim.getByRole("radio", { name: "3 Strong" })).toBeChecked();
  await expect(teacher.getByText("Points: – of 9")).toBeVisible();
  await teacher.getByRole("heading", { level: 1, name: "Review answers" }).click();
  await teacher.keyboard.type("great", { delay: 50 });
  await teacher.keyboard.type("1", { delay: 50 });
  await expect(evidence.getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(answer.getByText("Reviewed, not returned", { exact: true })).toBeVisible();
  await expect(comment).toHaveValue("");
  // Nor does a word typed inside it: the r of "great" is a letter of a word, not a return.
  await workbench.focus();
  await teacher.keyboard.type("great", { delay: 60 });
  await expect(answer.getByText("Reviewed, not returned", { exact: true })).toBeVisible();
  await expect(evidence.getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(comment).toHaveValue("");
  await expect(heading).toHaveText(/^Answer 1 of 2/);

  // A return with a criterion unscored is refused, naming it: by key, by button, and by "return all".
  await teacher.waitForTimeout(1100);
  await teacher.keyboard.press("r");
  await expect(status.filter({ hasText: "Not returned" })).toHaveText(
    "Not returned: score “Use of evidence” and “What would be needed” first, so the student gets the whole rubric.",
  );
  await teacher.getByRole("button", { name: "Return to student (r)" }).click();
  await expect(status.filter({ hasText: "Not returned" })).toContainText(
    "“Use of evidence” and “What would be needed”",
  );
  await teacher.getByRole("button", { name: "Return all reviewed on this question (1)" }).click();
  await expect(status.filter({ hasText: "Not returned" })).toHaveText(
    "0 answers returned to their students. Not returned, because the rubric is not fully scored: Ada Keys: score “Use of evidence” and “What would be needed”.",
  );
  await expect(answer.getByText("Reviewed, not returned", { exact: true })).toBeVisible();

  // Scored in full with keys, then returned: the workbench moves on to the next answer to review.
  await workbench.focus();
  await teacher.keyboard.press("2");
  await teacher.keyboard.press("0");
  await expect(evidence.getByRole("radio", { name: "2 Relevant" })).toBeChecked();
  await expect(needed.getByRole("radio", { name: "0 None" })).toBeChecked();
  await expect(teacher.getByText("Points: 5 of 9")).toBeVisible();
  await teacher.keyboard.press("c");
  await teacher.keyboard.type("Good reading of the hedge.");
  await teacher.keyboard.press("Escape");
  await expect(teacher.getByText("Draft saved")).toBeVisible();
  await teacher.keyboard.press("r");
  await expect(heading).toHaveText(/^Answer 2 of 2: Bo Keys/);
  await expect(answer.getByText("Needs review", { exact: true })).toBeVisible();

  // The student has it; the instructor takes it back before they open it.
  const ada = students.get("Ada Keys")!;
  await ada.goto("/classes");
  await expect(ada.getByRole("link", { name: "Feedback, 1 new" })).toBeVisible();
  // grades.csv keeps what awaits review in columns of its own (numbers, empty for none).
  const summaryCell = async () => {
    const csv = parseCsv(await (await teacher.request.get(`${classUrl}/gradebook/grades.csv`)).text());
    const header = csv[0]!;
    const row = csv.find((r) => r[0] === "Ada Keys")!;
    const answers = Number(row[header.indexOf("Awaiting review (answers)")] || 0);
    return answers > 0
      ? `${answers} awaiting review (${row[header.indexOf("Awaiting review (points)")]} points)`
      : "nothing to review";
  };
  expect(await summaryCell()).not.toMatch(/awaiting/);
  await teacher.keyboard.press("k");
  await expect(heading).toHaveText(/^Answer 1 of 2: Ada Keys/);
  await expect(answer.getByText("Returned", { exact: true })).toBeVisible();
  await teacher.getByRole("button", { name: "Undo return" }).click();
  await expect(answer.getByText("Reviewed, not returned", { exact: true })).toBeVisible();
  await ada.reload();
  await expect(ada.getByRole("link", { name: "Feedback", exact: true })).toBeVisible();
  await ada.goto("/feedback");
  await expect(ada.getByText("Good reading of the hedge.")).toHaveCount(0);
  expect(await summaryCell()).toMatch(/1 awaiting review \(9 points\)/);
  await teacher.goto(`${classUrl}/gradebook`);
  await expect(
    teacher.getByRole("row").filter({ has: teacher.getByRole("rowheader", { name: "Ada Keys" }) }),
  ).toContainText("1 awaiting review (9 points)");

  // Returned again and opened by the student: it can no longer be taken back.
  await teacher.goto(`${classUrl}/review`);
  await expect(heading).toHaveText(/^Answer 1 of 2: Ada Keys/);
  await teacher.getByRole("button", { name: "Return to student (r)" }).click();
  await expect(heading).toHaveText(/^Answer 2 of 2: Bo Keys/);
  const read = ada.waitForResponse((r) => r.url().endsWith("/api/feedback/read") && r.ok());
  await ada.goto("/feedback");
  await expect(ada.getByText("Good reading of the hedge.")).toBeVisible();
  await read;
  await teacher.reload();
  await teacher.getByRole("button", { name: "Previous (k)" }).click();
  await expect(answer.getByText("Returned", { exact: true })).toBeVisible();
  await expect(teacher.getByRole("button", { name: "Undo return" })).toHaveCount(0);
  await expect(teacher.getByText("The student has opened this feedback")).toBeVisible();
  expect(await summaryCell()).not.toMatch(/awaiting/);
  await expectNoAxeViolations(teacher);
});

test("on a laptop the levels, comment, Next and Return stay in view; the question list is short titles; one student's lesson has a total and the right answers", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const teacher = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByRole("link", { name: "Demo class" }).click();
  await teacher.getByRole("link", { name: "Review answers" }).click();
  // The demo class is reviewed by another journey meanwhile: whichever answer is open will do.
  await expect(teacher.getByRole("heading", { level: 2, name: /^Answer \d+ of \d+/ })).toBeVisible();
  if (process.env.SCREENSHOTS) await teacher.screenshot({ path: "screenshots/review-1280.png" });
  const inView = async () => {
    for (const group of ["Understanding the claim", "Use of evidence", "What would be needed"]) {
      for (const radio of await teacher
        .getByRole("group", { name: new RegExp(`^${group}`) })
        .getByRole("radio")
        .all())
        await expect(radio).toBeInViewport({ ratio: 1 });
    }
    await expect(teacher.getByLabel("Comment to the student")).toBeInViewport({ ratio: 1 });
    await expect(teacher.getByRole("button", { name: "Next (j)" })).toBeInViewport({ ratio: 1 });
    await expect(teacher.getByRole("button", { name: "Return to student (r)" })).toBeInViewport({ ratio: 1 });
  };
  await inView();
  // Reading down the passage, the scoring column stays put.
  await teacher.mouse.wheel(0, 600);
  await teacher.waitForTimeout(300);
  if (process.env.SCREENSHOTS) await teacher.screenshot({ path: "screenshots/review-1280-scrolled.png" });
  await inView();

  // The question list: a number and a short title for each, folded away until wanted.
  const list = teacher.getByRole("navigation", { name: "Questions to review" });
  await list.getByText(/^Question Q\d+/).click();
  const links = list.getByRole("link");
  await expect(links).toHaveCount(openResponseCount);
  for (const text of await links.allTextContents()) expect(text).toMatch(/^Q\d+ · .{1,60}$/);
  if (process.env.SCREENSHOTS) await teacher.screenshot({ path: "screenshots/review-1280-list.png", fullPage: true });
  await expectNoAxeViolations(teacher);

  // One student's whole lesson: the total at the top, the right option beside a wrong one.
  await list.getByRole("link").first().click();
  await teacher.getByRole("link", { name: "Their whole lesson" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(teacher.getByText(/^Total: \d+(\.\d+)? of \d+ graded points/)).toBeVisible();
  const wrong = teacher.getByRole("listitem").filter({ has: teacher.getByText(/^Correct answer:/) });
  expect(await wrong.count()).toBeGreaterThan(0);
  for (const item of await wrong.all()) {
    const [given, right] = [
      await item.locator("blockquote").textContent(),
      (await item.getByText(/^Correct answer:/).textContent())!.replace(/^Correct answer: /, ""),
    ];
    expect(given).not.toBe(right);
  }
  if (process.env.SCREENSHOTS) await teacher.screenshot({ path: "screenshots/student-1280.png" });
  await expectNoAxeViolations(teacher);
});

test("on a phone the first answer comes before a long list of questions @phone", async ({ browser }) => {
  test.setTimeout(240_000);
  const teacher = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  ).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByRole("link", { name: "Demo class" }).click();
  await teacher.getByRole("link", { name: "Review answers" }).click();
  const heading = teacher.getByRole("heading", { level: 2, name: /^Answer \d+ of \d+/ });
  await expect(heading).toBeVisible();
  if (process.env.SCREENSHOTS) await teacher.screenshot({ path: "screenshots/review-390.png" });
  expect((await heading.boundingBox())!.y).toBeLessThan(900);
  await expect(teacher.getByRole("navigation", { name: "Questions to review" }).getByRole("link")).toHaveCount(0);
  await teacher
    .getByRole("navigation", { name: "Questions to review" })
    .getByText(/^Question Q\d+/)
    .click();
  await expect(teacher.getByRole("navigation", { name: "Questions to review" }).getByRole("link")).toHaveCount(
    openResponseCount,
  );
  await expectNoAxeViolations(teacher);
});
