import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { parseCsv } from "../lib/csv";
import { expectNoAxeViolations, lessonSlug, questionCount, readJoinCode, signIn, signUpStudent } from "./helpers";

test("the gradebook shows what awaits review, and both CSV downloads parse with the right rows and columns", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByLabel("Class name").fill('Gradebook, "period 5"');
  await teacher.getByRole("button", { name: "Create class" }).click();
  await teacher.getByRole("button", { name: "Assign lesson" }).click();
  await expect(teacher.getByText("Lesson assigned.")).toBeVisible();
  const code = await readJoinCode(teacher);
  const classUrl = teacher.url();

  const student = await (await browser.newContext()).newPage();
  student.on("dialog", (d) => d.accept());
  await signUpStudent(student, 'Grade, "Book" Student');
  await student.goto(`/join?code=${code}`);
  await student.getByRole("button", { name: "Join class" }).click();
  await student.goto(`/lessons/${lessonSlug}/the-warning`);
  const cards = student.getByRole("region", { name: /^Questions/ }).getByRole("listitem");
  await cards
    .filter({ has: student.getByRole("heading", { name: /Short answer/ }) })
    .first()
    .getByRole("textbox")
    .fill("=SUM(A1:A9)");
  await expect(
    cards
      .filter({ has: student.getByRole("heading", { name: /Short answer/ }) })
      .first()
      .getByRole("status"),
  ).toHaveText("Saved");
  // The 9-point whole-article question is on the last passage.
  await student.goto(`/lessons/${lessonSlug}/lemon-remembers-khalimov`);
  const open = cards
    .filter({ has: student.getByRole("heading", { name: /Open response/ }) })
    .filter({ hasText: /Using evidence\s+from the whole article/ });
  await open.getByRole("textbox").fill('A reading, with a comma, and "quotes"\nand a second line.');
  await expect(open.getByRole("status")).toHaveText("Saved");
  await student.goto(`/lessons/${lessonSlug}/summary`);
  await student.getByRole("button", { name: "Submit lesson" }).click();
  await expect(student.getByText(/^Submitted /)).toBeVisible();

  await teacher.goto(`${classUrl}/gradebook`);
  await expect(teacher.getByRole("heading", { level: 1, name: "Gradebook" })).toBeVisible();
  const row = teacher
    .getByRole("row")
    .filter({ has: teacher.getByRole("rowheader", { name: 'Grade, "Book" Student' }) });
  await expect(row).toContainText(/of \d+ graded points, 1 awaiting review \(9 points\)/);
  await expect(row.getByRole("link", { name: /awaiting review/ })).toHaveCount(1);
  await expectNoAxeViolations(teacher);

  const [grades] = await Promise.all([
    teacher.waitForEvent("download"),
    teacher.getByRole("link", { name: "Download grades (CSV)" }).click(),
  ]);
  const gradeRows = parseCsv(fs.readFileSync((await grades.path())!, "utf8"));
  expect(gradeRows.length).toBe(2);
  expect(gradeRows[0]!.length).toBe(7 + questionCount * 2);
  expect(gradeRows[1]![0]).toBe('Grade, "Book" Student');
  expect(gradeRows.every((r) => r.length === gradeRows[0]!.length)).toBe(true);

  const [answers] = await Promise.all([
    teacher.waitForEvent("download"),
    teacher.getByRole("link", { name: "Download every answer (CSV)" }).click(),
  ]);
  const answerRows = parseCsv(fs.readFileSync((await answers.path())!, "utf8"));
  expect(answerRows.length).toBe(1 + 2);
  expect(answerRows.every((r) => r.length === 15)).toBe(true);
  expect(answerRows.map((r) => r[7])).toContain('A reading, with a comma, and "quotes"\nand a second line.');
  expect(answerRows.map((r) => r[7])).toContain("'=SUM(A1:A9)");

  // One student's whole lesson: override the automatic grade of the short answer, with a reason, and return it.
  teacher.on("dialog", (d) => d.accept());
  await teacher.getByRole("link", { name: 'Grade, "Book" Student' }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: 'Grade, "Book" Student' })).toBeVisible();
  const shortItem = teacher.getByRole("listitem").filter({ hasText: "=SUM(A1:A9)" });
  await shortItem.getByText("Override the automatic grade").click();
  await shortItem.getByLabel(/points \(0 to 1\)/).fill("1");
  await shortItem.getByLabel(/reason for the change/).fill("A spreadsheet formula, but the idea is right.");
  await shortItem.getByRole("button", { name: "Save override" }).click();
  await expect(shortItem.getByText("Override saved as a draft.")).toBeVisible();
  await teacher.reload();
  await teacher
    .getByRole("listitem")
    .filter({ hasText: "=SUM(A1:A9)" })
    .getByRole("button", { name: /^Return Q\d+ to the student$/ })
    .click();
  await expect(teacher.getByText(/overridden to 1 \(returned\)/)).toBeVisible();
  await expectNoAxeViolations(teacher);

  // Another instructor gets neither the page nor the files.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/signup");
  await other.getByLabel("Your name").fill("Not This Teacher");
  await other.getByLabel("Email").fill(`not.this.teacher.${Date.now()}@example.org`);
  await other.getByLabel("Password", { exact: true }).fill("a good long password");
  await other.getByLabel("Instructor code (instructors only)").fill("e2e-instructor-code-2026");
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Your classes" })).toBeVisible();
  expect((await other.goto(`${classUrl}/gradebook`))?.status()).toBe(404);
  expect((await other.request.get(`${classUrl}/gradebook/grades.csv`)).status()).toBe(404);
});

test("insights show the demo class's share correct, option counts and rubric averages, without names", async ({
  page,
}) => {
  await signIn(page, "instructor@demo.test");
  await page.goto("/classes");
  await page.getByRole("link", { name: "Demo class" }).click();
  await page.getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Insights" })).toBeVisible();
  await expect(page.getByText(/\d+ of \d+ students submitted/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Most often wrong first" })).toBeVisible();
  await expect(page.getByText(/% correct/).first()).toBeVisible();
  await expect(page.getByText(/^\d+ of \d+$/).first()).toBeVisible();
  for (const name of ["Ben Lindqvist", "Chen Wei", "Dana Haddad", "Elif Kaya"])
    await expect(page.getByText(name)).toHaveCount(0);
  await expectNoAxeViolations(page);
});
