import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, lessonTitle, readJoinCode, signIn, signUpStudent } from "./helpers";

test("a new student joins the demo class; the instructor creates a class that a second student joins", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByRole("link", { name: "Demo class" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Demo class" })).toBeVisible();
  const demoCode = await readJoinCode(teacher);
  await expectNoAxeViolations(teacher);

  // A new student signs up and joins with the code.
  const student = await (await browser.newContext()).newPage();
  await signUpStudent(student, "Noor Rahimi");
  await expect(student.getByText("You are not in a class yet.")).toBeVisible();
  await student.getByRole("link", { name: "Join a class with a code" }).click();
  await student.getByLabel("Class code").fill(demoCode.toLowerCase());
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: "You have joined Demo class." })).toBeVisible();
  await expect(student.getByRole("link", { name: lessonTitle })).toBeVisible();
  await student.goto("/classes");
  await expect(
    student.getByRole("list", { name: "Lessons assigned in Demo class" }).getByRole("link", { name: lessonTitle }),
  ).toBeVisible();
  await expectNoAxeViolations(student);

  // The instructor creates a class and shares its code; a second student joins and appears on the roster.
  await teacher.goto("/classes");
  await teacher.getByLabel("Class name").fill("Period 3 close reading");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Period 3 close reading" })).toBeVisible();
  await expect(teacher.getByText("No students yet. Share the join code above.")).toBeVisible();
  const newCode = await readJoinCode(teacher);
  const newClassUrl = teacher.url();

  const second = await (await browser.newContext()).newPage();
  await signUpStudent(second, "Omar Farouk");
  await second.goto("/join");
  await second.getByLabel("Class code").fill(newCode);
  await second.getByRole("button", { name: "Join class" }).click();
  await expect(second.getByRole("heading", { level: 1, name: "Period 3 close reading" })).toBeVisible();

  await teacher.reload();
  await expect(
    teacher.getByRole("list", { name: "Students in Period 3 close reading" }).getByText("Omar Farouk", { exact: true }),
  ).toBeVisible();

  // The first student is not in that class: its page is a 404, with no data.
  const response = await student.goto(newClassUrl);
  expect(response?.status()).toBe(404);
  // It says the class page does not exist or is not theirs (not that a lesson was renamed), and leads back to their classes.
  await expect(student.getByRole("heading", { level: 1, name: "Class not found" })).toBeVisible();
  await expect(student.getByText("This class page does not exist, or it is not one of yours")).toBeVisible();
  await expect(student.getByText(/renamed/)).toHaveCount(0);
  await expect(student.getByText("Omar Farouk")).toHaveCount(0);
  await expectNoAxeViolations(student);
  await student.getByRole("link", { name: "Go to your classes" }).click();
  await expect(student.getByRole("heading", { level: 1, name: "Your classes and lessons" })).toBeVisible();

  // The student leaves the demo class (after confirming) and it is gone from their list.
  student.on("dialog", (dialog) => dialog.accept());
  await student.goto("/classes");
  await student.getByRole("link", { name: "Demo class" }).click();
  await student.getByRole("button", { name: "Leave class" }).click();
  await expect(student.getByText("You are not in a class yet.")).toBeVisible();

  // Signed out, an instructor page sends you to sign in.
  await teacher.getByRole("button", { name: "Sign out" }).click();
  await expect(teacher.getByRole("link", { name: "Sign in" })).toBeVisible();
  await teacher.goto(newClassUrl);
  await expect(teacher).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(teacher.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

test("sign-in and sign-up say what is wrong, beside the field, without revealing accounts", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Email").fill("student1@demo.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await page.getByLabel("Email").fill("nobody-here@demo.test");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Short Password");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter an email address like name@example.org.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Short Password");
  await expectNoAxeViolations(page);
});

