import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, lessonSlug, questionCount, readJoinCode, signIn, signUpStudent } from "./helpers";
import { ensureSoffice, openCsvInCalc, type SheetCell } from "./spreadsheet";

const QUESTIONS = questionCount;

/** A student who joins the class, answers the first passage's short answer and/or open response, and maybe submits. */
async function student(
  browser: Browser,
  name: string,
  code: string,
  work: { short?: string; open?: string; submit: boolean },
): Promise<string> {
  const page: Page = await (await browser.newContext()).newPage();
  page.on("dialog", (d) => void d.accept()); // "Submit with questions unanswered?"
  const email = await signUpStudent(page, name);
  await page.goto(`/join?code=${code}`);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You have joined" })).toBeVisible();
  // A short answer on the first passage; the open question on the whole article sits on the last.
  for (const [passage, card, text] of [
    [
      "the-warning",
      (p: Page) =>
        p
          .getByRole("region", { name: /^Questions/ })
          .getByRole("listitem")
          .filter({ has: p.getByRole("heading", { name: /Short answer/ }) })
          .first(),
      work.short,
    ],
    [
      "lemon-remembers-khalimov",
      (p: Page) =>
        p
          .getByRole("region", { name: /^Questions/ })
          .getByRole("listitem")
          .filter({ hasText: /Using evidence\s+from the whole article/ }),
      work.open,
    ],
  ] as const) {
    if (!text) continue;
    await page.goto(`/lessons/${lessonSlug}/${passage}`);
    await card(page).getByRole("textbox").fill(text);
    await expect(card(page).getByRole("status")).toHaveText("Saved");
  }
  if (work.submit) {
    await page.goto(`/lessons/${lessonSlug}/summary`);
    await page.getByRole("button", { name: "Submit lesson" }).click();
    await expect(page.getByText(/^Submitted /)).toBeVisible();
  }
  await page.context().close();
  return email;
}

const texts = (row: SheetCell[] | undefined) => (row ?? []).map((c) => c.text);

