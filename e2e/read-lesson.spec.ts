import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, lessonSlug, lessonTitle, questionCount, signIn } from "./helpers";

test("a reader finds the lesson and its overview: source, age notice, objectives, passages, voices", async ({
  page,
}) => {
  await page.goto("/lessons");
  await expect(page.getByRole("heading", { level: 1, name: "Lessons" })).toBeVisible();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: lessonTitle }) });
  await expect(card).toContainText("10 passages");
  await expect(card).toContainText(`${questionCount} questions`);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: lessonTitle }).click();

  await expect(page.getByRole("heading", { level: 1, name: lessonTitle })).toBeVisible();
  const source = page.getByRole("region", { name: "Source" });
  await expect(source).toContainText("VICE News");
  await expect(source).toContainText("John Dyer");
  const notice = page.getByRole("region", { name: "This story is over 5 years old." });
  await expect(notice).toContainText("Before you rely on it, check:");
  await expect(notice.getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "What you will learn" })).toBeVisible();
  await expect(page.getByText(/about \d+ minutes to read/)).toBeVisible();
  const passages = page.getByRole("list", { name: "Passages" }).getByRole("listitem");
  await expect(passages).toHaveCount(10);

  const voices = page.getByRole("region", { name: "Who says what" });
  const swerdlow = voices.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Steve Swerdlow" }) });
  await expect(swerdlow).toContainText("Human Rights Watch");
  await expect(swerdlow).toContainText("Stake:");
  await expectNoAxeViolations(page);
});

test("a reader walks every passage with next and previous, and meets every question type", async ({ page }) => {
  test.setTimeout(180_000); // an axe scan on each of the passages
  await page.goto(`/lessons/${lessonSlug}`);
  const titles = await page.getByRole("list", { name: "Passages" }).getByRole("link").allTextContents();
  expect(titles.length).toBeGreaterThanOrEqual(8);
  await page.getByRole("link", { name: /^Start reading/ }).click();

  const typesSeen = new Set<string>();
  for (const [i, title] of titles.entries()) {
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(`Passage ${i + 1} of ${titles.length}`)).toBeVisible();
    await expect(page.getByRole("progressbar", { name: `Passage ${i + 1} of ${titles.length}` })).toHaveAttribute(
      "value",
      String(i + 1),
    );
    const questions = page
      .getByRole("region", { name: /^Questions/ })
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: /^Question \d+/ }) });
    expect(await questions.count()).toBeGreaterThanOrEqual(2);
    for (const heading of await page.getByRole("heading", { level: 3, name: /^Question \d+/ }).allTextContents()) {
      for (const type of ["Single choice", "Multiple select", "Short answer", "Evidence", "Open response"])
        if (heading.includes(type)) typesSeen.add(type);
    }
    await expectNoAxeViolations(page);
    if (i < titles.length - 1) await page.getByRole("link", { name: /^Next passage/ }).click();
  }
  expect([...typesSeen].sort()).toEqual([
    "Evidence",
    "Multiple select",
    "Open response",
    "Short answer",
    "Single choice",
  ]);
  await expect(page.getByRole("link", { name: /Finished reading/ })).toBeVisible();

  for (let i = titles.length - 2; i >= 0; i--) {
    await page.getByRole("link", { name: /^Previous passage/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: titles[i] })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: /Lesson overview/ })).toBeVisible();
});

test("a reader without an account sees the questions and options, is asked to sign in to answer, and never gets the key", async ({
  page,
}) => {
  await page.goto(`/lessons/${lessonSlug}/a-colonel-defects`);
  const options = page.getByRole("radio");
  expect(await options.count()).toBeGreaterThanOrEqual(2);
  await expect(options.first()).toBeDisabled();
  await expect(page.getByText(/to answer\. Answers save as you type\./)).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain("explanation");
  expect(html).not.toContain("acceptedAnswers");
  expect(html).not.toContain('"correct"');
});

test("a glossary definition opens with the keyboard and closes with Escape", async ({ page }) => {
  await page.goto(`/lessons/${lessonSlug}/the-warning`);
  await page.getByRole("heading", { level: 1 }).click();
  // Tab through the page until a glossary term has focus.
  let found = false;
  for (let i = 0; i < 30 && !found; i++) {
    await page.keyboard.press("Tab");
    found = await page.evaluate(
      () =>
        document.activeElement?.getAttribute("aria-describedby")?.length !== undefined &&
        document.activeElement?.tagName === "BUTTON",
    );
  }
  expect(found, "a glossary term is reachable with Tab").toBe(true);
  const term = page.locator(":focus");
  const tooltip = page.locator(`[id="${await term.getAttribute("aria-describedby")}"]`);
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toHaveRole("tooltip");
  await page.keyboard.press("Enter");
  await expect(term).toHaveAttribute("aria-expanded", "true");
  await expect(tooltip).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(tooltip).toBeHidden();
  await expect(term).toBeFocused();
});

