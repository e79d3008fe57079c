import { expect, test } from "@playwright/test";
import { lessonSlug, lessonTitle } from "./helpers";
import { startStandInPlatform, type RunningPlatform } from "./lti-platform";

// One stand-in LMS (one port, one key pair) for the journeys of this file, so they run in one worker.
test.describe.configure({ mode: "serial" });

let lms: RunningPlatform;
test.beforeAll(async ({ baseURL }) => {
  lms = await startStandInPlatform(baseURL!);
});
test.afterAll(async () => {
  await lms?.stop();
});

const run = Date.now().toString(36);
const course = { id: `course-${run}`, title: `World History ${run}` };
const teacher = {
  sub: `teacher-${run}`,
  name: "Ada Obi",
  email: `ada.${run}@school.example`,
  role: "Instructor" as const,
};

/** What a platform administrator's LMS fetches from the tool before any launch: its public keys. */
test("the tool's public signing keys are served at /api/lti/jwks, without their private halves", async ({
  request,
}) => {
  const res = await request.get("/api/lti/jwks");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("public, max-age=300");
  const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) {
    expect(key).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", e: "AQAB" });
    expect(typeof key.kid).toBe("string");
    for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) expect(key).not.toHaveProperty(secret);
  }
  // The same keys on the next request: made once, not per request.
  expect(((await (await request.get("/api/lti/jwks")).json()) as { keys: { kid: string }[] }).keys[0]!.kid).toBe(
    keys[0]!.kid,
  );
});

test("from the LMS course, the instructor arrives in a class named after it and a student in the lesson, signed in without a password", async ({
  browser,
}) => {
  const instructor = await (await browser.newContext()).newPage();
  await instructor.goto(lms.coursePage(teacher, { course, lessonSlug }));
  await instructor.getByRole("link", { name: "Open Marginalia" }).click();
  await expect(instructor).toHaveURL(/\/classes\/[0-9a-f-]{36}$/);
  await expect(instructor.getByRole("heading", { level: 1, name: course.title })).toBeVisible();
  await expect(instructor.getByRole("button", { name: "Sign out" })).toBeVisible();
  // The link's lesson is assigned to the class.
  await expect(instructor.getByText(lessonTitle).first()).toBeVisible();

  const student = await (await browser.newContext()).newPage();
  const sam = { sub: `student-${run}`, name: "Sam Lee", role: "Learner" as const };
  await student.goto(lms.coursePage(sam, { course, lessonSlug }));
  await student.getByRole("link", { name: "Open Marginalia" }).click();
  await expect(student).toHaveURL(new RegExp(`/lessons/${lessonSlug}$`));
  await expect(student.getByRole("heading", { level: 1, name: lessonTitle })).toBeVisible();
  await expect(student.getByRole("button", { name: "Sign out" })).toBeVisible();

  // The instructor's class now lists the student.
  await instructor.reload();
  const roster = instructor.getByRole("list", { name: `Students in ${course.title}` });
  await expect(roster.getByText("Sam Lee")).toBeVisible();
  // The LMS sent no email: none is made up on screen.
  await expect(roster.getByText("Signs in through the LMS")).toBeVisible();
  await instructor.context().close();
  await student.context().close();
});

test("inside the LMS's frame, Marginalia says it opens in a new window, and that window is signed in", async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  const kim = { sub: `framed-${run}`, name: "Kim Park", role: "Learner" as const };
  // The course page is on the school's own domain, as Canvas serves it: not a registered origin, but
  // the launch's signed return URL names it, so it may frame Marginalia's page.
  await page.goto(lms.coursePage(kim, { course, lessonSlug, schoolDomain: true }, { framed: true }));
  const frame = page.frameLocator('iframe[title="Marginalia"]');
  await expect(frame.getByRole("heading", { name: "Marginalia opens in its own window" })).toBeVisible();
  await expect(frame.getByText("You are signed in as Kim Park.")).toBeVisible();
  const popupOpened = page.waitForEvent("popup");
  await frame.getByRole("link", { name: "Open in a new window" }).click();
  const popup = await popupOpened;
  await expect(popup).toHaveURL(new RegExp(`/lessons/${lessonSlug}$`));
  await expect(popup.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.context().close();
});

