/**
 * `npm run soak`: crash safety. 50 students, each signed in with their own session, autosave
 * (PUT /api/answers) and submit (the summary page's server action, replayed over HTTP) against
 * `next start` on its own database, and the server is killed with SIGKILL at a random moment
 * while requests are in flight, then restarted. After each kill: every acknowledged save and
 * submission is in the database, no submission is half-written, and the file passes SQLite's
 * integrity check. Five kill/restart rounds (SOAK_ROUNDS), each with a fresh class of 50.
 *
 * `npm run soak -- --quick`: one round, the mode `npm test` runs.
 * `npm run soak -- --cluster`: on PostgreSQL, through HAProxy to three app servers, one of them
 * killed and the database restarted while the students carry on (scripts/soak-cluster.ts).
 * SOAK_PORT (default 3500) is the server's port; SOAK_SEED repeats a run's random choices (in order;
 * which student draws which depends on response timing, so a failing run is narrowed, not replayed).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Db } from "@/db/client";
import { seedBenchmark, type SeededClass } from "@/db/testing/bench-seed";
import { integrityProblems, readAttemptsForAudit } from "@/db/testing/crash-audit";
import { lessonsRoot } from "@/content/import";
import { hashPassword } from "@/lib/auth/password";
import { ensureBuild } from "./build";
import { setUpDatabase } from "./setup-database";
import { checkAfterCrash, type AcknowledgedSave, type AcknowledgedSubmission } from "./lib/crash-checks";
import { signInAll, startNextServer, type NextServer } from "./lib/http-session";
import { replayAction, type ActionRequest } from "./lib/server-action-replay";
import { captureSubmitRequests, loadSoakLesson, seededRandom, type SoakStudent } from "./lib/soak-traffic";

if (process.argv.includes("--cluster")) {
  // The cluster soak runs on PostgreSQL, and the data layer takes its engine's tables when first
  // loaded (here, by the imports above, for SQLite): it runs in a process of its own.
  const run = spawnSync(process.execPath, [...process.execArgv, path.join("scripts", "soak-cluster.ts")], {
    stdio: "inherit",
  });
  process.exit(run.status ?? 1);
}

const quick = process.argv.includes("--quick");
const startedAt = performance.now();
const seconds = (from = startedAt) => ((performance.now() - from) / 1000).toFixed(1);
const LESSON = "tajikistan-islamic-state";
const PASSWORD = "marginalia-soak";
const STUDENTS = 50;
const ROUNDS = quick ? 1 : Number(process.env.SOAK_ROUNDS ?? 5);
/**
 * Each student submits after a random number of saves up to this, so submissions spread over the
 * round; the kill comes once a random number of them (at least one) have been acknowledged, so it
 * falls mid-round whatever the machine's speed.
 */
const MAX_SAVES_BEFORE_SUBMIT = quick ? 15 : 30;
const KILL_AFTER_SUBMISSIONS = [1, Math.floor(STUDENTS * (quick ? 0.5 : 0.8))] as const;
const PORT = Number(process.env.SOAK_PORT ?? 3500);
const SEED = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000);
const file = path.resolve(quick ? "data/soak-quick.db" : "data/soak.db");
/** Fixed for the run, so the students' cookies stay valid across restarts. */
const SERVER_ENV = { DATABASE_PATH: file, NEXTAUTH_SECRET: "soak-test-secret-not-for-production-0123456789" };
const SERVER_LOG = file.replace(/\.db$/, "-server.log");

if (!Number.isInteger(ROUNDS) || ROUNDS < 1)
  throw new Error(`SOAK_ROUNDS must be a positive whole number, not ${process.env.SOAK_ROUNDS}`);

const random = seededRandom(SEED);
const between = (lo: number, hi: number) => lo + random() * (hi - lo);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- database, lesson and build ----
for (const f of [file, `${file}-wal`, `${file}-shm`, SERVER_LOG]) fs.rmSync(f, { force: true });
const setupDb = await setUpDatabase(file);
// One more student per class than the 50: the one whose browser the submit request is captured from.
const seeded = (
  await seedBenchmark(setupDb, {
    classes: ROUNDS,
    studentsPerClass: STUDENTS + 1,
    lessonSlug: LESSON,
    passwordHash: await hashPassword(PASSWORD),
    submitted: false,
    prefix: "soak",
  })
).classes;
await ensureBuild(setupDb, file);
// The server is the only process with the file open while it runs, as in production; checks open it afresh.
setupDb.$client.close();

const { questions, passagesWithQuestions, responseFor } = loadSoakLesson(lessonsRoot, LESSON);

// ---- one round: a class works, the server is killed mid-traffic ----
type RoundFigures = {
  round: number;
  savesAcknowledged: number;
  submissionsAcknowledged: number;
  inFlightAtKill: number;
  submissionsInFlightAtKill: number;
  killedAfterMs: number;
  restartMs: number;
  interrupted: number;
};

const saves = new Map<string, AcknowledgedSave>(); // newest acknowledged save per student and question
const submissions: AcknowledgedSubmission[] = [];
const problems: string[] = [];

