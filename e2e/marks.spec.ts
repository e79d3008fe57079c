import { expect, type Page, test } from "@playwright/test";
import {
  expectNoAxeViolations,
  lessonSlug,
  passageSentences,
  selectWords,
  signIn,
  signUpStudent,
  studentInDemoClass,
} from "./helpers";

const passage = "a-colonel-defects";
const sentences = passageSentences(passage);
const passagePath = `/lessons/${lessonSlug}/${passage}`;

/** The words the page paints with a tag's highlight (CSS Custom Highlight API). */
const highlighted = (page: Page, tag: string) =>
  page.evaluate(
    (name) => [...(CSS.highlights.get(name) ?? [])].map((r) => (r as Range).toString()).join(""),
    `mark-${tag}`,
  );

test("a student tags words in the passage, adds a note, reloads and finds both; changes, exports and deletes them", async ({
  page,
}) => {
  await signUpStudent(page, "Mark Maker");
  await page.goto(passagePath);
  const myMarks = page.getByRole("region", { name: /My marks/ });
  await expect(myMarks.getByText("Select words in the passage")).toBeVisible();

  const first = sentences[0]!;
  const words = first.text.split(" ").slice(1, 5).join(" ");
  await selectWords(page, first.id, words);
  const bar = page.getByRole("region", { name: "Mark the selected words" });
  await expect(bar).toContainText(`Mark “${words}” as:`);
  await expectNoAxeViolations(page);
  // A hurried double tap makes one mark, not two.
  await bar.getByRole("button", { name: "Opinion" }).dblclick();
  await expect(bar).toContainText("Marked as Opinion.");
  // Said to a screen reader too, and focus waits on the likely next step.
  await expect(page.getByRole("status").filter({ hasText: "Marked as Opinion." })).toBeAttached();
  await expect(bar.getByRole("button", { name: "Add a note" })).toBeFocused();
  await expect.poll(() => highlighted(page, "opinion")).toBe(words);
  // In the text: a badge with the tag's letter, named for a screen reader.
  const badge = page.getByRole("link", { name: `Opinion: “${words}”` });
  await expect(badge).toHaveText("O");

  await bar.getByRole("button", { name: "Add a note" }).click();
  const note = myMarks.getByRole("textbox", { name: /Note/ });
  await expect(note).toBeFocused();
  await note.fill("Is this the reporter's view or the colonel's?");
  await note.blur();
  await expect(myMarks.getByText("Note saved.")).toBeVisible();

  await page.reload();
  await expect(myMarks.getByRole("listitem")).toHaveCount(1);
  await expect(myMarks.getByRole("listitem")).toContainText(`Opinion ${words}`);
  await expect(myMarks.getByRole("textbox", { name: /Note/ })).toHaveValue(
    "Is this the reporter's view or the colonel's?",
  );
  await expect.poll(() => highlighted(page, "opinion")).toBe(words);

  // Retagged from the list; "Show in text" leads to the mark's badge.
  await myMarks.getByRole("combobox", { name: "Tag" }).selectOption("Evidence");
  await expect.poll(() => highlighted(page, "evidence")).toBe(words);
  await expect.poll(() => highlighted(page, "opinion")).toBe("");
  await myMarks.getByRole("button", { name: "Show in text" }).click();
  await expect(page.getByRole("link", { name: /^Evidence, with a note:/ })).toBeFocused();

  // With the keyboard alone: a whole sentence, marked from the list.
  await myMarks.getByText("Mark a whole sentence").click();
  await myMarks.getByRole("combobox", { name: "Sentence" }).selectOption({ index: 2 });
  await myMarks.getByRole("combobox", { name: "Tag", exact: true }).last().selectOption("Question");
  await myMarks.getByRole("button", { name: "Mark the sentence" }).click();
  await expect(myMarks.getByRole("listitem")).toHaveCount(2);
  await expect.poll(() => highlighted(page, "question")).toBe(sentences[1]!.text);
  await expectNoAxeViolations(page);

  // Downloads: plain text and Web Annotation JSON-LD, with the note.
  const [text] = await Promise.all([
    page.waitForEvent("download"),
    myMarks.getByRole("link", { name: "plain text" }).click(),
  ]);
  const plain = await (await text.createReadStream()).toArray();
  const plainText = Buffer.concat(plain).toString("utf8");
  expect(plainText).toContain(`Evidence: “${words}”`);
  expect(plainText).toContain("Is this the reporter's view or the colonel's?");
  const jsonld = await page.request.get(`/api/marks/export?lesson=${lessonSlug}&format=jsonld`);
  expect(jsonld.headers()["content-type"]).toContain("application/ld+json");
  const collection = await jsonld.json();
  expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
  expect(collection.total).toBe(2);
  const selectors = collection.first.items[0].target.selector;
  expect(selectors.map((s: { type: string }) => s.type).sort()).toEqual(["TextPositionSelector", "TextQuoteSelector"]);

  // Deleting asks once, then the mark and its highlight go.
  const item = myMarks.getByRole("listitem").filter({ hasText: words });
  await item.getByRole("button", { name: "Delete" }).click();
  await item.getByRole("group", { name: "Delete this mark?" }).getByRole("button", { name: "Delete" }).click();
  await expect(myMarks.getByRole("listitem")).toHaveCount(1);
  await expect.poll(() => highlighted(page, "evidence")).toBe("");
});