test("Rahmon's glossary entry explains who he is on hover", async ({ page }) => {
  await page.goto(`/lessons/${lessonSlug}/the-warning`);
  const term = page.getByRole("button", { name: "Emomali Rahmon" });
  await term.hover();
  await expect(page.getByRole("tooltip").filter({ hasText: "president" })).toBeVisible();
});

test("a reader highlights whose words they are reading, by voice", async ({ page }) => {
  await page.goto(`/lessons/${lessonSlug}/repression-backfires`);
  const toggle = page
    .getByRole("group", { name: "Highlight who speaks:" })
    .getByRole("button", { name: /Steve Swerdlow/ });
  const label = page.getByText(/^Steve Swerdlow, quoted directly:$/).first();
  await expect(label).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(label).toBeVisible();
  await toggle.click();
  await expect(label).toBeHidden();
  // The outlet's own framing is a voice too ("draconian" is its word); Rahmon is spoken about, never speaking.
  const toggles = page.getByRole("group", { name: "Highlight who speaks:" });
  await toggles.getByRole("button", { name: /^VICE News/ }).click();
  await expect(page.getByText(/^VICE News \(the reporter, John Dyer\), in the outlet's own words:$/)).toBeVisible();
  await expect(toggles.getByRole("button", { name: /Emomali Rahmon/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a sentence link in 'Who says what' opens the passage with that voice highlighted", async ({ page }) => {
  await page.goto(`/lessons/${lessonSlug}`);
  const lemon = page
    .getByRole("region", { name: "Who says what" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Edward Lemon" }) });
  await lemon.getByText(/^Where they speak/).click();
  const link = lemon.getByRole("link").first();
  const href = await link.getAttribute("href");
  await link.click();
  await expect(page).toHaveURL(/voice=edward-lemon#s-/);
  const sentence = page.locator(`[id="${href!.split("#")[1]}"]`);
  await expect(sentence.getByText(/^Edward Lemon, /)).toBeVisible();
  const toggle = page
    .getByRole("group", { name: "Highlight who speaks:" })
    .getByRole("button", { name: /Edward Lemon/ });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
});

test("an unknown lesson or passage is a clear 404", async ({ page }) => {
  const response = await page.goto(`/lessons/${lessonSlug}/no-such-passage`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "See all lessons" })).toBeVisible();
});

test("the home page leads to the lessons", async ({ page }) => {
  await page.goto("/");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Browse the lessons" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lessons" })).toBeVisible();
});

test("a signed-in student's passage page makes one per-user request on load and prefetches only the next passage", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "student2@demo.test");
  // Leave the page signing in led to, so nothing it still asks for (its push and refresh) is counted as this view's.
  await page.goto("about:blank");
  // Every same-origin request but the build's static files: the document, data, and prefetches of other pages.
  const requests: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin !== new URL(baseURL!).origin || url.pathname.startsWith("/_next/static/")) return;
    if (/\.(?:svg|ico|png|css|js|woff2?)$/.test(url.pathname)) return;
    requests.push(`${url.pathname}${url.searchParams.has("_rsc") || r.headers().rsc ? " (RSC)" : ""}`);
  });
  const here = `/lessons/${lessonSlug}/the-warning`;
  await page.goto(here);
  await expect(page.getByText(new RegExp(`\\d+ of ${questionCount} questions in this lesson answered`))).toBeVisible();
  await expect(page.getByRole("link", { name: /^Account: / })).toBeVisible();
  await expect(page.getByRole("region", { name: "Discussion" }).getByText("With Demo class")).toBeVisible();
  await page.waitForLoadState("networkidle");
  const next = await page.getByRole("navigation", { name: "Passages" }).locator('a[rel="next"]').getAttribute("href");
  expect(next).toMatch(new RegExp(`^/lessons/${lessonSlug}/`));
  expect(requests).toContain(here);
  const rest = requests.filter((r) => r !== here);
  expect(rest.filter((r) => r.startsWith("/api/"))).toEqual(["/api/workspace"]);
  // Anything else is the next passage's prerendered payload, the same for every reader.
  expect(rest.filter((r) => !r.startsWith("/api/") && !r.startsWith(next!))).toEqual([]);
});