test("the gradebook's CSVs open in LibreOffice Calc with emails, numeric score columns that sum, states in their own columns, and answers' passages and comments", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const soffice = ensureSoffice();
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByLabel("Class name").fill("Exports class");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await teacher.getByRole("button", { name: "Assign lesson" }).click();
  await expect(teacher.getByText("Lesson assigned.")).toBeVisible();
  const code = await readJoinCode(teacher);
  const classUrl = teacher.url();

  const emails = {
    ana: await student(browser, "Ana Returned", code, {
      short: "Unnamed experts",
      open: "I doubt the headline because no expert is named.",
      submit: true,
    }),
    ben: await student(browser, "Ben Awaiting", code, { open: "Ben's reading.", submit: true }),
    cy: await student(browser, "Cy Drafted", code, { open: "Cy's reading.", submit: true }),
    dee: await student(browser, "Dee Notsubmitted", code, { short: "Something", submit: false }),
  };

  // Review: Ana's answer returned with a comment on words, Cy's saved as a draft, Ben's left waiting.
  await teacher.goto(`${classUrl}/review`);
  const heading = teacher.getByRole("heading", { level: 2, name: /^Answer \d+ of 3/ });
  const answer = teacher.getByRole("region", { name: /^Answer \d+ of/ });
  await expect(heading).toBeVisible();
  // Keys act while the workbench has focus; a return moves on to the next answer to review by itself.
  const workbench = teacher.getByRole("region", { name: "Review workbench" });
  await workbench.focus();
  for (let i = 0; i < 3; i++) {
    let movedOn = false;
    await expect(heading).toHaveText(new RegExp(`^Answer ${i + 1} of 3`));
    const who = (await heading.textContent())!;
    if (!who.includes("Ben Awaiting")) {
      const criteria = await teacher
        .getByRole("group")
        .filter({ has: teacher.getByRole("radio") })
        .count();
      await workbench.focus();
      for (let c = 0; c < criteria; c++) await teacher.keyboard.press("2");
      if (who.includes("Ana Returned")) {
        await teacher.evaluate(() => {
          const node = document.querySelector("[data-answer-text]")!.firstChild!;
          const at = node.textContent!.indexOf("the headline");
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + "the headline".length);
          window.getSelection()!.removeAllRanges();
          window.getSelection()!.addRange(range);
        });
        await teacher.keyboard.press("m");
        await teacher.getByLabel("Comment on “the headline”").fill("Quote its exact words.");
        await teacher.keyboard.press("Enter");
        await expect(teacher.getByRole("list", { name: "Comments on words of the answer" })).toContainText(
          "Quote its exact words.",
        );
        await expect(answer.getByText("Reviewed, not returned", { exact: true })).toBeVisible();
        await expect(teacher.getByText("Draft saved")).toBeVisible();
        await workbench.focus();
        await teacher.keyboard.press("r");
        movedOn = true;
        if (i < 2) await expect(heading).toHaveText(new RegExp(`^Answer ${i + 2} of 3`));
        else await expect(answer.getByText("Returned", { exact: true })).toBeVisible();
      } else {
        await expect(answer.getByText("Reviewed, not returned", { exact: true })).toBeVisible();
        await expect(teacher.getByText("Draft saved")).toBeVisible();
      }
    }
    if (i < 2 && !movedOn) {
      await workbench.focus();
      await teacher.keyboard.press("j");
    }
  }

  await teacher.goto(`${classUrl}/gradebook`);
  await expect(teacher.getByRole("heading", { level: 1, name: "Gradebook" })).toBeVisible();
  const rowOf = (name: string) => teacher.getByRole("row").filter({ has: teacher.getByRole("rowheader", { name }) });
  // The total is short to see; its full words are there for screen readers and on hover.
  const benTotal = rowOf("Ben Awaiting").getByRole("cell").first();
  await expect(benTotal).toHaveText(/^\d+\/\d+ · 1 awaiting/);
  await expect(benTotal).toHaveAttribute("title", /^\d+ of \d+ graded points, 1 awaiting review \(9 points\)$/);
  await expect(benTotal).toHaveAccessibleName(/^\d+ of \d+ graded points, 1 awaiting review \(9 points\)$/);
  expect((await benTotal.boundingBox())!.width).toBeLessThan(160);
  // The "…" of an answer awaiting review is a tap target of at least 24 × 24 px.
  const waiting = rowOf("Ben Awaiting").getByRole("link", { name: /awaiting review/ });
  await expect(waiting).toHaveText("…");
  const box = (await waiting.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(24);
  expect(box.height).toBeGreaterThanOrEqual(24);
  await expectNoAxeViolations(teacher);

  const download = async (name: string) => {
    const [file] = await Promise.all([teacher.waitForEvent("download"), teacher.getByRole("link", { name }).click()]);
    return (await file.path())!;
  };
  const [grades, answers] = openCsvInCalc(soffice, [
    await download("Download grades (CSV)"),
    await download("Download every answer (CSV)"),
  ]);

  // grades.csv: one row per student, with the email; score columns are numbers or empty, states are words.
  const gradeHeader = texts(grades![0]);
  expect(gradeHeader.slice(0, 7)).toEqual([
    "Student",
    "Email",
    "Lesson status",
    "Graded points",
    "Graded out of",
    "Awaiting review (answers)",
    "Awaiting review (points)",
  ]);
  expect(gradeHeader).toHaveLength(7 + 2 * QUESTIONS);
  const scoreColumns = gradeHeader.flatMap((h, i) => (/^Q\d+ score \(out of \d+\): /.test(h) ? [i] : []));
  const stateColumns = gradeHeader.flatMap((h, i) => (/^Q\d+ state$/.test(h) ? [i] : []));
  expect(scoreColumns).toHaveLength(QUESTIONS);
  expect(stateColumns).toHaveLength(QUESTIONS);
  const byName = new Map(grades!.slice(1).map((r) => [r[0]!.text, r]));
  expect([...byName.keys()].sort()).toEqual(["Ana Returned", "Ben Awaiting", "Cy Drafted", "Dee Notsubmitted"]);
  expect(byName.get("Ana Returned")![1]!.text).toBe(emails.ana);
  expect(byName.get("Dee Notsubmitted")![1]!.text).toBe(emails.dee);
  let classTotal = 0;
  for (const [name, row] of byName) {
    for (const i of scoreColumns)
      expect(["float", "empty"], `${name}: ${gradeHeader[i]} is a number or empty`).toContain(row[i]?.type ?? "empty");
    for (const i of stateColumns) expect(row[i]?.type, `${name}: ${gradeHeader[i]} is a word`).toBe("string");
    for (const i of [3, 4, 5, 6]) expect(row[i]?.type ?? "empty").toBe(name === "Dee Notsubmitted" ? "empty" : "float");
    // The score columns sum to the graded points.
    const sum = scoreColumns.reduce((total, i) => total + (row[i]?.value ?? 0), 0);
    expect(Math.round(sum * 100) / 100, `${name}'s scores add up`).toBe(row[3]?.value ?? 0);
    classTotal += sum;
  }
  expect(classTotal).toBeGreaterThan(0);
  const states = (name: string) => stateColumns.map((i) => byName.get(name)![i]!.text);
  expect(states("Ben Awaiting")).toContain("awaiting review");
  expect(states("Cy Drafted").some((s) => s.startsWith("reviewed, not returned"))).toBe(true);
  expect(new Set(states("Dee Notsubmitted"))).toEqual(new Set(["not submitted"]));
  expect(byName.get("Ben Awaiting")![5]!.value).toBe(1);

  // answers.csv: the question's number and passage, a state, and the comments on words.
  const answerHeader = texts(answers![0]);
  expect(answerHeader).toEqual([
    "Student",
    "Email",
    "Question number",
    "Question id",
    "Passage",
    "Prompt",
    "Type",
    "Answer",
    "Cited sentences",
    "Automatic score",
    "Feedback points",
    "Out of",
    "State",
    "Returned comment",
    "Returned comments on words",
  ]);
  const answerRows = answers!.slice(1);
  expect(answerRows).toHaveLength(4); // Ana's two, Ben's and Cy's; Dee has not submitted
  for (const row of answerRows) {
    expect(row[2]?.type).toBe("float");
    expect(row[4]?.text).toBeTruthy();
    expect(row[11]?.type).toBe("float");
  }
  const ana = answerRows.filter((r) => r[0]!.text === "Ana Returned");
  const anaOpen = ana.find((r) => r[6]!.text === "open_response")!;
  expect(anaOpen[12]!.text).toBe("returned");
  expect(anaOpen[10]!.type).toBe("float");
  expect(anaOpen[14]!.text).toBe("“the headline”: Quote its exact words.");
  expect(ana.find((r) => r[6]!.text === "short_answer")![12]!.text).toBe("automatically graded");
  expect(ana.find((r) => r[6]!.text === "short_answer")![9]!.type).toBe("float");
  expect(answerRows.find((r) => r[0]!.text === "Ben Awaiting")![12]!.text).toBe("awaiting review");
  expect(answerRows.find((r) => r[0]!.text === "Cy Drafted")![12]!.text).toBe("draft feedback");
  expect(anaOpen[2]!.value).toBe(
    Number(gradeHeader[scoreColumns.find((i) => gradeHeader[i]!.includes(anaOpen[5]!.text))!]!.match(/^Q(\d+)/)![1]),
  );
});
