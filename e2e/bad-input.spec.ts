import { expect, test, type APIRequestContext } from "@playwright/test";
import { lessonSlug, studentInDemoClass } from "./helpers";

/**
 * Every JSON route handler, sent malformed and hostile input by a signed-in student: each answer
 * is a 4xx with a message (never a 500), and nothing the student can see afterwards has changed.
 */
type Route = { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string; valid: Record<string, unknown> };

const foreignId = "00000000-0000-4000-8000-000000000000";
const routes: Route[] = [
  {
    method: "PUT",
    path: "/api/answers",
    valid: {
      lessonSlug,
      questionKey: "khalimov-training-country",
      contextKey: "self",
      response: { type: "short_answer", text: "US" },
    },
  },
  {
    method: "POST",
    path: "/api/answers/check",
    valid: { lessonSlug, questionKey: "khalimov-training-country", response: { type: "short_answer", text: "US" } },
  },
  {
    method: "PUT",
    path: "/api/feedback",
    valid: { classId: foreignId, answerId: foreignId, rubricLevels: {}, comment: "x" },
  },
  { method: "POST", path: "/api/feedback/return", valid: { classId: foreignId, answerIds: [foreignId] } },
  { method: "POST", path: "/api/feedback/return-all", valid: { classId: foreignId } },
  { method: "POST", path: "/api/feedback/undo-return", valid: { classId: foreignId, answerId: foreignId } },
  { method: "POST", path: "/api/feedback/read", valid: { feedbackIds: [foreignId] } },
  { method: "POST", path: "/api/saved-comments", valid: { lessonSlug, questionKey: null, text: "x" } },
  { method: "PATCH", path: "/api/saved-comments", valid: { id: foreignId, text: "x" } },
  { method: "DELETE", path: "/api/saved-comments", valid: { id: foreignId } },
  {
    method: "POST",
    path: "/api/discussion/threads",
    valid: { lessonSlug, passageKey: "the-warning", classId: foreignId, title: "t", body: "b" },
  },
  { method: "POST", path: "/api/discussion/replies", valid: { threadId: foreignId, body: "b" } },
  { method: "PATCH", path: "/api/discussion/posts", valid: { postId: foreignId, body: "b" } },
  { method: "DELETE", path: "/api/discussion/posts", valid: { postId: foreignId } },
  { method: "POST", path: "/api/discussion/moderation", valid: { action: "pin", threadId: foreignId } },
  { method: "POST", path: "/api/discussion/reports", valid: { postId: foreignId, reason: "r" } },
  { method: "PUT", path: "/api/notebook", valid: { lessonSlug, passageKey: "no-such-passage", body: "x" } },
  {
    method: "POST",
    path: "/api/marks",
    valid: { lessonSlug, passageKey: "no-such-passage", textVersion: "x", start: 0, end: 5, tag: "claim", note: "n" },
  },
  { method: "PATCH", path: "/api/marks", valid: { id: foreignId, tag: "claim", note: "n" } },
  { method: "DELETE", path: "/api/marks", valid: { id: foreignId } },
  // Every variant is refused: a forged extra field too, as the schema is strict.
  {
    method: "PUT",
    path: "/api/account/reading-preferences",
    valid: { size: "large", spacing: "relaxed", font: "legible" },
  },
];
const queryRoutes = [
  "/api/workspace",
  "/api/discussion",
  "/api/discussion/activity",
  "/api/saved-comments",
  "/api/marks/export",
  "/api/question-bank",
];

const huge = "x".repeat(1_000_000);
const hostileValues: [string, unknown][] = [
  ["a number", 42],
  ["a negative number", -1],
  ["a huge number", 1e308],
  ["null", null],
  ["an object", { $ne: null }],
  ["an array", ["a", "b"]],
  ["a huge string", huge],
  ["a null byte", "a\u0000b"],
  ["SQL", "' OR 1=1; DROP TABLE users; --"],
  ["HTML", "<script>alert(1)</script><img src=x onerror=alert(2)>"],
];

/** Each field of the valid body replaced by each hostile value, plus whole-body mischief. */
function hostileBodies(valid: Record<string, unknown>): [string, string | Buffer][] {
  const bodies: [string, string | Buffer][] = [
    ["not JSON", "{not json"],
    ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ["JSON null", "null"],
    ["a JSON array", "[]"],
    ["an empty object", "{}"],
    ["a forged role", JSON.stringify({ ...valid, role: "instructor", userId: foreignId })],
  ];
  for (const field of Object.keys(valid)) {
    const { [field]: _, ...missing } = valid;
    bodies.push([`without ${field}`, JSON.stringify(missing)]);
    for (const [label, value] of hostileValues)
      bodies.push([`${field} as ${label}`, JSON.stringify({ ...valid, [field]: value })]);
  }
  return bodies;
}

async function snapshot(request: APIRequestContext) {
  const workspace = await (await request.get(`/api/workspace?lesson=${lessonSlug}&passage=the-warning`)).json();
  return {
    answers: workspace.answers,
    answeredCount: workspace.answeredCount,
    threads: workspace.discussion?.threads?.length,
    viewer: workspace.viewer,
  };
}

test("hostile input to every route handler gets a 4xx with a message, never a 500, and changes nothing", async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const student = await studentInDemoClass(browser, "Hostile Input");
  const request = student.request;
  const before = await snapshot(request);
  let tried = 0;
  const failures: string[] = [];

  for (const route of routes) {
    for (const [label, body] of hostileBodies(route.valid)) {
      const res = await request.fetch(route.path, {
        method: route.method,
        data: body,
        headers: { "Content-Type": "application/json" },
      });
      tried++;
      const status = res.status();
      const text = await res.text();
      if (status < 400 || status >= 500) failures.push(`${route.method} ${route.path} with ${label}: ${status}`);
      else if (!/"message"/.test(text)) failures.push(`${route.method} ${route.path} with ${label}: no message`);
      if (/at \w+ \(|SQLITE|sqlite3/i.test(text))
        failures.push(`${route.method} ${route.path} with ${label}: leaks internals`);
    }
  }
  for (const path of queryRoutes) {
    for (const [label, value] of [
      ...hostileValues.filter(([, v]) => typeof v === "string"),
      ["an unknown parameter", "x"],
    ] as [string, string][]) {
      const param = label === "an unknown parameter" ? "role" : "lesson";
      const res = await request.get(`${path}?${new URLSearchParams({ [param]: value.slice(0, 5000) })}`);
      tried++;
      if (res.status() < 400 || res.status() >= 500) failures.push(`GET ${path} with ${label}: ${res.status()}`);
    }
  }

  expect(failures, `${failures.length} of ${tried} hostile requests were not refused cleanly`).toEqual([]);
  expect(tried).toBeGreaterThan(500);
  expect(await snapshot(request)).toEqual(before);
});
