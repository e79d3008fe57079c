import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { lessonSlug, signUpStudent, studentInDemoClass } from "./helpers";

/**
 * The findings of the outside scan (cross-site posts, undecodable paths, control characters),
 * each tried the way the scanner did. Foreign-origin server actions are in bad-input-actions.spec.ts.
 */

const manifest = () =>
  JSON.parse(fs.readFileSync(path.join(".next", "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
/**
 * Every route handler of the build but next-auth's (which checks its own CSRF token) and the LMS's
 * (/api/lti/*: an LMS posts forms to them from its own site by design; they act on a platform's
 * signature or a one-time token, never on the session cookie, and e2e/lti.spec.ts tries them cross-site).
 */
const routeHandlers = () =>
  Object.entries(manifest())
    .filter(([file]) => file.endsWith("/route"))
    .map(([, route]) => route)
    .filter((r) => r.startsWith("/api/") && !r.startsWith("/api/auth/") && !r.startsWith("/api/lti/"));
const pageRoutes = () =>
  Object.entries(manifest())
    .filter(([file]) => file.endsWith("/page"))
    .map(([, route]) => route);

/** Another port of the same host: the same site, so SameSite=Lax still sends the session cookie. */
const otherPort = Number(process.env.E2E_PORT ?? 3100) + 50;
const foreignOrigin = `http://127.0.0.1:${otherPort}`;

test("state-changing route handlers refuse text/plain bodies and foreign origins, read from the build's route list", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(360_000);
  const student = await studentInDemoClass(browser, "Route Prober");
  const failures: string[] = [];
  let refusedByHandlers = 0;
  const routes = routeHandlers();
  expect(routes.length).toBeGreaterThan(10);
  for (const route of routes) {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const tries: [string, Record<string, string>, number][] = [
        [
          "the cross-site form (text/plain, foreign Origin)",
          { "Content-Type": "text/plain", Origin: foreignOrigin, "Sec-Fetch-Site": "same-site" },
          403,
        ],
        ["JSON from a foreign Origin", { "Content-Type": "application/json", Origin: foreignOrigin }, 403],
        [
          "JSON with Sec-Fetch-Site: same-site",
          { "Content-Type": "application/json", "Sec-Fetch-Site": "same-site" },
          403,
        ],
        ["text/plain from the app's own origin", { "Content-Type": "text/plain", Origin: baseURL! }, 415],
        [
          "a form body from the app's own origin",
          { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL! },
          415,
        ],
      ];
      for (const [label, headers, expected] of tries) {
        const res = await student.request.fetch(route, { method, headers, data: '{"lessonSlug":"x","body":"CSRF"}' });
        // 405: the route has no handler for this method.
        if (res.status() === 405) continue;
        if (res.status() !== expected) failures.push(`${method} ${route} with ${label}: ${res.status()}`);
        else if (!(await res.json()).message) failures.push(`${method} ${route} with ${label}: no message`);
        else refusedByHandlers++;
      }
    }
  }
  expect(failures).toEqual([]);
  // 16 state-changing handlers × 5 kinds: the checks ran on handlers, not only on 405s.
  expect(refusedByHandlers).toBeGreaterThanOrEqual(16 * 5);
});

test("a form served from another port of the same host cannot post a reply as the signed-in student", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const student = await studentInDemoClass(browser, "Cross Site Target");
  const discussionUrl = `/api/discussion?lesson=${lessonSlug}&passage=the-warning`;
  const { classId } = (await (await student.request.get(discussionUrl)).json()) as { classId: string };
  const started = await student.request.post("/api/discussion/threads", {
    data: { lessonSlug, passageKey: "the-warning", classId, title: "My own thread", body: "My opening post" },
  });
  expect(started.status()).toBe(200);
  const threadId = ((await started.json()) as { threads: { id: string; title: string }[] }).threads.find(
    (t) => t.title === "My own thread",
  )!.id;

  // The scanner's page: a text/plain form whose one field makes a JSON body, posted on load.
  const attack = `<!doctype html><title>Win a prize</title>
<form id="f" enctype="text/plain" method="POST" action="${baseURL}/api/discussion/replies">
<input name='{"threadId":"${threadId}","body":"CSRF reply' value='"}'></form>
<script>document.getElementById("f").submit()</script>`;
  const evil = http.createServer((_, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(attack));
  await new Promise<void>((resolve) => evil.listen(otherPort, "127.0.0.1", resolve));
  try {
    const posted = student.waitForResponse((r) => r.url() === `${baseURL}/api/discussion/replies`);
    await student.goto(`${foreignOrigin}/`);
    const response = await posted;
    expect(response.status()).toBe(403);
    await expect(student.getByText(/came from another site/)).toBeVisible();
  } finally {
    evil.close();
  }
  const after = JSON.stringify(await (await student.request.get(discussionUrl)).json());
  expect(after).toContain("My opening post");
  expect(after).not.toContain("CSRF reply");

  // The app's own page still posts replies (same origin, JSON).
  await student.goto(`/lessons/${lessonSlug}/the-warning`);
  const thread = student.getByRole("article", { name: "My own thread" });
  await thread.getByRole("button", { name: "Reply" }).click();
  await thread.getByLabel("Your reply to “My own thread”").fill("A reply from the page itself");
  await thread.getByRole("button", { name: "Post reply" }).click();
  await expect(thread.getByText("A reply from the page itself")).toBeVisible();
});

const badSegments = ["%FF", "%FF%FE", "%c0%ae", "%E2%82", "abc%", "%zz"];

test("undecodable segments in every page route get the 404 page with the app's headers, never a bare 500", async ({
  request,
}) => {
  const failures: string[] = [];
  let tried = 0;
  for (const route of pageRoutes()) {
    const segments = route.split("/").filter(Boolean);
    // Each dynamic segment replaced, and a bad segment after the route (a static route has no other).
    const urls = badSegments.flatMap((bad) => [
      ...segments
        .map((s, i) =>
          s.startsWith("[")
            ? "/" + segments.map((t, j) => (j === i ? bad : t.startsWith("[") ? "x" : t)).join("/")
            : null,
        )
        .filter((u): u is string => u !== null),
      "/" + [...segments.map((t) => (t.startsWith("[") ? lessonSlug : t)), bad].join("/"),
    ]);
    for (const url of new Set(urls)) {
      const res = await request.get(url, { maxRedirects: 0 });
      tried++;
      const headers = res.headers();
      if (res.status() !== 404) failures.push(`${url}: ${res.status()}`);
      else if (!headers["content-security-policy"] || headers["x-frame-options"] !== "DENY")
        failures.push(`${url}: without the app's headers`);
      else if (!(await res.text()).includes("Page not found")) failures.push(`${url}: not the 404 page`);
    }
  }
  for (const api of ["/api/auth/%FF", "/api/discussion/%c0%ae", "/api/answers%E2%82"]) {
    const res = await request.get(api);
    tried++;
    if (res.status() !== 400 || !(await res.json()).message) failures.push(`${api}: ${res.status()}`);
  }
  expect(failures).toEqual([]);
  expect(tried).toBeGreaterThan(100);
});

test("the 404 page for an undecodable address works in the browser under its policy", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  const response = await page.goto("/lessons/%FF%FE/%FF%FE");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page
    .getByRole("link", { name: /lessons/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/lessons$/);
  expect(problems).toEqual([]);
});

test("control characters typed or pasted into an answer are refused with a message, and the text stays", async ({
  page,
}) => {
  await signUpStudent(page, "Control Characters");
  await page.goto(`/lessons/${lessonSlug}/a-colonel-defects`);
  const box = page.getByLabel(/Khalimov receive counterterrorism training/);
  const card = page.getByRole("listitem").filter({ has: box });
  await box.fill("the US\u001b[31m\u0000");
  await expect(card.getByText(/cannot be saved \(control characters/)).toBeVisible();
  await expect(box).toHaveValue("the US\u001b[31m\u0000");
  // Removing them saves.
  await box.fill("the US");
  await expect(card.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  // And through the route, as the scanner sent it: 422 with the field's message, nothing stored.
  const res = await page.request.put("/api/answers", {
    data: {
      lessonSlug,
      questionKey: "khalimov-training-country",
      contextKey: "self",
      response: { type: "short_answer", text: "US\u000b\u001b" },
    },
  });
  expect(res.status()).toBe(422);
  expect(((await res.json()) as { errors: Record<string, string[]> }).errors.response?.[0]).toMatch(
    /control characters/,
  );
});
