import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { XMLValidator } from "fast-xml-parser";
import { parse as parseGift } from "gift-pegjs";
import { expectNoAxeViolations, lessonTitle, questionCount, signIn, signUpStudent } from "./helpers";

/**
 * An instructor takes a lesson's questions into the school's LMS: from the class page, as Moodle
 * XML, GIFT and a QTI 1.2 package for Canvas, with their answer keys. A student, holding the same links, is refused.
 */
test("an instructor downloads the lesson's questions as Moodle XML, GIFT and QTI; a student cannot", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await teacher.getByRole("link", { name: "Demo class" }).click();
  const assigned = teacher.getByRole("region", { name: "Assigned lessons" });
  await expect(assigned.getByText("Questions for an LMS:")).toBeVisible();
  await expectNoAxeViolations(teacher);

  const xmlDownload = teacher.waitForEvent("download");
  await assigned.getByRole("link", { name: `Download the questions of ${lessonTitle} as Moodle XML` }).click();
  const xmlFile = await xmlDownload;
  expect(xmlFile.suggestedFilename()).toBe("tajikistan-islamic-state-questions.xml");
  const xml = fs.readFileSync(await xmlFile.path(), "utf8");
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.match(/<question type="(?!category)/g)).toHaveLength(questionCount);
  expect(xml).toContain('fraction="100"'); // the keys are in it
  expect(xml).toContain("<graderinfo"); // and the rubrics, for the essays

  const giftDownload = teacher.waitForEvent("download");
  await assigned.getByRole("link", { name: `Download the questions of ${lessonTitle} as GIFT` }).click();
  const giftFile = await giftDownload;
  expect(giftFile.suggestedFilename()).toBe("tajikistan-islamic-state-questions.gift.txt");
  const gift = fs.readFileSync(await giftFile.path(), "utf8");
  const parsed = (parseGift(gift) as { type: string }[]).filter((q) => q.type !== "Category");
  expect(parsed).toHaveLength(questionCount);
  const qtiDownload = teacher.waitForEvent("download");
  await assigned
    .getByRole("link", { name: `Download the questions of ${lessonTitle} as a QTI 1.2 package for Canvas` })
    .click();
  const qtiFile = await qtiDownload;
  expect(qtiFile.suggestedFilename()).toBe("tajikistan-islamic-state-questions-qti.zip");
  const unzipped = unzipSync(fs.readFileSync(await qtiFile.path()));
  expect(Object.keys(unzipped).sort()).toEqual(["imsmanifest.xml", "questions.xml"]);
  const assessment = strFromU8(unzipped["questions.xml"]!);
  expect(XMLValidator.validate(assessment)).toBe(true);
  expect(assessment.match(/<item ident=/g)).toHaveLength(questionCount);

  const href = await assigned
    .getByRole("link", { name: `Download the questions of ${lessonTitle} as GIFT` })
    .getAttribute("href");
  await teacher.context().close();

  // The answer keys are not for students, whatever link they hold; nor for a visitor.
  const student = await (await browser.newContext()).newPage();
  await signUpStudent(student, "Key Seeker");
  const refused = await student.request.get(href!);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain("fraction");
  const visitor = await browser.newContext();
  expect((await visitor.request.get(new URL(href!, student.url()).href)).status()).toBe(403);
  await visitor.close();
});
