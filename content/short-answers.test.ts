/** The lesson's short answers accept what a teacher would accept, and still refuse what is wrong. */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { lessonsRoot } from "./import";
import { loadLessonFolder } from "./load";
import { gradeShortAnswer } from "@/lib/answers/grading";

const loaded = loadLessonFolder(path.join(lessonsRoot, "tajikistan-islamic-state"));
assert.ok(loaded.ok);
const questions = loaded.lesson.content.questions;

const cases: Record<string, { right: string[]; wrong: string[] }> = {
  "khalimov-rank": {
    right: [
      "a special forces colonel",
      "a Tajik Special Forces colonel",
      "Col.",
      "colonel in the Tajik special forces",
    ],
    wrong: ["lieutenant colonel", "general"],
  },
  "khalimov-training-country": { right: ["in the US", "in the United States", "U.S."], wrong: ["Russia"] },
  "swerdlow-organisation": { right: ["Human Rights Watch (HRW)", "HRW"], wrong: ["Amnesty International"] },
  "remittances-share": {
    right: ["half of GDP", "approximately half", "roughly 50%", "nearly 50%", "nearly half"],
    wrong: ["a quarter", "25%"],
  },
  "per-capita-income": {
    right: ["$2,700 per year", "2,700 USD", "around $2,700 a year", "approximately $2,700", "$2,700/year"],
    wrong: ["$27,000", "$270"],
  },
  "tajiks-joined-is": { right: ["144 people", "approx. 144"], wrong: ["1,000", "14"] },
  "share-professing-islam": {
    right: ["roughly 90%", "approximately 90 percent", "nearly 90%"],
    wrong: ["9%", "a quarter"],
  },
  "mission-budget": { right: ["84 million USD", "US$84 million", "$84 million a year"], wrong: ["$42 million"] },
};

for (const [id, { right, wrong }] of Object.entries(cases)) {
  test(`${id}: every right answer earns the points, and no wrong one does`, () => {
    const q = questions.find((x) => x.id === id);
    assert.ok(q && q.type === "short_answer", `${id} is a short-answer question`);
    for (const given of right) assert.equal(gradeShortAnswer(q, given), q.points, `"${given}" is right`);
    for (const given of wrong) assert.equal(gradeShortAnswer(q, given), 0, `"${given}" is wrong`);
  });
}
