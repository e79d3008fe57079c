/**
 * `npm run bench:review`: how long the review queue and the gradebook take to build on the
 * server for the instructor of a 40-student class, in a database of 1,000 students (25 classes)
 * who answered every question, with feedback on half of the open answers. Data-layer time, in
 * process, over repeated runs: p50 / p99 / max. (Whole-page HTTP figures are `npm run bench`'s job.)
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { seedBenchmark } from "@/db/testing/bench-seed";
import { getReviewQueue } from "@/db/access/review";
import { getGradebook } from "@/db/access/gradebook";
import { countAccounts } from "@/db/access/users";
import { benchClassOf, benchUser } from "@/db/testing/bench-queries";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/actor";
import { setUpDatabase } from "./setup-database";

const file = path.resolve(process.env.BENCH_DATABASE_PATH ?? "data/bench.db");
const fresh = !fs.existsSync(file);
const db = await setUpDatabase(file);
if (fresh || (await countAccounts()) === 0) {
  const started = performance.now();
  await seedBenchmark(db, {
    classes: 25,
    studentsPerClass: 40,
    lessonSlug: "tajikistan-islamic-state",
    passwordHash: await hashPassword("marginalia-bench"),
  });
  console.log(`Seeded 1,000 students in 25 classes in ${Math.round(performance.now() - started)} ms`);
}
const instructor = await benchUser(db, "bench-instructor1@bench.test");
const actor: Actor = { userId: instructor.id, role: "instructor", name: instructor.name, email: instructor.email };
const classId = await benchClassOf(db, instructor.id);

async function measure(name: string, run: () => Promise<unknown>, times = 60) {
  for (let i = 0; i < 5; i++) await run(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!;
  return {
    name,
    runs: times,
    p50_ms: +at(50).toFixed(2),
    p99_ms: +at(99).toFixed(2),
    max_ms: +samples[samples.length - 1]!.toFixed(2),
  };
}

const results = [
  await measure("review queue (by question, 40 students)", async () => await getReviewQueue(actor, classId)),
  await measure("gradebook (40 students x 42 questions)", async () => await getGradebook(actor, classId)),
];
console.table(results);
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync(
  "bench/results/review.json",
  JSON.stringify(
    { measuredAt: new Date().toISOString(), database: "1,000 students, 25 classes, 42 questions each", results },
    null,
    2,
  ),
);
console.log("Written to bench/results/review.json");
