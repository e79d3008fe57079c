/**
 * Demo accounts and a demo class, for `npm run demo` and the end-to-end tests only.
 * Seeds only a database that has no accounts yet, so it never touches real users.
 */
import path from "node:path";
import { createAccount, countAccounts } from "@/db/access/users";
import { seedClass } from "@/db/testing/seed-class";
import { saveDraft, submitLesson } from "@/db/access/answers";
import { lessonsRoot } from "@/content/import";
import { loadLessonFolder } from "@/content/load";
import type { QuestionContent } from "@/content/schema";
import type { Actor } from "@/lib/actor";
import type { AnswerResponse } from "@/lib/answers/response-shape";
import { formatJoinCode } from "@/lib/join-code";

export const DEMO_PASSWORD = "marginalia-demo";
export const DEMO_INSTRUCTOR = "instructor@demo.test";
export const DEMO_STUDENTS = [1, 2, 3, 4, 5].map((n) => `student${n}@demo.test`);
const DEMO_LESSON = "tajikistan-islamic-state";

export async function seedDemo(): Promise<void> {
  if ((await countAccounts()) > 0) {
    console.log("Demo accounts: the database already has accounts; not seeding.");
    return;
  }
  const instructor = await createAccount({
    email: DEMO_INSTRUCTOR,
    name: "Demo Instructor",
    password: DEMO_PASSWORD,
    role: "instructor",
  });
  const names = ["Ada Obi", "Ben Lindqvist", "Chen Wei", "Dana Haddad", "Elif Kaya"];
  const students = [];
  for (const [i, email] of DEMO_STUDENTS.entries()) {
    students.push(await createAccount({ email, name: names[i]!, password: DEMO_PASSWORD, role: "student" }));
  }
  const demoClass = await seedClass({
    name: "Demo class",
    instructorId: instructor.userId,
    studentIds: students.map((s) => s.userId),
    lessonSlugs: [DEMO_LESSON],
  });
  // Students 2 to 5 have submitted the lesson, from strong to weak, so the review queue is real.
  for (const [i, student] of students.slice(1).entries())
    await submitDemoLesson(student, demoClass.id, [0.9, 0.7, 0.5, 0.3][i]!, i);
  console.log(`Demo accounts created (password "${DEMO_PASSWORD}"): ${DEMO_INSTRUCTOR}, ${DEMO_STUDENTS.join(", ")}`);
  console.log(`Demo class join code: ${formatJoinCode(demoClass.joinCode)}`);
}

/** A deterministic "did this student get it right" for question `q` at the given skill. */
function knows(skill: number, seed: number, q: number): boolean {
  const x = Math.sin(seed * 97.13 + q * 12.9898) * 43758.5453;
  return x - Math.floor(x) < skill;
}

const OPEN_ANSWERS = [
  (q: Extract<QuestionContent, { type: "open_response" }>) => q.exemplar,
  (q: Extract<QuestionContent, { type: "open_response" }>) =>
    `${q.exemplar.split(". ")[0]}. But I think the article mostly gives one side and I would want more evidence.`,
  () => "The article says the US helps Tajikistan and that could make extremism worse. I mostly agree with it.",
  () => "I am not sure. It depends on who you ask.",
];

async function submitDemoLesson(student: Actor, classId: string, skill: number, seed: number) {
  const loaded = loadLessonFolder(path.join(lessonsRoot, DEMO_LESSON));
  if (!loaded.ok) return;
  const sentencesOf = new Map(
    loaded.lesson.content.article.passages.map((p) => [
      p.id,
      p.paragraphs.flatMap((g) => g.sentences.map((x) => x.id)),
    ]),
  );
  for (const [qi, q] of loaded.lesson.content.questions.entries()) {
    const right = knows(skill, seed + 1, qi);
    const sentences = sentencesOf.get(q.passage) ?? [];
    let response: AnswerResponse;
    let cited: string[] = [];
    switch (q.type) {
      case "single_choice":
        response = { type: q.type, optionId: (q.options.find((o) => o.correct === right) ?? q.options[0]!).id };
        break;
      case "multiple_select":
        response = {
          type: q.type,
          optionIds: right
            ? q.options.filter((o) => o.correct).map((o) => o.id)
            : [q.options.find((o) => o.correct)!.id, q.options.find((o) => !o.correct)!.id],
        };
        break;
      case "short_answer":
        response = { type: q.type, text: right ? q.acceptedAnswers[0]! : "not sure" };
        break;
      case "evidence":
        response = {
          type: q.type,
          sentenceIds: right ? q.keySentences : [sentences.find((x) => !q.keySentences.includes(x)) ?? sentences[0]!],
        };
        break;
      case "open_response":
        response = { type: q.type, text: OPEN_ANSWERS[seed]!(q) };
        cited = seed < 2 ? sentences.slice(0, 2 - seed) : [];
        break;
    }
    await saveDraft(student, {
      lessonSlug: DEMO_LESSON,
      questionKey: q.id,
      contextKey: classId,
      response,
      citedSentences: cited,
    });
  }
  await submitLesson(student, DEMO_LESSON, classId);
}