test("a launch the LMS did not sign, or from an LMS nobody registered, gets a clear page and signs nobody in", async ({
  browser,
  baseURL,
}) => {
  const page = await (await browser.newContext()).newPage();
  const eve = { sub: `forged-${run}`, name: "Eve", role: "Instructor" as const };
  await page.goto(lms.coursePage(eve, { course: { id: `forged-${run}`, title: "Forged" }, forge: true }));
  await page.getByRole("link", { name: "Open Marginalia" }).click();
  await expect(page.getByRole("heading", { name: "Marginalia could not open from your LMS" })).toBeVisible();
  await expect(page.getByText(/signature does not match/)).toBeVisible();
  await expect(page.getByText(/^Reference: [0-9a-f]{8}/)).toBeVisible();
  await page.goto("/classes");
  await expect(page).toHaveURL(/\/signin/);

  const unknown = new URL(`${baseURL}/api/lti/login`);
  unknown.searchParams.set("iss", "https://lms.nobody.example");
  unknown.searchParams.set("login_hint", "x");
  unknown.searchParams.set("target_link_uri", `${baseURL}/api/lti/launch`);
  const res = await page.goto(unknown.href);
  expect(res?.status()).toBe(400);
  await expect(page.getByText(/does not know this LMS \(https:\/\/lms\.nobody\.example\)/)).toBeVisible();
  await page.context().close();
});

test("an instructor adds a lesson from inside the LMS (deep linking), and the LMS gets a graded assignment", async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(lms.coursePage(teacher, { course, deepLink: true, schoolDomain: true }, { framed: true }));
  const frame = page.frameLocator('iframe[title="Marginalia"]');
  await expect(frame.getByRole("heading", { name: "Choose a lesson for your course" })).toBeVisible();
  await frame
    .getByRole("group", { name: "Lesson" })
    .getByRole("radio", { name: new RegExp(lessonTitle) })
    .check();
  await frame
    .getByRole("checkbox", { name: "Students see the correct answers and explanations after they submit" })
    .check();
  await frame.getByRole("button", { name: "Add to the course" }).click();
  // The signed answer reaches the LMS, which checks it with the tool's published keys.
  await expect(frame.getByRole("heading", { name: "Assignment added" })).toBeVisible();
  await expect(frame.getByRole("listitem")).toContainText(lessonTitle);
  const link = lms.createdLinks.at(-1)!;
  expect(link.custom).toEqual({ lesson: lessonSlug, show_answers: "true" });
  expect(link.lineItem.scoreMaximum).toBeGreaterThan(0);
  await page.context().close();

  // The assignment's link opens the lesson for a student of the course.
  const student = await (await browser.newContext()).newPage();
  const lee = { sub: `linked-${run}`, name: "Lee Chan", role: "Learner" as const };
  await student.goto(lms.coursePage(lee, { course, lessonSlug: link.custom.lesson }));
  await student.getByRole("link", { name: "Open Marginalia" }).click();
  await expect(student.getByRole("heading", { level: 1, name: lessonTitle })).toBeVisible();
  await student.context().close();
});

test("a student's submission and the instructor's returned feedback reach the LMS gradebook, pending until reviewed", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const graded = { id: `graded-${run}`, title: `Civics ${run}` };
  const hint = { course: graded, lessonSlug, lineItem: true };
  const instructor = await (await browser.newContext()).newPage();
  await instructor.goto(lms.coursePage({ ...teacher, sub: `grader-${run}`, name: "Grace Hall" }, hint));
  await instructor.getByRole("link", { name: "Open Marginalia" }).click();
  await expect(instructor.getByRole("heading", { level: 1, name: graded.title })).toBeVisible();
  const classUrl = instructor.url();

  // The student answers one open response and submits.
  const student = await (await browser.newContext()).newPage();
  const sub = `scored-${run}`;
  await student.goto(lms.coursePage({ sub, name: "Noor Aziz", role: "Learner" }, hint));
  await student.getByRole("link", { name: "Open Marginalia" }).click();
  await expect(student.getByRole("heading", { level: 1, name: lessonTitle })).toBeVisible();
  await student.goto(`/lessons/${lessonSlug}/repression-backfires`);
  const card = student
    .getByRole("region", { name: /^Questions/ })
    .locator(":scope > ol > li")
    .filter({ hasText: "Steve Swerdlow is the most quoted source" });
  await card.getByRole("textbox").fill("He works for Human Rights Watch, whose job is to expose abuses.");
  await expect(card.getByRole("status")).toHaveText(/Saved/);
  await student.goto(`/lessons/${lessonSlug}/summary`);
  student.on("dialog", (d) => d.accept());
  await student.getByRole("button", { name: "Submit lesson" }).click();
  await expect(student.getByText(/^Submitted /)).toBeVisible();

  const scoresOf = () => lms.receivedScores.filter((s) => s.score.userId === sub).map((s) => s.score);
  await expect.poll(() => scoresOf().length, { timeout: 20_000 }).toBe(1);
  expect(scoresOf()[0]).toMatchObject({
    scoreGiven: 0,
    gradingProgress: "Pending",
    activityProgress: "Submitted",
    comment: expect.stringContaining("1 awaiting review"),
  });

  // The instructor sees it went, then reviews and returns the answer: the graded score follows.
  await instructor.reload();
  await expect(instructor.getByRole("region", { name: "Scores in your LMS" }).getByRole("status")).toContainText(
    "1 score sent to the LMS gradebook",
  );
  await instructor.goto(`${classUrl}/review`);
  await instructor.getByRole("region", { name: "Review workbench" }).focus();
  const criteria = instructor.getByRole("group").filter({ has: instructor.getByRole("radio") });
  for (let c = 0; c < (await criteria.count()); c++) {
    const keys = await criteria.nth(c).locator("kbd").allTextContents();
    await instructor.keyboard.press(keys.at(-1)!);
  }
  await instructor.keyboard.press("c");
  await instructor.keyboard.type("You named the organisation and its aim.");
  await instructor.keyboard.press("Escape");
  await expect(instructor.getByText("Draft saved")).toBeVisible();
  await instructor.keyboard.press("r");
  await expect(instructor.getByText("Returned", { exact: true }).first()).toBeVisible();

  await expect.poll(() => scoresOf().length, { timeout: 20_000 }).toBe(2);
  expect(scoresOf()[1]).toMatchObject({ gradingProgress: "FullyGraded", activityProgress: "Completed" });
  expect(scoresOf()[1]!.scoreGiven as number).toBeGreaterThan(0);
  expect(scoresOf()[1]!.scoreMaximum).toBe(scoresOf()[0]!.scoreMaximum);
  await instructor.context().close();
  await student.context().close();
});