async function runRound(
  round: number,
  server: NextServer,
  students: SoakStudent[],
  submit: ActionRequest,
): Promise<{ figures: Omit<RoundFigures, "restartMs">; exited: Promise<unknown> }> {
  let killed = false;
  let inFlight = 0;
  let submitting = 0;
  let interrupted = 0;
  const acked = { saves: 0, submissions: 0 };
  const roundStart = performance.now();
  const unexpected = (what: string) => {
    if (!killed) problems.push(`round ${round}: ${what}`);
    else interrupted++;
  };

  async function work(s: SoakStudent) {
    const savesBeforeSubmit = 1 + Math.floor(random() * MAX_SAVES_BEFORE_SUBMIT);
    const counts = new Map<string, number>();
    for (let saved = 0; !killed; saved++) {
      if (saved === savesBeforeSubmit) {
        inFlight++;
        submitting++;
        try {
          const reply = await replayAction(submit, s.cookie);
          if (reply.status === 200 && reply.state?.status === "success") {
            submissions.push({ email: s.email, contextKey: s.classId });
            acked.submissions++;
          } else
            problems.push(
              `round ${round}: ${s.email}'s submission answered ${reply.status} ${JSON.stringify(reply.state ?? reply.body.slice(0, 200))}`,
            );
        } catch (err) {
          unexpected(`${s.email}'s submission failed before the kill: ${String(err)}`);
        } finally {
          inFlight--;
          submitting--;
        }
        return;
      }
      const q = questions[Math.floor(random() * questions.length)]!;
      const n = (counts.get(q.id) ?? 0) + 1;
      counts.set(q.id, n);
      const response = responseFor(q, n, s.email);
      inFlight++;
      try {
        const res = await fetch(`${server.base}/api/answers`, {
          method: "PUT",
          headers: { "content-type": "application/json", cookie: s.cookie },
          body: JSON.stringify({ lessonSlug: LESSON, questionKey: q.id, contextKey: s.classId, response }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await res.json()) as { revision?: number; message?: string };
        if (res.ok && typeof body.revision === "number") {
          saves.set(`${s.email} ${q.id}`, {
            email: s.email,
            contextKey: s.classId,
            questionKey: q.id,
            revision: body.revision,
            response,
          });
          acked.saves++;
        } else {
          problems.push(`round ${round}: ${s.email}'s save of ${q.id} answered ${res.status} ${body.message ?? ""}`);
          return;
        }
      } catch (err) {
        unexpected(`${s.email}'s save failed before the kill: ${String(err)}`);
        return;
      } finally {
        inFlight--;
      }
      await sleep(between(0, 40)); // a student's pause between edits
    }
  }

  const working = Promise.all(students.map(work));
  const killAfter = Math.round(between(...KILL_AFTER_SUBMISSIONS));
  // While requests are in flight, and never before something was acknowledged.
  const giveUpAt = roundStart + 60_000;
  while ((acked.submissions < killAfter || acked.saves === 0 || inFlight === 0) && performance.now() < giveUpAt)
    await sleep(1);
  const figures = {
    round,
    savesAcknowledged: acked.saves,
    submissionsAcknowledged: acked.submissions,
    inFlightAtKill: inFlight,
    submissionsInFlightAtKill: submitting,
    killedAfterMs: Math.round(performance.now() - roundStart),
    interrupted: 0,
  };
  killed = true;
  server.signal("SIGKILL");
  const exited = server.exited;
  await working;
  // Responses the server finished sending before it died arrive after the signal: they count too.
  figures.savesAcknowledged = acked.saves;
  figures.submissionsAcknowledged = acked.submissions;
  figures.interrupted = interrupted;
  return { figures, exited };
}

async function checkDatabase(round: number): Promise<{ savesChecked: number; submissionsChecked: number }> {
  const db: Db = openDatabase(file);
  try {
    const result = checkAfterCrash(saves.values(), submissions, await readAttemptsForAudit(db, LESSON));
    problems.push(...result.problems.map((p) => `after round ${round}: ${p}`));
    problems.push(...(await integrityProblems(db)).map((p) => `after round ${round}: integrity_check: ${p}`));
    return result;
  } finally {
    db.$client.close();
  }
}

// ---- the run ----
console.log(
  `\nSoak${quick ? " (quick)" : ""}: ${ROUNDS} kill/restart ${ROUNDS === 1 ? "round" : "rounds"}, ${STUDENTS} students each, port ${PORT}, seed ${SEED}`,
);
let server = await startNextServer({ port: PORT, env: SERVER_ENV, log: SERVER_LOG });
process.on("exit", () => server.signal("SIGKILL")); // never leave a server behind, even on a crash
const rounds: RoundFigures[] = [];
let checked = { savesChecked: 0, submissionsChecked: 0 };
let survived = 0;
try {
  const signInStarted = performance.now();
  const cookies = await signInAll(
    server.base,
    seeded.flatMap((c) => c.studentEmails),
    PASSWORD,
  );
  const cookieOf = new Map(seeded.flatMap((c) => c.studentEmails).map((e, i) => [e, cookies[i]!]));
  console.log(`[${seconds()} s] signed in ${cookies.length} students in ${seconds(signInStarted)} s`);

  // Each class's submit request, captured once from Chromium (the same body serves the whole class).
  const captureStarted = performance.now();
  const captured = await captureSubmitRequests(
    server.base,
    LESSON,
    seeded.map((c) => cookieOf.get(c.studentEmails[STUDENTS]!)!),
  );
  const templates = new Map(seeded.map((c, i) => [c.id, captured[i]!]));
  console.log(
    `[${seconds()} s] captured the submit action's request for ${templates.size} ${templates.size === 1 ? "class" : "classes"} in ${seconds(captureStarted)} s`,
  );

  for (const [i, c] of seeded.entries()) {
    const round = i + 1;
    const problemsBefore = problems.length;
    const students = c.studentEmails
      .slice(0, STUDENTS)
      .map((email) => ({ email, cookie: cookieOf.get(email)!, classId: c.id }));
    const { figures, exited } = await runRound(round, server, students, templates.get(c.id)!);
    const how = await exited;
    if (how !== "SIGKILL") problems.push(`round ${round}: the server ended with ${how}, not SIGKILL`);
    const restartStarted = performance.now();
    server = await startNextServer({ port: PORT, env: SERVER_ENV, log: SERVER_LOG });
    const restartMs = Math.round(performance.now() - restartStarted);
    await probeAfterRestart(round, server, c, cookieOf);
    checked = await checkDatabase(round);
    rounds.push({ ...figures, restartMs });
    console.log(
      `[${seconds()} s] round ${round}: killed after ${figures.killedAfterMs} ms with ${figures.inFlightAtKill} requests in flight (${figures.submissionsInFlightAtKill} submissions; ${figures.interrupted} cut off); ` +
        `${figures.savesAcknowledged} saves and ${figures.submissionsAcknowledged} submissions acknowledged; restarted in ${restartMs} ms; ` +
        `checked ${checked.savesChecked} saves, ${checked.submissionsChecked} submissions so far`,
    );
    if (figures.savesAcknowledged === 0)
      problems.push(`round ${round}: no save was acknowledged before the kill, so nothing was tested`);
    if (figures.submissionsAcknowledged === 0)
      problems.push(`round ${round}: no submission was acknowledged before the kill, so nothing was tested`);
    if (figures.inFlightAtKill === 0) problems.push(`round ${round}: no request was in flight at the kill`);
    if (problems.length > problemsBefore) break;
    survived++;
  }
} catch (err) {
  problems.push(
    `the run stopped: ${err instanceof Error ? `${err.message}${err.cause ? ` (${String(err.cause)})` : ""}` : String(err)}; the server's output is in ${SERVER_LOG}`,
  );
} finally {
  server.signal("SIGTERM");
  await server.exited;
}

// After a clean stop too, the file is sound.
const final = openDatabase(file);
problems.push(...(await integrityProblems(final)).map((p) => `after the last stop: integrity_check: ${p}`));
final.$client.close();

console.log(
  `\nSoak${quick ? " (quick)" : ""}: ${survived} of ${ROUNDS} kill/restart rounds survived; ` +
    `${rounds.reduce((n, r) => n + r.savesAcknowledged, 0)} acknowledged saves checked (the newest of ${checked.savesChecked} answers), ` +
    `${checked.submissionsChecked} acknowledged submissions checked; ${rounds.reduce((n, r) => n + r.inFlightAtKill, 0)} requests cut off by kills ` +
    `(${rounds.reduce((n, r) => n + r.submissionsInFlightAtKill, 0)} submissions); integrity_check ok: ${problems.every((p) => !p.includes("integrity_check"))}; elapsed ${seconds()} s`,
);
if (problems.length) {
  console.error(
    `\nSoak problems (seed ${SEED}):\n- ${problems.slice(0, 30).join("\n- ")}${problems.length > 30 ? `\n- … and ${problems.length - 30} more` : ""}`,
  );
  process.exitCode = 1;
}

/** The restarted server serves the students: a signed-in read and a write both work. */
async function probeAfterRestart(round: number, s: NextServer, c: SeededClass, cookieOf: Map<string, string>) {
  const cookie = cookieOf.get(c.studentEmails[STUDENTS]!)!;
  const read = await fetch(`${s.base}/api/workspace?lesson=${LESSON}&passage=${passagesWithQuestions[0]}`, {
    headers: { cookie },
  });
  const q = questions[0]!;
  const write = await fetch(`${s.base}/api/answers`, {
    method: "PUT",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({
      lessonSlug: LESSON,
      questionKey: q.id,
      contextKey: c.id,
      response: responseFor(q, round, "probe"),
    }),
  });
  if (!read.ok || !write.ok)
    problems.push(
      `after round ${round}: the restarted server answered ${read.status} to a read and ${write.status} to a save`,
    );
}
