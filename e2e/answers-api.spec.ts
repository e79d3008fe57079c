import { expect, test } from "@playwright/test";
import { lessonSlug, signUpStudent } from "./helpers";

const valid = { lessonSlug, questionKey: "khalimov-training-country", contextKey: "self" };

test("the autosave endpoint refuses bad input with a clear message and a 4xx, and accepts a good save", async ({
  page,
  playwright,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const signedOut = await anonymous.put("/api/answers", {
    data: { ...valid, response: { type: "short_answer", text: "US" } },
  });
  expect(signedOut.status()).toBe(401);
  expect((await signedOut.json()).message).toMatch(/Sign in again/);

  await signUpStudent(page, "Api Caller");
  const put = (data: unknown) => page.request.put("/api/answers", { data: data as object });
  const question = await page.request.get(`/api/workspace?lesson=${lessonSlug}`);
  expect(question.status()).toBe(200);

  const malformed = await page.request.put("/api/answers", {
    data: "{not json",
    headers: { "Content-Type": "application/json" },
  });
  expect(malformed.status()).toBe(400);

  const cases: [string, unknown, number, RegExp][] = [
    ["a forged field", { ...valid, response: { type: "short_answer", text: "US" }, role: "instructor" }, 400, /./],
    [
      "a lesson slug that is not a string",
      { ...valid, lessonSlug: 42, response: { type: "short_answer", text: "US" } },
      400,
      /./,
    ],
    [
      "a question of no lesson of ours",
      { ...valid, questionKey: "no-such-question", response: { type: "short_answer", text: "US" } },
      404,
      /not part of this lesson/,
    ],
    [
      "a class the learner is not in",
      { ...valid, contextKey: "00000000-0000-0000-0000-000000000000", response: { type: "short_answer", text: "US" } },
      403,
      /no longer in the class/,
    ],
    [
      "a text over the limit",
      { ...valid, response: { type: "short_answer", text: "x".repeat(500) } },
      422,
      /Keep the answer to/,
    ],
    ["an answer of the wrong type", { ...valid, response: { type: "single_choice", optionId: "a" } }, 422, /./],
  ];
  for (const [label, data, status, message] of cases) {
    const res = await put(data);
    expect(res.status(), label).toBe(status);
    expect((await res.json()).message, label).toMatch(message);
  }
  const ok = await put({ ...valid, response: { type: "short_answer", text: "the US" } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).revision).toBe(1);
});
