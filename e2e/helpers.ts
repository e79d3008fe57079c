import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { parse as parseYaml } from "yaml";

export const lessonSlug = "tajikistan-islamic-state";
export const lessonTitle = "How the US May be Egging On the Growth of the Islamic State in Central Asia";
// Counted from the lesson's file, so that editing the lesson does not mean editing the journeys.
const lessonQuestions = (
  parseYaml(fs.readFileSync(path.resolve("content", "lessons", lessonSlug, "questions.yaml"), "utf8")) as {
    questions: { type: string }[];
  }
).questions;
/** A passage's sentences in reading order, from the lesson's file. */
export function passageSentences(passageId: string): { id: string; text: string }[] {
  const article = parseYaml(
    fs.readFileSync(path.resolve("content", "lessons", lessonSlug, "article.yaml"), "utf8"),
  ) as { passages: { id: string; paragraphs: { sentences: { id: string; text: string }[] }[] }[] };
  const passage = article.passages.find((p) => p.id === passageId);
  if (!passage) throw new Error(`No passage ${passageId} in the lesson's file`);
  return passage.paragraphs.flatMap((p) => p.sentences);
}
export const questionCount = lessonQuestions.length;
export const openResponseCount = lessonQuestions.filter((q) => q.type === "open_response").length;

/** Fails with the list of violations when axe finds any WCAG 2.2 A/AA problem on the page. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const DEMO_PASSWORD = "marginalia-demo";

/**
 * How long a sign-in or sign-up may take to show the signed-in page. Password hashing (scrypt,
 * at most two at once, the rest queued) takes about a second of a core each: on a busy machine,
 * with other journeys signing in beside this one, the queue alone can pass 5 s.
 */
export const SIGN_IN_BUDGET_MS = 45_000;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: SIGN_IN_BUDGET_MS });
  // The header knows before the form has moved on: wait for the page it goes to, so no navigation is left in flight.
  await page.waitForURL((url) => url.pathname !== "/signin", { timeout: SIGN_IN_BUDGET_MS });
}

let counter = 0;
/** A fresh student account through the sign-up form; returns its email. */
export async function signUpStudent(page: Page, name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}.${counter++}@example.org`;
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("a good long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: SIGN_IN_BUDGET_MS });
  return email;
}

/** The join code shown on an instructor's class page. */
export async function readJoinCode(page: Page): Promise<string> {
  const code = (await page.getByRole("status", { name: "Join code", exact: true }).textContent())?.trim();
  expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
  return code!;
}

/** A fresh student who has joined the demo class (the code read from the instructor's page). */
export async function studentInDemoClass(browser: import("@playwright/test").Browser, name: string): Promise<Page> {
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByRole("link", { name: "Demo class" }).click();
  const code = await readJoinCode(teacher);
  await teacher.context().close();

  const student = await (await browser.newContext()).newPage();
  await signUpStudent(student, name);
  await student.goto(`/join?code=${code}`);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: "You have joined Demo class." })).toBeVisible();
  return student;
}

/** Selects `words` inside sentence `sentenceId` of the passage, as a mouse drag would (across a glossary term too). */
export async function selectWords(page: Page, sentenceId: string, words: string) {
  await page.locator(`#s-${sentenceId}`).evaluate((sentence, wanted) => {
    const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; at: number }[] = [];
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest("[data-not-text]")) continue;
      nodes.push({ node: node as Text, at: text.length });
      text += (node as Text).data;
    }
    const start = text.indexOf(wanted);
    if (start < 0) throw new Error(`"${wanted}" is not in the sentence`);
    const end = start + wanted.length;
    const place = (offset: number, isEnd: boolean) => {
      const n = nodes.findLast((x) => (isEnd ? x.at < offset : x.at <= offset))!;
      return [n.node, offset - n.at] as const;
    };
    const range = document.createRange();
    range.setStart(...place(start, false));
    range.setEnd(...place(end, true));
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, words);
}
