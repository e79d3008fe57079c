import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, lessonSlug, readJoinCode, signIn, signUpStudent } from "./helpers";

async function joinAs(browser: Browser, name: string, code: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on("dialog", (d) => void d.accept()); // "Submit with questions unanswered?"
  await signUpStudent(page, name);
  await page.goto(`/join?code=${code}`);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You have joined" })).toBeVisible();
  return page;
}

test("the class page shows where each student is with the lesson, keeps Remove quiet, and fits a 360 px phone", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByLabel("Class name").fill("Roster states class");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await teacher.getByRole("button", { name: "Assign lesson" }).click();
  await expect(teacher.getByText("Lesson assigned.")).toBeVisible();
  const code = await readJoinCode(teacher);
  const classUrl = teacher.url();

  // Nat joins and does nothing; Ivy answers one question; Sam answers a written question and submits.
  await joinAs(browser, "Nat Notyet", code);
  const ivy = await joinAs(browser, "Ivy Inprogress", code);
  await ivy.goto(`/lessons/${lessonSlug}/the-warning`);
  const ivyCards = ivy.getByRole("region", { name: /^Questions/ }).getByRole("listitem");
  const ivyShort = ivyCards.filter({ has: ivy.getByRole("heading", { name: /Short answer/ }) }).first();
  await ivyShort.getByRole("textbox").fill("Unnamed experts");
  await expect(ivyShort.getByRole("status")).toHaveText("Saved");
  const sam = await joinAs(browser, "Sam Submits", code);
  // The headline question, on the whole article, sits on the last passage.
  await sam.goto(`/lessons/${lessonSlug}/lemon-remembers-khalimov`);
  const open = sam
    .getByRole("region", { name: /^Questions/ })
    .getByRole("listitem")
    .filter({ hasText: /Using evidence\s+from the whole article/ });
  await open.getByRole("textbox").fill("The warning rests on people we cannot check.");
  await expect(open.getByRole("status")).toHaveText("Saved");
  await sam.goto(`/lessons/${lessonSlug}/summary`);
  await sam.getByRole("button", { name: "Submit lesson" }).click();
  await expect(sam.getByText(/^Submitted /)).toBeVisible();

  await teacher.setViewportSize({ width: 360, height: 780 });
  await teacher.goto(classUrl);
  const roster = teacher.getByRole("list", { name: "Students in Roster states class" });
  const student = (name: string) =>
    roster
      .getByRole("listitem")
      .filter({ has: teacher.getByText(name, { exact: true }) })
      .first();
  await expect(student("Nat Notyet").getByRole("list", { name: "Nat Notyet's lessons" })).toContainText("Not started");
  await expect(student("Ivy Inprogress")).toContainText(/In progress, 1 of \d+ answered/);
  await expect(student("Sam Submits")).toContainText("Submitted, 1 answer awaits feedback");
  await expect(student("Sam Submits")).toContainText("How the US May be Egging On");

  // No sideways scroll on a 360 px phone.
  expect(await teacher.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // Remove is there for each student, but quiet: not a red button.
  const remove = teacher.getByRole("button", { name: "Remove Nat Notyet from the class" });
  await expect(remove).toHaveText("Remove");
  const look = await remove.evaluate((b) => ({
    color: getComputedStyle(b).color,
    background: getComputedStyle(b).backgroundColor,
    border: getComputedStyle(b).borderTopStyle,
  }));
  expect(look.color).not.toBe("rgb(180, 35, 24)");
  expect(look.background).toBe("rgba(0, 0, 0, 0)");
  expect(look.border).toBe("none");
  const box = (await remove.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(24);
  await expectNoAxeViolations(teacher);

  // The instructor returns feedback on Sam's answer: the page says so.
  await teacher.setViewportSize({ width: 1280, height: 900 });
  await teacher.goto(`${classUrl}/review`);
  await expect(teacher.getByRole("heading", { level: 2, name: /^Answer 1 of 1/ })).toBeVisible();
  // Keys act while the workbench has focus (issue 14: never from the page around it).
  await teacher.getByRole("region", { name: "Review workbench" }).focus();
  const criteria = await teacher
    .getByRole("group")
    .filter({ has: teacher.getByRole("radio") })
    .count();
  for (let c = 0; c < criteria; c++) await teacher.keyboard.press("2");
  await teacher.keyboard.press("r");
  await expect(
    teacher.getByRole("region", { name: /^Answer \d+ of/ }).getByText("Returned", { exact: true }),
  ).toBeVisible();
  await teacher.goto(classUrl);
  await expect(student("Sam Submits")).toContainText("Feedback returned");

  // Removing still asks first.
  teacher.once("dialog", (d) => {
    expect(d.message()).toBe("Remove Nat Notyet from Roster states class?");
    void d.accept();
  });
  await teacher.getByRole("button", { name: "Remove Nat Notyet from the class" }).click();
  await expect(roster.getByText("Nat Notyet", { exact: true })).toHaveCount(0);
});
