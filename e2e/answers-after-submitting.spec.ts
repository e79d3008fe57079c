import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, lessonSlug, readJoinCode, signIn, signUpStudent } from "./helpers";

/** A new class with the lesson assigned (answers shown after submitting, due on a set day) and a student in it. */
async function classWithStudent(
  browser: Browser,
  name: string,
  dueDate?: string,
): Promise<{ student: Page; teacher: Page }> {
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByLabel("Class name").fill(`${name} class`);
  await teacher.getByRole("button", { name: "Create class" }).click();
  if (dueDate) await teacher.getByLabel("Due date (optional)").fill(dueDate);
  await teacher.getByRole("button", { name: "Assign lesson" }).click();
  await expect(teacher.getByText("Lesson assigned.")).toBeVisible();
  const code = await readJoinCode(teacher);
  const student = await (await browser.newContext()).newPage();
  student.on("dialog", (d) => d.accept());
  await signUpStudent(student, name);
  await student.goto(`/join?code=${code}`);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: `You have joined ${name} class.` })).toBeVisible();
  return { student, teacher };
}

const cardsOf = (page: Page) => page.getByRole("region", { name: /^Questions/ }).locator(":scope > ol > li");

test("after submitting, an unanswered question says 'Not answered' and still shows the right answer; the chosen option stays plain to see", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { student } = await classWithStudent(browser, "Left Blank");
  await student.goto(`/lessons/${lessonSlug}/the-warning`);
  const cards = cardsOf(student);
  const single = cards.filter({ has: student.getByRole("heading", { name: /Single choice/ }) }).first();
  await single.getByRole("radio").first().check();
  await expect(single.getByRole("status")).toHaveText("Saved");
  await student.goto(`/lessons/${lessonSlug}/summary`);
  await student.getByRole("button", { name: "Submit lesson" }).click();
  await expect(student.getByText(/^Submitted /)).toBeVisible();

  await student.goto(`/lessons/${lessonSlug}/the-warning`);
  await expect(student.getByText(/· submitted/)).toBeVisible();
  // The short answer was left empty: the card says so, and explains the answer as for an answered one.
  const short = cards.filter({ has: student.getByRole("heading", { name: /Short answer/ }) }).first();
  await expect(short.getByText("Not answered", { exact: true })).toBeVisible();
  await expect(short.getByText("Submitted", { exact: true })).toHaveCount(0);
  const shortFeedback = short.getByRole("region", { name: /^Feedback on question/ });
  await expect(shortFeedback).toContainText("Not answered: 0 points of 1. The right answer is below.");
  await expect(shortFeedback).toContainText("A model answer:");
  // The multiple select, also unanswered, lists every option with why it is right or not.
  const multiple = cards.filter({ has: student.getByRole("heading", { name: /Multiple select/ }) }).first();
  await expect(multiple.getByText("Not answered", { exact: true })).toBeVisible();
  await expect(
    multiple
      .getByRole("region", { name: /^Feedback on question/ })
      .getByText(/Right answer/)
      .first(),
  ).toBeVisible();
  // The answered one still says Submitted, and its chosen option is marked, in full colour, not a faint disabled dot.
  await expect(single.getByText("Submitted", { exact: true })).toBeVisible();
  const chosen = single.locator("label").filter({ has: student.getByRole("radio", { checked: true }) });
  await expect(chosen.getByText("Your answer")).toBeVisible();
  await expect(single.getByText("Your answer")).toHaveCount(1);
  const radio = chosen.getByRole("radio");
  await expect(radio).toBeDisabled();
  const look = await radio.evaluate((el) => ({
    appearance: getComputedStyle(el).appearance,
    border: getComputedStyle(el).borderTopColor,
    opacity: getComputedStyle(el).opacity,
  }));
  const accent = await student.evaluate(() => {
    const probe = document.createElement("span");
    probe.style.color = "var(--accent)";
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  });
  expect(look).toEqual({ appearance: "none", border: accent, opacity: "1" });
  await expectNoAxeViolations(student);
});

test("self-study shows one model answer for a short answer, not the list of every accepted one", async ({ page }) => {
  await signUpStudent(page, "Model Answer");
  await page.goto(`/lessons/${lessonSlug}/the-warning`);
  await expect(page.getByText(/Self-study/)).toBeVisible();
  const short = cardsOf(page)
    .filter({ has: page.getByRole("heading", { name: /Short answer/ }) })
    .first();
  await short.getByRole("textbox").fill("a general");
  await expect(short.getByRole("status")).toHaveText("Saved");
  await short.getByRole("button", { name: "Check answer" }).click();
  const feedback = short.getByRole("region", { name: /^Feedback on question/ });
  await expect(feedback).toContainText(/A model answer: .+\./);
  await expect(feedback).not.toContainText("Accepted:");
  await expect(feedback).not.toContainText(" · ");
});

test("a text field's focus ring is calm (the accent, not the warning orange) and clearly visible", async ({ page }) => {
  await page.goto("/signin");
  const email = page.getByLabel("Email");
  await email.focus();
  const ring = await email.evaluate((el) => ({
    width: parseFloat(getComputedStyle(el).outlineWidth),
    style: getComputedStyle(el).outlineStyle,
    colour: getComputedStyle(el).outlineColor,
  }));
  expect(ring.style).toBe("solid");
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.colour).not.toBe("rgb(194, 65, 12)");
  expect(ring.colour).toBe("rgb(31, 95, 139)");
});
