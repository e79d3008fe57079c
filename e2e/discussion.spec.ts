import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, lessonSlug, readJoinCode, signIn, signUpStudent, studentInDemoClass } from "./helpers";

const passagePath = `/lessons/${lessonSlug}/a-colonel-defects`;

/** Fails the test if any script the page was not meant to run ran (a payload's onerror or <script>). */
async function expectNoInjectedScript(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
}

async function demoClassId(page: Page): Promise<string> {
  await page.goto("/classes");
  await page.getByRole("link", { name: "Demo class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Demo class" })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2]!;
}

test("two students discuss a passage; the instructor pins, locks and hides; other classes and the public see none of it", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const amira = await studentInDemoClass(browser, "Amira Discusses");
  const bo = await studentInDemoClass(browser, "Bo Replies");
  const dialogs: string[] = [];
  for (const p of [amira, bo]) p.on("dialog", (d) => void d.dismiss().then(() => dialogs.push(d.message())));

  // Amira starts a thread from one of the passage's prompts, quoting a sentence of the passage.
  await amira.goto(passagePath);
  const discussion = amira.getByRole("region", { name: "Discussion" });
  await expect(discussion.getByText("With Demo class")).toBeVisible();
  const prompt = discussion
    .getByRole("listitem")
    .filter({ hasText: "What makes a statement like this useful as evidence" });
  await prompt.getByRole("button", { name: "Start a thread on this prompt" }).click();
  await expect(discussion.getByLabel("Title")).toHaveValue(/^Khalimov's words come from a video/);
  await discussion.getByLabel("Title").fill("Is the video good evidence?");
  // An empty post is refused with a message, and nothing is posted.
  await discussion.getByRole("button", { name: "Post thread" }).click();
  await expect(discussion.getByText("Write something before posting.")).toBeVisible();
  await discussion
    .getByLabel("Your post")
    .fill("He made the video for Islamic State.\nSo it is propaganda as much as evidence.");
  const quote = discussion.getByLabel("Quote a sentence of the passage (optional)");
  await quote.selectOption(
    (await quote.locator("option", { hasText: "received counterterrorism training" }).getAttribute("value"))!,
  );
  await discussion.getByRole("button", { name: "Post thread" }).click();
  await expect(discussion.getByText("Your thread is posted.")).toBeVisible();
  const thread = discussion.getByRole("article", { name: "Is the video good evidence?" });
  await expect(thread).toContainText("Started from the prompt");
  await expect(thread.getByRole("blockquote")).toContainText("received counterterrorism training in the US");
  const quoteLink = thread.getByRole("link", { name: "Go to this sentence in the passage" });
  const target = await quoteLink.getAttribute("href");
  expect(target).toMatch(/^#s-/);
  await expect(amira.locator(target!)).toContainText("received counterterrorism training in the US");
  // Line breaks are kept.
  await expect(thread.getByRole("article", { name: "Post by Amira Discusses" })).toContainText(
    "for Islamic State.\nSo it is",
  );

  // Bo sees it, replies with a script payload that must show as text and run nothing.
  await bo.goto(passagePath);
  const boThread = bo
    .getByRole("region", { name: "Discussion" })
    .getByRole("article", { name: "Is the video good evidence?" });
  await expect(boThread).toContainText("He made the video for Islamic State.");
  await boThread.getByRole("button", { name: "Reply" }).click();
  const payload = `I disagree <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
  await boThread.getByLabel("Your reply to “Is the video good evidence?”").fill(payload);
  await boThread.getByRole("button", { name: "Post reply" }).click();
  const boReply = boThread.getByRole("article", { name: "Post by Bo Replies" });
  await expect(boReply).toContainText(payload);
  await expect(boReply.locator("img")).toHaveCount(0);
  await expectNoInjectedScript(bo);
  // Bo also reports Amira's post to the instructor.
  await boThread
    .getByRole("article", { name: "Post by Amira Discusses" })
    .getByRole("button", { name: "Report" })
    .click();
  await boThread.getByLabel(/What is wrong with this post/).fill("Calls a classmate's source propaganda");
  await boThread.getByRole("button", { name: "Send report" }).click();
  await expect(boThread.getByText("You reported this post to the instructor.")).toBeVisible();

  // Amira sees the reply after a reload, as text.
  await amira.reload();
  await expect(thread.getByRole("article", { name: "Post by Bo Replies" })).toContainText(payload);
  await expectNoInjectedScript(amira);
  expect(dialogs, "no script may open a dialog").toEqual([]);

  // The instructor sees the report, pins and locks the thread, and hides Bo's reply.
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  const classId = await demoClassId(teacher);
  await expect(teacher.getByRole("region", { name: "Reported posts" })).toContainText(
    "Calls a classmate's source propaganda",
  );
  await teacher.goto(`${passagePath}?class=${classId}`);
  const teacherThread = teacher
    .getByRole("region", { name: "Discussion" })
    .getByRole("article", { name: "Is the video good evidence?" });
  await expect(teacherThread.getByText("Reported once:")).toBeVisible();
  await teacherThread.getByRole("button", { name: "Leave it up and dismiss the reports" }).click();
  await expect(teacherThread.getByText("Reported once:")).toHaveCount(0);
  await teacherThread.getByRole("button", { name: "Pin thread" }).click();
  await expect(teacherThread.getByText("Pinned", { exact: true })).toBeVisible();
  await teacherThread
    .getByRole("article", { name: "Post by Bo Replies" })
    .getByRole("button", { name: "Hide from the class" })
    .click();
  await expect(teacherThread.getByRole("article", { name: "Post by Bo Replies" })).toContainText(
    "Hidden by the instructor",
  );
  await teacherThread.getByRole("button", { name: "Lock thread" }).click();
  await expect(teacherThread.getByText("Locked", { exact: true })).toBeVisible();
  await expectNoAxeViolations(teacher);

  // Amira no longer sees Bo's reply, sees the thread pinned and locked, and cannot reply.
  await amira.reload();
  await expect(thread.getByText("Pinned", { exact: true })).toBeVisible();
  await expect(thread.getByRole("article", { name: "Post by Bo Replies" })).toHaveCount(0);
  await expect(thread).not.toContainText("I disagree");
  await expect(thread.getByText("This thread is locked")).toBeVisible();
  await expect(thread.getByRole("button", { name: "Reply" })).toHaveCount(0);
  // Bo still sees his own reply, marked hidden.
  await bo.reload();
  await expect(boThread.getByRole("article", { name: "Post by Bo Replies" })).toContainText("Hidden by the instructor");

  // A student of another class sees that class's discussion, without the thread, and cannot ask for the demo class's.
  await teacher.goto("/classes");
  await teacher.getByLabel("Class name").fill("Other discussion class");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Other discussion class" })).toBeVisible();
  await teacher.getByRole("button", { name: "Assign lesson" }).click();
  await expect(teacher.getByText("Lesson assigned.")).toBeVisible();
  const code = await readJoinCode(teacher);
  const outsider = await (await browser.newContext()).newPage();
  await signUpStudent(outsider, "Olu Outsider");
  await outsider.goto(`/join?code=${code}`);
  await outsider.getByRole("button", { name: "Join class" }).click();
  await expect(outsider.getByRole("heading", { level: 1, name: "Other discussion class" })).toBeVisible();
  await outsider.goto(`${passagePath}?class=${classId}`);
  const outsiderDiscussion = outsider.getByRole("region", { name: "Discussion" });
  await expect(outsiderDiscussion.getByText("With Other discussion class")).toBeVisible();
  await expect(outsiderDiscussion).not.toContainText("Is the video good evidence?");
  const direct = await outsider.request.get(
    `/api/discussion?lesson=${lessonSlug}&passage=a-colonel-defects&class=${classId}`,
  );
  expect(direct.status()).toBe(404);
  expect(await direct.text()).not.toContain("Is the video good evidence?");

  // Readers without an account get the prompts and an invitation, not the class's posts.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(passagePath);
  const readerDiscussion = reader.getByRole("region", { name: "Discussion" });
  await expect(readerDiscussion.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(readerDiscussion).not.toContainText("Is the video good evidence?");
  expect((await reader.request.get(`/api/discussion?lesson=${lessonSlug}&passage=a-colonel-defects`)).status()).toBe(
    401,
  );

  // The overview counts the passage's posts for a classmate who has not looked yet, all of them new.
  const carla = await studentInDemoClass(browser, "Carla Overview");
  await carla.goto(`/lessons/${lessonSlug}`);
  const passageItem = carla
    .getByRole("list", { name: "Passages" })
    .getByRole("listitem")
    .filter({ hasText: "A US-trained colonel joins Islamic State" });
  await expect(passageItem).toContainText("1 post");
  await expect(passageItem).toContainText("1 new");
  await carla.goto(passagePath);
  await expect(carla.getByRole("article", { name: "Is the video good evidence?" })).toBeVisible();
  await carla.goto(`/lessons/${lessonSlug}`);
  await expect(passageItem).toContainText("1 post");
  await expect(passageItem).not.toContainText("new");
});

test("a learner on their own keeps a private notebook per passage, kept across sign-out and sign-in @phone", async ({
  page,
}) => {
  const email = await signUpStudent(page, "Nia Notebook");
  await page.goto(`/lessons/${lessonSlug}/the-warning`);
  const discussion = page.getByRole("region", { name: "Discussion" });
  await expect(discussion.getByText("only you can read it")).toBeVisible();
  const notebook = discussion.getByLabel("Your notebook for this passage");
  await notebook.fill("The experts are unnamed.\nWho are they?");
  await expect(discussion.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await signIn(page, email, "a good long password");
  await page.goto(`/lessons/${lessonSlug}/the-warning`);
  await expect(page.getByLabel("Your notebook for this passage")).toHaveValue(
    "The experts are unnamed.\nWho are they?",
  );
  // Another passage has its own page of the notebook.
  await page.goto(`/lessons/${lessonSlug}/a-colonel-defects`);
  await expect(page.getByLabel("Your notebook for this passage")).toHaveValue("");
});

test("the instructor shares two answers as a class snapshot: a student who submitted sees them without names, one who has not does not", async ({
  browser,
}) => {
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  await demoClassId(teacher);
  await teacher.getByRole("link", { name: "Review answers" }).first().click();
  await teacher.getByRole("link", { name: "Share some answers with the class to discuss" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Share answers with the class" })).toBeVisible();
  const choices = teacher.getByRole("group", { name: /Answers to share/ }).getByRole("checkbox");
  // Sharing nothing is refused, beside the list.
  await teacher.getByRole("button", { name: "Share 0 answers with the class" }).click();
  await expect(teacher.getByText("Choose at least one answer to share.").first()).toBeVisible();
  const names: string[] = [];
  for (const i of [0, 1]) {
    await choices.nth(i).check();
    const id = await choices.nth(i).getAttribute("id");
    names.push((await teacher.locator(`label[for="${id}"] strong`).textContent())!);
  }
  await expect(teacher.getByLabel(/Show students' names/)).not.toBeChecked();
  // A refusal (no note) keeps the choices.
  await teacher.getByLabel("Note to the class").fill("");
  await teacher.getByRole("button", { name: "Share 2 answers with the class" }).click();
  await expect(teacher.getByText("Write something before posting.").first()).toBeVisible();
  await expect(choices.nth(0)).toBeChecked();
  await expect(choices.nth(1)).toBeChecked();
  await teacher.getByLabel("Note to the class").fill("Compare these two readings.");
  await teacher.getByRole("button", { name: "Share 2 answers with the class" }).click();
  await teacher.waitForURL(/\/lessons\//);
  const snapshotPath = new URL(teacher.url()).pathname;
  const teacherSnapshot = teacher
    .getByRole("article")
    .filter({ has: teacher.getByText("Class snapshot", { exact: true }) });
  await expect(teacherSnapshot.getByText("Reader A", { exact: true })).toBeVisible();

  // student3 has submitted the lesson: the two answers, labelled, with no names.
  const submitted = await (await browser.newContext()).newPage();
  await signIn(submitted, "student3@demo.test");
  await submitted.goto(snapshotPath);
  const discussion = submitted.getByRole("region", { name: "Discussion" });
  const snapshot = discussion
    .getByRole("article")
    .filter({ has: submitted.getByText("Class snapshot", { exact: true }) });
  await expect(snapshot.getByText("Reader A", { exact: true })).toBeVisible();
  await expect(snapshot.getByText("Reader B", { exact: true })).toBeVisible();
  await expect(
    snapshot
      .getByRole("region", { name: "Shared answers" })
      .getByRole("listitem")
      .filter({ hasText: /^Reader/ }),
  ).toHaveCount(2);
  for (const name of names) await expect(discussion).not.toContainText(name);
  await expectNoAxeViolations(submitted);

  // student1 has not submitted: the snapshot waits for their own answer.
  const notYet = await (await browser.newContext()).newPage();
  await signIn(notYet, "student1@demo.test");
  await notYet.goto(snapshotPath);
  const theirs = notYet.getByRole("region", { name: "Discussion" });
  await expect(theirs.getByText("It opens once you have submitted the lesson")).toBeVisible();
  await expect(theirs.getByText("Class snapshot", { exact: true })).toHaveCount(0);
  await expect(theirs).not.toContainText("Reader A");
});

test("posting is limited to a burst of 10 a minute, with a clear message and nothing lost from the form", async ({
  browser,
}) => {
  const student = await studentInDemoClass(browser, "Rita Ratelimit");
  const workspace = await student.request.get(`/api/workspace?lesson=${lessonSlug}&passage=the-warning`);
  const discussion = (await workspace.json()).discussion as { classId: string };
  const start = (title: string) =>
    student.request.post("/api/discussion/threads", {
      data: { lessonSlug, passageKey: "the-warning", classId: discussion.classId, title, body: `Post ${title}` },
    });
  for (let i = 1; i <= 10; i++) expect((await start(`Burst ${i}`)).status(), `post ${i}`).toBe(200);
  const refused = await start("One too many");
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await refused.json()).errors.body[0]).toMatch(/Wait \d+ seconds, then post again: your text is still here/);

  // In the page, the same refusal is said beside the text, which stays in the box.
  await student.goto(`/lessons/${lessonSlug}/the-warning`);
  const region = student.getByRole("region", { name: "Discussion" });
  await region.getByRole("button", { name: "Start a new thread" }).click();
  await region.getByLabel("Title").fill("Still here?");
  await region.getByLabel("Your post").fill("This text must survive the refusal.");
  await region.getByRole("button", { name: "Post thread" }).click();
  await expect(region.getByText(/Wait \d+ seconds, then post again/)).toBeVisible();
  await expect(region.getByLabel("Your post")).toHaveValue("This text must survive the refusal.");
});

test("the instructor hides a thread's opening post: a classmate sees exactly what the instructor's view says students see", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const path = `/lessons/${lessonSlug}/signs-of-change`;
  const title = `Is anything changing? ${Date.now()}`;
  const cara = await studentInDemoClass(browser, "Cara Opens");
  const dev = await studentInDemoClass(browser, "Dev Answers");
  const eve = await studentInDemoClass(browser, "Eve Reads");

  await cara.goto(path);
  const caraDiscussion = cara.getByRole("region", { name: "Discussion" });
  await caraDiscussion.getByRole("button", { name: "Start a new thread" }).click();
  await caraDiscussion.getByLabel("Title").fill(title);
  await caraDiscussion.getByLabel("Your post").fill("Words the instructor will not want on the board.");
  await caraDiscussion.getByRole("button", { name: "Post thread" }).click();
  await expect(caraDiscussion.getByText("Your thread is posted.")).toBeVisible();

  await dev.goto(path);
  const devThread = dev.getByRole("region", { name: "Discussion" }).getByRole("article", { name: title });
  await devThread.getByRole("button", { name: "Reply" }).click();
  await devThread.getByLabel(`Your reply to “${title}”`).fill("A fair reply about the passage.");
  await devThread.getByRole("button", { name: "Post reply" }).click();
  await expect(devThread.getByRole("article", { name: "Post by Dev Answers" })).toBeVisible();

  // The instructor hides the opening post; their view says what students now see.
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  const classId = await demoClassId(teacher);
  await teacher.goto(`${path}?class=${classId}`);
  const teacherThread = teacher.getByRole("region", { name: "Discussion" }).getByRole("article", { name: title });
  await teacherThread
    .getByRole("article", { name: "Post by Cara Opens" })
    .getByRole("button", { name: "Hide from the class" })
    .click();
  const note = teacherThread.getByRole("note", { name: "What students see" });
  await expect(note).toHaveText(
    "Students see this thread as “Hidden post”: “This post was hidden by the instructor.” in place of the opening post, then the replies that are not hidden.",
  );
  // Dev's reply is one students see, and it says so by offering to hide it.
  await expect(
    teacherThread
      .getByRole("article", { name: "Post by Dev Answers" })
      .getByRole("button", { name: "Hide from the class" }),
  ).toBeVisible();
  await expectNoAxeViolations(teacher);

  // Eve, who wrote neither post, sees exactly that.
  await eve.goto(path);
  const eveDiscussion = eve.getByRole("region", { name: "Discussion" });
  const eveThread = eveDiscussion.getByRole("article", { name: "Hidden post" });
  await expect(eveThread).toBeVisible();
  await expect(eveThread.getByText("This post was hidden by the instructor.", { exact: true })).toBeVisible();
  await expect(eveThread.getByRole("article", { name: "Post by Dev Answers" })).toContainText(
    "A fair reply about the passage.",
  );
  await expect(eveDiscussion).not.toContainText("Words the instructor will not want");
  await expect(eveDiscussion).not.toContainText(title);
  await expect(eveDiscussion).not.toContainText("Cara Opens");
  await expectNoAxeViolations(eve);

  // Hiding the last reply students could read: the view says the thread is gone for them, and it is.
  await teacherThread
    .getByRole("article", { name: "Post by Dev Answers" })
    .getByRole("button", { name: "Hide from the class" })
    .click();
  await expect(note).toHaveText(
    "Students do not see this thread: its opening post is hidden and no reply they can read is left.",
  );
  await eve.reload();
  await expect(eveDiscussion.getByText("With Demo class")).toBeVisible();
  await expect(eveDiscussion.getByRole("article", { name: "Hidden post" })).toHaveCount(0);
  await expect(eveDiscussion).not.toContainText("A fair reply about the passage.");
  // Cara still sees her own post, marked hidden.
  await cara.reload();
  await expect(caraDiscussion.getByRole("article", { name: title })).toContainText("Hidden by the instructor");
});
