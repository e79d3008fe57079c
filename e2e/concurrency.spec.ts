import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, lessonSlug, studentInDemoClass } from "./helpers";
import { signInAll } from "../scripts/lib/http-session";
import { attemptsOf, classSubmissions, e2eDatabase } from "../db/testing/inspection";
import {
  actionStateOf,
  captureSubmitLesson,
  contextWithCookie,
  replayAction,
} from "../scripts/lib/server-action-replay";

const database = e2eDatabase();

test("100 simultaneous submissions of one lesson by one student record one submission; every one answers with success", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const page = await studentInDemoClass(browser, "Hundred Clicks");
  const submit = await captureSubmitLesson(page, lessonSlug);

  const started = Date.now();
  const replies = await Promise.all(
    Array.from({ length: 100 }, async () => {
      // page.request carries this student's cookies.
      const res = await page.request.post(submit.url, { headers: submit.headers, data: submit.body });
      const body = await res.text();
      return { status: res.status(), body, state: actionStateOf(body) };
    }),
  );
  console.log(`100 submissions by one student answered in ${Date.now() - started} ms`);

  expect(replies.map((r) => r.status)).toEqual(Array(100).fill(200));
  expect(replies.filter((r) => r.state?.status !== "success").map((r) => r.state ?? r.body.slice(0, 200))).toEqual([]);
  const messages = replies.map((r) => r.state!.message ?? "");
  // Exactly one claimed the attempt; the other 99 found it submitted.
  expect(messages.filter((m) => m.startsWith("Submitted."))).toHaveLength(1);
  expect(messages.filter((m) => m.startsWith("This lesson was already submitted."))).toHaveLength(99);

  const recorded = await attemptsOf(database, "Hundred Clicks", lessonSlug);
  expect(recorded).toHaveLength(1);
  expect(recorded[0]!.submittedAt).not.toBeNull();

  // The student's summary shows it submitted, with nothing left to submit.
  await page.reload();
  await expect(page.getByText(/^Submitted .*auto-graded points/)).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Submit lesson" })).toHaveCount(0);
});

test("200 students of one class submitting at the same moment all succeed, and the class has 200 submissions", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(480_000); // 200 sign-ins hash 200 passwords, two at a time, on two shared CPUs
  const emails = Array.from({ length: 200 }, (_, i) => `crowd-student${i + 1}@crowd.test`);
  const signInStarted = Date.now();
  const cookies = await signInAll(baseURL!, emails, DEMO_PASSWORD);

  // The class's submit request, captured from one of them in the browser.
  const context = await contextWithCookie(browser, baseURL!, cookies[0]!);
  const submit = await captureSubmitLesson(await context.newPage(), lessonSlug);
  await context.close();

  const started = Date.now();
  const replies = await Promise.all(cookies.map((cookie) => replayAction(submit, cookie)));
  console.log(
    `200 students signed in in ${started - signInStarted} ms; their submissions answered in ${Date.now() - started} ms`,
  );

  expect(replies.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body.slice(0, 200)}`)).toEqual([]);
  expect(replies.filter((r) => /SQLITE_BUSY|database is locked/i.test(r.body)).length).toBe(0);
  expect(replies.filter((r) => r.state?.status !== "success").map((r) => r.state ?? r.body.slice(0, 200))).toEqual([]);
  expect(replies.filter((r) => r.state!.message?.startsWith("Submitted.")).length).toBe(200);

  const counts = await classSubmissions(database, "Crowd class 1");
  expect(counts).toEqual({ students: 200, submitted: 200 });
});