test("marks are private: another student sees none of them, and a visitor cannot make any", async ({ browser }) => {
  const author = await browser.newPage();
  await signUpStudent(author, "Private Marker");
  await author.goto(passagePath);
  await selectWords(author, sentences[0]!.id, sentences[0]!.text.slice(0, 20).trim());
  await author.getByRole("region", { name: "Mark the selected words" }).getByRole("button", { name: "Claim" }).click();
  await expect(author.getByRole("region", { name: /My marks/ }).getByRole("listitem")).toHaveCount(1);

  const other = await browser.newPage();
  await signUpStudent(other, "Other Reader");
  await other.goto(passagePath);
  await expect(other.getByRole("region", { name: /My marks/ })).toContainText("Select words in the passage");
  expect(await highlighted(other, "claim")).toBe("");

  const visitor = await browser.newPage();
  const refused = await visitor.request.post("/api/marks", {
    data: { lessonSlug, passageKey: passage, textVersion: "x", start: 0, end: 5, tag: "claim" },
  });
  expect(refused.status()).toBe(401);
});

test("@phone a student marks words at phone width; the bar and the list fit", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signUpStudent(page, "Phone Marker");
  await page.goto(passagePath);
  await selectWords(page, sentences[1]!.id, sentences[1]!.text.slice(0, 25).trim());
  const bar = page.getByRole("region", { name: "Mark the selected words" });
  await bar.getByRole("button", { name: "Question" }).click();
  await expect(bar).toContainText("Marked as Question.");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const box = await bar.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page);
});

test("an instructor sees how many students tagged each sentence, on insights and beside the passage in review, without names", async ({
  browser,
}) => {
  // Five sign-ins (two students joining the class, the instructor each time), each a deliberate scrypt hash.
  test.setTimeout(240_000);
  const passageKey = "repression-backfires";
  const marked = passageSentences(passageKey)[0]!;
  const first = await studentInDemoClass(browser, "Class Marker One");
  await first.goto(`/lessons/${lessonSlug}/${passageKey}`);
  // Keyboard path: a whole sentence, chosen from a list.
  const myMarks = first.getByRole("region", { name: /My marks/ });
  await myMarks.getByText("Mark a whole sentence").click();
  await myMarks.getByRole("combobox", { name: "Sentence" }).selectOption({ index: 1 });
  await myMarks.getByRole("combobox", { name: "Tag", exact: true }).last().selectOption("Opinion");
  await myMarks.getByRole("button", { name: "Mark the sentence" }).click();
  await myMarks.getByRole("textbox", { name: /Note/ }).fill("A secret thought");
  await myMarks.getByRole("textbox", { name: /Note/ }).blur();
  await expect(myMarks.getByText("Note saved.")).toBeVisible();

  const second = await studentInDemoClass(browser, "Class Marker Two");
  await second.goto(`/lessons/${lessonSlug}/${passageKey}`);
  await expect(second.getByRole("region", { name: /My marks/ })).toBeVisible();
  await selectWords(second, marked.id, marked.text.split(" ").slice(0, 4).join(" "));
  await second
    .getByRole("region", { name: "Mark the selected words" })
    .getByRole("button", { name: "Evidence" })
    .click();
  await expect(second.getByRole("region", { name: "Mark the selected words" })).toContainText("Marked as Evidence");

  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByRole("link", { name: "Demo class" }).click();
  await teacher.waitForURL(/\/classes\/[^/]+$/);
  const classUrl = new URL(teacher.url()).pathname;
  await teacher.goto(`${classUrl}/insights`);
  const section = teacher.getByRole("region", { name: "What students marked in the text" });
  const passageTitle = section.getByText(/sentences marked/).first();
  await expect(passageTitle).toBeVisible();
  await section.locator("details", { hasText: marked.text }).locator("summary").click();
  const tally = section.getByText(/students? tagged it (Opinion|Evidence), \d+ (Opinion|Evidence)/).first();
  await expect(tally).toBeAttached();
  await expect(section).not.toContainText("A secret thought");
  await expect(section).not.toContainText("Class Marker");
  await expectNoAxeViolations(teacher);

  await teacher.goto(`${classUrl}/review?question=${lessonSlug}:swerdlow-stake`);
  const beside = teacher.locator("details", { has: teacher.getByText("What the class marked in this text") });
  await beside.locator("summary").click();
  await expect(
    beside.getByText(/students? tagged it (Opinion|Evidence), \d+ (Opinion|Evidence)/).first(),
  ).toBeAttached();
  await expect(beside).not.toContainText("A secret thought");
});
