import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, readJoinCode, signIn, signUpStudent } from "./helpers";

test("a wrong join code is kept in the field with one message beside it; the instructor's join link fills the code in", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const student = await (await browser.newContext()).newPage();
  await signUpStudent(student, "Code Typist");
  await student.goto("/join");
  const field = student.getByLabel("Class code");

  // Something that cannot be a code: the format, once, beside the field; what was typed stays.
  await field.fill("abc");
  await student.getByRole("button", { name: "Join class" }).click();
  const hint = "A class code is 10 letters and digits, like K7M2Q-XR9PD. Codes never use 0, 1, I, L or O.";
  await expect(student.getByText(hint)).toHaveCount(1);
  await expect(field).toHaveAccessibleDescription(new RegExp(hint.replace(/[.]/g, "\\.")));
  await expect(field).toHaveValue("abc");
  await expect(field).toHaveAttribute("aria-invalid", "true");

  // A well-formed code no class has: said once, and the code is still there to correct.
  await field.fill("K7M2Q-XR9PD");
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText("No class has that code. Check it with your instructor.")).toHaveCount(1);
  await expect(field).toHaveValue("K7M2Q-XR9PD");
  await expectNoAxeViolations(student);

  // The instructor copies the class's join link.
  const teacherContext = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const teacher = await teacherContext.newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByRole("link", { name: "Demo class" }).click();
  const code = await readJoinCode(teacher);
  await teacher.getByRole("button", { name: "Copy join link" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: "Copied." })).toBeVisible();
  const link = await teacher.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).pathname + new URL(link).search).toBe(`/join?code=${encodeURIComponent(code)}`);
  expect(new URL(link).origin).toBe(new URL(teacher.url()).origin);
  await teacher.getByRole("button", { name: "Copy code" }).click();
  expect(await teacher.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await expectNoAxeViolations(teacher);

  // The student opens the link: the code is filled in, and joining works.
  await student.goto(link);
  await expect(field).toHaveValue(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: "You have joined Demo class." })).toBeVisible();
});
