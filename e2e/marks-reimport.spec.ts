import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { copyLesson } from "../content/fixtures/lesson-fixture";
import { expectNoAxeViolations, lessonSlug, selectWords, signUpStudent } from "./helpers";
import { type OwnServer, startOwnServer } from "./own-server";

/**
 * A lesson edited and imported again under a reader's marks, on a server of its own (the shared one
 * must keep the lesson as built): a mark whose words moved is placed again, one whose words are gone
 * is kept, quote and note, under "Could not be placed".
 */
let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer("marks");
});
test.afterAll(() => server?.stop());

const passagePath = `/lessons/${lessonSlug}/a-colonel-defects`;
const moved = "Blackwater mercenaries";
const rewritten = {
  from: "Experts now fear other Tajiks might decide to follow in his footsteps.",
  to: "Analysts worry that more people from the region could copy him.",
};

/** The lesson with words added before one sentence and another sentence rewritten, its source to match. */
function editedLesson(): string {
  const dir = copyLesson(path.join("content", "lessons", lessonSlug), {
    "article.yaml": (d) => {
      const passage = d.passages.find((p: { id: string }) => p.id === "a-colonel-defects");
      const [first, second] = passage.paragraphs;
      first.sentences[0].text = `For years, ${first.sentences[0].text.replace(/^A key/, "a key")}`;
      second.sentences[1].text = rewritten.to;
    },
  });
  const source = path.join(dir, "source.txt");
  fs.writeFileSync(
    source,
    fs
      .readFileSync(source, "utf8")
      .replace("A key part of Rahmon's security apparatus", "For years, a key part of Rahmon's security apparatus")
      .replace(rewritten.from, rewritten.to),
  );
  return dir;
}

function importInto(database: string, dir: string) {
  const onPostgres = database.startsWith("postgres");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(onPostgres ? { DATABASE_URL: database } : { DATABASE_PATH: database }),
  };
  if (!onPostgres) delete env.DATABASE_URL;
  const run = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/content-import.ts", dir],
    { env, encoding: "utf8" },
  );
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  return run.stdout;
}

test("a passage edited and imported again: a mark is placed again, another is listed as could not be placed with its note", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ baseURL: server.base })).newPage();
  await signUpStudent(page, "Edited Reader");
  await page.goto(passagePath);
  const myMarks = page.getByRole("region", { name: /My marks/ });
  await expect(myMarks).toBeVisible();
  const bar = page.getByRole("region", { name: "Mark the selected words" });
  for (const [sentence, words, tag, note] of [
    ["p03-s1", moved, "Evidence", "Private army: who paid?"],
    ["p04-s2", "other Tajiks might decide", "Claim", "Which experts?"],
  ] as const) {
    await selectWords(page, sentence, words);
    await bar.getByRole("button", { name: tag }).click();
    await expect(bar).toContainText(`Marked as ${tag}.`);
    await bar.getByRole("button", { name: "Add a note" }).click();
    await page.keyboard.type(note);
    await page.keyboard.press("Tab");
    await expect(myMarks.getByRole("listitem").filter({ hasText: words }).getByText("Note saved.")).toBeVisible();
  }
  await expect(myMarks.getByRole("listitem")).toHaveCount(2);

  const report = importInto(server.database, editedLesson());
  // (The copied database may hold other journeys' marks on this passage too.)
  expect(report).toMatch(/marks placed again: [1-9]\d*, could not be placed: [1-9]\d*/);

  // This server still shows the text it was built with: the placed mark waits for the new text, listed.
  await page.reload();
  const newer = myMarks.getByRole("list").filter({ hasText: moved });
  await expect(myMarks.getByRole("heading", { name: "In a newer version of this passage" })).toBeVisible();
  await expect(newer.getByRole("listitem")).toContainText("Evidence");
  await expect(newer.getByRole("textbox", { name: /Note/ })).toHaveValue("Private army: who paid?");
  await expect(myMarks.getByRole("heading", { name: "Could not be placed" })).toBeVisible();
  const lost = myMarks.getByRole("listitem").filter({ hasText: "other Tajiks might decide" });
  await expect(lost).toContainText("Claim");
  await expect(lost.getByRole("textbox", { name: /Note/ })).toHaveValue("Which experts?");
  await expectNoAxeViolations(page);

  // The download has both, the unplaced one flagged.
  const text = await (await page.request.get(`/api/marks/export?lesson=${lessonSlug}&format=text`)).text();
  expect(text).toContain(`Evidence: “${moved}”`);
  expect(text).toMatch(/Claim: “other Tajiks might decide” \(could not be placed in the current text\)/);
});
