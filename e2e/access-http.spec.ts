import { expect, test, type Page } from "@playwright/test";
import { lessonSlug, signIn, signUpStudent } from "./helpers";
import { e2eDatabase, throttleKeys } from "../db/testing/inspection";

/**
 * The authorization matrix through HTTP: every page and file of a class, asked for with no
 * session, by a student of another class, and by another instructor, gives none of its data.
 */
test("a class's pages and files give no data to a visitor, a student of another class, or another instructor", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByRole("link", { name: "Demo class" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Demo class" })).toBeVisible();
  const classUrl = new URL(teacher.url()).pathname;
  await teacher.goto(`${classUrl}/gradebook`);
  const studentHref = await teacher.getByRole("rowheader").getByRole("link").first().getAttribute("href");
  const secretName = (await teacher.getByRole("rowheader").getByRole("link").first().textContent())!;
  expect(studentHref).toContain("/review/student/");

  const protectedPaths = [
    classUrl,
    `${classUrl}/review`,
    studentHref!,
    `${classUrl}/gradebook`,
    `${classUrl}/gradebook/grades.csv`,
    `${classUrl}/gradebook/answers.csv`,
    `${classUrl}/insights`,
    `${classUrl}/share?lesson=${lessonSlug}&question=headline-claim-strength`,
  ];

  const visitor = await (await browser.newContext()).newPage();
  const outsider = await (await browser.newContext()).newPage();
  await signUpStudent(outsider, "Outside Student");
  const otherTeacher = await (await browser.newContext()).newPage();
  await otherTeacher.goto("/signup");
  await otherTeacher.getByLabel("Your name").fill("Other Teacher");
  await otherTeacher.getByLabel("Email").fill(`other.teacher.${Date.now()}@example.org`);
  await otherTeacher.getByLabel("Password", { exact: true }).fill("a good long password");
  await otherTeacher.getByLabel("Instructor code (instructors only)").fill("e2e-instructor-code-2026");
  await otherTeacher.getByRole("button", { name: "Create account" }).click();
  await expect(otherTeacher.getByRole("heading", { level: 1, name: "Your classes" })).toBeVisible();

  const check = async (who: string, page: Page, path: string) => {
    const res = await page.request.get(path, { maxRedirects: 0 });
    const body = await res.text();
    const status = res.status();
    // A visitor is sent to sign in; anyone signed in who may not see the class finds nothing there.
    if (who === "visitor")
      expect(path.endsWith(".csv") ? [401, 403] : [303, 307, 308], `${who} ${path}: ${status}`).toContain(status);
    // (A student asking for an instructor's file is refused for the role alone: 403, which says nothing of the class.)
    else
      expect(
        path.endsWith(".csv") && who.startsWith("student") ? [403, 404] : [404],
        `${who} ${path}: ${status}`,
      ).toContain(status);
    expect(body, `${who} ${path} must not carry the class's data`).not.toContain(secretName);
    expect(body).not.toContain("Demo class");
  };
  for (const path of protectedPaths) {
    await check("visitor", visitor, path);
    await check("student of another class", outsider, path);
    await check("other instructor", otherTeacher, path);
  }
});

test("the session cookie is httpOnly and SameSite=Lax, and signing out ends it, even for a copy of the cookie", async ({
  page,
  browser,
}) => {
  await signIn(page, "student1@demo.test");
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session, "a session cookie").toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  // Plain HTTP here; behind HTTPS (NEXTAUTH_URL https://…) next-auth names it __Secure- and marks it Secure.
  expect((await page.request.get(`/api/workspace?lesson=${lessonSlug}`)).status()).toBe(200);

  const copy = await browser.newContext();
  await copy.addCookies([session!]);
  expect(
    (await copy.request.get(`/api/workspace?lesson=${lessonSlug}`)).status(),
    "a copy works while the session lasts",
  ).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  // The per-user read answers a signed-out reader plainly (no 401 for the console), and with none of the work.
  const signedOut = { signedIn: false };
  expect(await (await page.request.get(`/api/workspace?lesson=${lessonSlug}`)).json()).toEqual(signedOut);
  expect(
    await (await copy.request.get(`/api/workspace?lesson=${lessonSlug}`)).json(),
    "the copied cookie is refused after sign-out",
  ).toEqual(signedOut);
  expect((await copy.request.put("/api/answers", { data: {} })).status(), "and it cannot write").toBe(401);
  expect((await (await copy.request.get("/api/auth/session")).json())?.user).toBeUndefined();
});

test("a failed sign-in is counted against the socket's address, not an X-Forwarded-For the client made up", async ({
  request,
}) => {
  const forged = "198.51.100.77";
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "student3@demo.test", password: "not the password", json: "true" },
    headers: { "X-Forwarded-For": forged },
    maxRedirects: 0,
  });
  const keys = await throttleKeys(e2eDatabase());
  expect(keys).toContain("address:127.0.0.1");
  expect(keys.filter((k) => k.includes(forged))).toEqual([]);
});

test("guessing passwords through HTTP locks the account after 10 failures, and not its neighbours", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const victimPage = await (await browser.newContext()).newPage();
  const victim = await signUpStudent(victimPage, "Guessed At");
  await victimPage.context().close();
  const neighbourPage = await (await browser.newContext()).newPage();
  const neighbour = await signUpStudent(neighbourPage, "Next Door");
  await neighbourPage.context().close();

  const attempt = async (email: string, password: string) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const res = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, json: "true" },
      maxRedirects: 0,
    });
    const location = res.headers()["location"] ?? (await res.json().catch(() => ({}))).url ?? "";
    const signedIn = res
      .headersArray()
      .some((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session-token="));
    return `${decodeURIComponent(location)}${signedIn ? " (signed in)" : ""}`;
  };
  for (let i = 1; i <= 10; i++)
    expect(await attempt(victim, `wrong guess ${i}`), `guess ${i}`).toContain(
      "That email and password do not match an account.",
    );
  // The right password no longer helps, and the form says so.
  expect(await attempt(victim, "a good long password")).toMatch(
    /Too many failed sign-ins\. Try again in \d+ minutes?\./,
  );
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(victim);
  await page.getByLabel("Password").fill("a good long password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many failed sign-ins\. Try again in \d+ minutes?\./)).toBeVisible();
  // Locking is per account: the same address can still sign in to another one.
  const neighbourResult = await attempt(neighbour, "a good long password");
  expect(neighbourResult).toContain("(signed in)");
  expect(neighbourResult).not.toContain("error=");
});