test("the instructor brings the LMS course's students into the class before they launch", async ({ browser }) => {
  const rostered = { id: `rostered-${run}`, title: `Biology ${run}` };
  lms.setRoster(rostered.id, [
    { sub: `r1-${run}`, name: "Ines Ruiz", role: "Learner" },
    { sub: `r2-${run}`, name: "Omar Haddad", role: "Learner" },
    { sub: `r3-${run}`, name: "Pat Teacher", role: "Instructor" },
  ]);
  const page = await (await browser.newContext()).newPage();
  await page.goto(
    lms.coursePage({ ...teacher, sub: `rosterer-${run}`, name: "Ravi Shah" }, { course: rostered, roster: true }),
  );
  await page.getByRole("link", { name: "Open Marginalia" }).click();
  await expect(page.getByRole("heading", { level: 1, name: rostered.title })).toBeVisible();
  await expect(page.getByText("No students yet.")).toBeVisible();
  await page.getByRole("button", { name: "Sync roster from the LMS" }).click();
  await expect(page.getByText("2 students added from the LMS.")).toBeVisible();
  const roster = page.getByRole("list", { name: `Students in ${rostered.title}` });
  await expect(roster.getByText("Ines Ruiz")).toBeVisible();
  await expect(roster.getByText("Omar Haddad")).toBeVisible();
  await expect(roster.getByText("Pat Teacher")).toHaveCount(0);
  // Again: nobody twice.
  await page.getByRole("button", { name: "Sync roster from the LMS" }).click();
  await expect(page.getByText("0 students added from the LMS, 2 already in the class.")).toBeVisible();
  await page.context().close();
});

test("the LMS routes take cross-site form posts by design, but a signed-in visitor's cookie never makes one act", async ({
  browser,
}) => {
  // A signed-in instructor (an LMS account) visits a hostile page that posts to each LMS route.
  const page = await (await browser.newContext()).newPage();
  await page.goto(lms.coursePage(teacher, { course }));
  await page.getByRole("link", { name: "Open Marginalia" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  const tries: [string, string, string][] = [
    ["/api/lti/launch", "text/plain", '{"id_token":"x","state":"y"}'],
    ["/api/lti/launch", "application/x-www-form-urlencoded", "state=made-up"],
    ["/api/lti/launch", "application/x-www-form-urlencoded", "id_token=a.b.c&state=made-up"],
    ["/api/lti/deep-link", "application/x-www-form-urlencoded", "request=made-up&lesson=tajikistan-islamic-state"],
    ["/api/lti/deep-link", "text/plain", "request=made-up"],
    ["/api/lti/login", "application/x-www-form-urlencoded", "iss=https%3A%2F%2Fevil.example&login_hint=x"],
  ];
  for (const [route, type, data] of tries) {
    const res = await page.request.post(route, {
      headers: { "Content-Type": type, Origin: "http://evil.example", "Sec-Fetch-Site": "cross-site" },
      data,
    });
    expect(res.status(), `${route} ${type} ${data}`).toBe(400);
    expect(res.headers()["content-type"]).toContain("text/html");
    expect(await res.text()).toContain("Marginalia could not open from your LMS");
  }
  // The session is the one the instructor had; nothing was signed in or out.
  await page.goto("/classes");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.context().close();
});
