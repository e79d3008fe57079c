import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { lessonSlug, signIn } from "./helpers";
import { startOwnServer } from "./own-server";
import { postCredentials } from "../scripts/lib/http-session";

/**
 * Every page of the build, loaded in Chromium with its Content-Security-Policy enforced: the policy
 * is strict (no inline or eval scripts, no plugins, no framing, no <base> hijack) and the app still
 * works under it: no violation, no script error, no hydration error, and React did hydrate.
 */

type Visit = { route: string; url: string; as: "visitor" | "student" | "instructor" };

function checkPolicy(url: string, headers: Record<string, string>) {
  const policy = headers["content-security-policy"];
  expect(policy, `${url} has a Content-Security-Policy`).toBeTruthy();
  const directives = new Map(
    policy!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
  const scripts = directives.get("script-src") ?? [];
  expect(scripts.length, `${url}: script-src is set`).toBeGreaterThan(0);
  expect(scripts, `${url}: no inline scripts`).not.toContain("'unsafe-inline'");
  expect(scripts, `${url}: no eval`).not.toContain("'unsafe-eval'");
  expect(
    scripts.some((s) => s.startsWith("'nonce-") || s.startsWith("'sha256-")),
    `${url}: its inline scripts are named`,
  ).toBe(true);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'self'"]);
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
}

/** Loads `url` and returns every CSP violation, script error and console error the page produced. */
async function loadAndWatch(page: Page, url: string): Promise<string[]> {
  const problems: string[] = [];
  const onConsole = (m: import("@playwright/test").ConsoleMessage) => {
    // A failed request a page makes on purpose (a 404 it expects) is not a fault of the page; a visitor's per-user reads answer 200.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console: ${m.text()}`);
  };
  const onError = (e: Error) => problems.push(`pageerror: ${e.message}`);
  page.on("console", onConsole);
  page.on("pageerror", onError);
  const response = await page.goto(url);
  expect(response, url).toBeTruthy();
  checkPolicy(url, response!.headers());
  await page.waitForLoadState("networkidle");
  // React hydrated the page: it keeps its fiber on the DOM nodes it adopted. (On a busy machine the
  // scripts can still be running when the network is idle, so this waits for it.)
  await expect
    .poll(
      () => page.evaluate(() => Object.keys(document.querySelector("main")!).some((k) => k.startsWith("__reactFiber"))),
      { message: `${url} hydrated` },
    )
    .toBe(true);
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  page.off("console", onConsole);
  page.off("pageerror", onError);
  return [...problems, ...violations.map((v) => `violation: ${v}`)];
}

async function watchedPage(browser: Browser, as: Visit["as"]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  if (as === "student") await signIn(page, "student1@demo.test");
  if (as === "instructor") await signIn(page, "instructor@demo.test");
  return page;
}

test("every page carries a strict policy and works under it in Chromium", async ({ browser }) => {
  test.setTimeout(240_000);
  const instructor = await watchedPage(browser, "instructor");
  await instructor.goto("/classes");
  await instructor.getByRole("link", { name: "Demo class" }).click();
  await expect(instructor.getByRole("heading", { level: 1, name: "Demo class" })).toBeVisible();
  const classUrl = new URL(instructor.url()).pathname;
  await instructor.goto(`${classUrl}/gradebook`);
  const studentUrl = (await instructor.getByRole("rowheader").getByRole("link").first().getAttribute("href"))!;
  const passage = `/lessons/${lessonSlug}/the-warning`;

  const visits: Visit[] = [
    { route: "/", url: "/", as: "visitor" },
    { route: "/lessons", url: "/lessons", as: "visitor" },
    { route: "/lessons/[slug]", url: `/lessons/${lessonSlug}`, as: "visitor" },
    { route: "/lessons/[slug]/[passage]", url: passage, as: "visitor" },
    { route: "/signin", url: "/signin", as: "visitor" },
    { route: "/signup", url: "/signup", as: "visitor" },
    { route: "/_not-found", url: "/no/such/page", as: "visitor" },
    { route: "/lessons/[slug]/[passage]", url: passage, as: "student" },
    { route: "/lessons/[slug]/summary", url: `/lessons/${lessonSlug}/summary`, as: "student" },
    { route: "/feedback", url: "/feedback", as: "student" },
    { route: "/join", url: "/join", as: "student" },
    { route: "/classes", url: "/classes", as: "student" },
    { route: "/account", url: "/account", as: "student" },
    { route: "/classes", url: "/classes", as: "instructor" },
    { route: "/classes/[id]", url: classUrl, as: "instructor" },
    { route: "/classes/[id]/gradebook", url: `${classUrl}/gradebook`, as: "instructor" },
    { route: "/classes/[id]/insights", url: `${classUrl}/insights`, as: "instructor" },
    { route: "/classes/[id]/review", url: `${classUrl}/review`, as: "instructor" },
    { route: "/classes/[id]/review/student/[studentId]", url: studentUrl, as: "instructor" },
    {
      route: "/classes/[id]/share",
      url: `${classUrl}/share?lesson=${lessonSlug}&question=headline-claim-strength`,
      as: "instructor",
    },
    { route: "/lessons/[slug]/[passage]", url: `${passage}?class=${classUrl.split("/").pop()}`, as: "instructor" },
  ];

  // Every page route of this build is visited: a new page cannot slip in without a policy.
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "app-path-routes-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  const pageRoutes = Object.entries(manifest)
    .filter(([file]) => file.endsWith("/page"))
    .map(([, route]) => route);
  // The root layout's own error page cannot be reached while the layout works: its policy is read from the build.
  const unreachable = ["/_global-error"];
  expect(
    pageRoutes.filter((r) => !unreachable.includes(r) && !visits.some((v) => v.route === r)),
    "pages not visited",
  ).toEqual([]);
  const globalError = JSON.parse(fs.readFileSync(path.join(".next", "server", "app", "_global-error.meta"), "utf8"));
  checkPolicy("/_global-error", {
    ...globalError.headers,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  });

  const pages = {
    visitor: await watchedPage(browser, "visitor"),
    student: await watchedPage(browser, "student"),
    instructor,
  };
  const problems: string[] = [];
  for (const visit of visits) {
    for (const p of await loadAndWatch(pages[visit.as], visit.url)) problems.push(`${visit.as} ${visit.url}: ${p}`);
  }
  expect(problems).toEqual([]);
});

test("the policy is enforced: an injected script or inline event handler does not run", async ({ browser }) => {
  for (const url of ["/lessons", "/signin"]) {
    const page = await watchedPage(browser, "visitor");
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    // (page.evaluate itself runs outside the page's policy; what it adds to the page does not.)
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as { __script?: boolean; __handler?: boolean; __cspViolations: string[] };
      const script = document.createElement("script");
      script.textContent = "window.__script = true";
      document.body.append(script);
      const div = document.createElement("div");
      div.innerHTML = `<img src="data:," onerror="window.__handler = true" alt="">`;
      document.body.append(div);
      await new Promise((r) => setTimeout(r, 200));
      return {
        script: w.__script === true,
        handler: w.__handler === true,
        violations: w.__cspViolations.map((v) => v.split(" ")[0]),
      };
    });
    expect(outcome, url).toEqual({ script: false, handler: false, violations: ["script-src-elem", "script-src-attr"] });
  }
});

test("behind HTTPS the session cookie is Secure (and httpOnly, SameSite=Lax)", async () => {
  // next-auth marks its cookies Secure when NEXTAUTH_URL is https; here is a server told so.
  const server = await startOwnServer("https", { NEXTAUTH_URL: "https://marginalia.example" });
  try {
    const signedIn = await postCredentials(server.base, "student1@demo.test", "marginalia-demo");
    const session = signedIn.headers.getSetCookie().find((c) => c.includes("session-token="));
    expect(session, "a session cookie was set").toBeTruthy();
    expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
  } finally {
    await server.stop();
  }
});