test("instructor sign-up needs the site's instructor code", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ms Teacher");
  await page.getByLabel("Email").fill(`teacher.${Date.now()}@example.org`);
  await page.getByLabel("Password", { exact: true }).fill("a good long password");
  await page.getByLabel("Instructor code (instructors only)").fill("wrong code");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("That instructor code is not right.").first()).toBeVisible();

  await page.getByLabel("Password", { exact: true }).fill("a good long password");
  await page.getByLabel("Instructor code (instructors only)").fill("e2e-instructor-code-2026");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your classes" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Create a class" })).toBeVisible();
});

test("an instructor assigns a lesson with a due date, makes a new code and removes a student", async ({ browser }) => {
  const teacherPage = await (await browser.newContext()).newPage();
  teacherPage.on("dialog", (dialog) => dialog.accept());
  await signIn(teacherPage, "instructor@demo.test");
  await teacherPage.goto("/classes");
  await teacherPage.getByLabel("Class name").fill("Assignments test class");
  await teacherPage.getByRole("button", { name: "Create class" }).click();
  await expect(teacherPage.getByRole("heading", { level: 1, name: "Assignments test class" })).toBeVisible();
  const oldCode = await readJoinCode(teacherPage);

  await teacherPage.getByLabel("Due date (optional)").fill("2031-03-14");
  await teacherPage.getByLabel("Students see the correct answers and explanations after they submit").uncheck();
  await teacherPage.getByRole("button", { name: "Assign lesson" }).click();
  await expect(teacherPage.getByText("Lesson assigned.")).toBeVisible();
  const assignment = teacherPage.getByRole("region", { name: "Assigned lessons" }).getByRole("listitem");
  await expect(assignment).toContainText("Due Friday, 14 March 2031");
  await expect(assignment).toContainText("answers hidden after submitting");

  const student = await (await browser.newContext()).newPage();
  student.on("dialog", (dialog) => dialog.accept());
  await signUpStudent(student, "Rosa Parks Jr");
  await student.goto(`/join?code=${oldCode}`);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("heading", { level: 1, name: "Assignments test class" })).toBeVisible();
  await expect(student.getByText("Due Friday, 14 March 2031")).toBeVisible();

  await teacherPage.getByRole("button", { name: "Make a new code" }).click();
  await expect(teacherPage.getByText("New code made. The old code no longer works.")).toBeVisible();
  expect(await readJoinCode(teacherPage)).not.toBe(oldCode);

  await teacherPage.reload();
  await teacherPage.getByRole("button", { name: "Remove Rosa Parks Jr" }).click();
  await expect(teacherPage.getByText("No students yet. Share the join code above.")).toBeVisible();
  const response = await student.reload();
  expect(response?.status()).toBe(404);

  // A wrong code says so.
  await student.goto("/join");
  await student.getByLabel("Class code").fill(oldCode);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText("No class has that code. Check it with your instructor.").first()).toBeVisible();
});

test("changing the password ends the account's other sessions; sign out everywhere ends all", async ({ browser }) => {
  const here = await (await browser.newContext()).newPage();
  here.on("dialog", (dialog) => dialog.accept());
  const email = await signUpStudent(here, "Two Devices");
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, email, "a good long password");

  await here.goto("/account");
  await here.getByLabel("Display name").fill("Two Devices Renamed");
  await here.getByRole("button", { name: "Save name" }).click();
  await expect(here.getByText("Name saved.")).toBeVisible();

  await here.getByLabel("Current password").fill("a good long password");
  await here.getByLabel("New password", { exact: true }).fill("an even better password");
  await here.getByLabel("New password again").fill("an even better password");
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByText("Password changed. You have been signed out on every other device.")).toBeVisible();
  await expectNoAxeViolations(here);

  await elsewhere.goto("/account");
  await expect(elsewhere).toHaveURL(/\/signin/);
  await here.reload();
  await expect(here.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(here.getByLabel("Display name")).toHaveValue("Two Devices Renamed");
  await expect(here.getByRole("link", { name: "Account: Two Devices Renamed" })).toBeVisible();

  await here.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(here.getByText("You have been signed out on every device.")).toBeVisible();
  await expect(here.getByRole("link", { name: "Sign in" })).toBeVisible();
  await here.goto("/account");
  await expect(here).toHaveURL(/\/signin/);
});
