/**
 * `npm run soak -- --cluster`: nothing acknowledged is lost when an app server or the database
 * dies. Three app servers (`next start`) over one PostgreSQL database behind HAProxy
 * (scripts/lib/cluster.ts); 100 students, each with their own session, autosave (PUT /api/answers)
 * and then submit (the summary page's server action, replayed) through the balancer. During the
 * traffic, once saves and submissions have been acknowledged and with requests in flight, one app
 * server gets SIGKILL and is started again a moment later; later PostgreSQL is stopped in immediate
 * mode (as if it crashed) and started again 2 s later. Unlike the SQLite soak's, these students
 * carry on through the faults: what fails as the autosave would retry it (no answer, 401, 429, 5xx),
 * and a submission the form answers with an error, is sent again on the autosave's schedule until
 * it is acknowledged.
 *
 * After each fault, with the traffic going on: every acknowledged save and submission is stored, no
 * submission is half-written, one attempt per student, and no submitted answer saved afterwards or
 * graded from other text than it holds. Acknowledged revisions of an answer only grow (a lost
 * acknowledged save would set its count back). After the database restart every app server serves
 * the next request without being restarted. At the end: each student's last save of each answer is
 * what is stored, and every student's submission is recorded, acknowledged "already submitted"
 * only after a try that failed (so graded by that try, once). A failure the faults do not explain
 * (a 500, a form's other error) fails the run; those sent after a fault was over are counted.
 *
 * Its own database: `marginalia_soak` on this machine's PostgreSQL, made afresh each run. It stops
 * that server, so it refuses to while other databases there have clients. SOAK_PORT (default 3500)
 * is the balancer's port, the app servers' the three after it; SOAK_SEED as for the SQLite soak.
 * The output of the servers and of HAProxy goes to data/soak-cluster/.
 */
import fs from "node:fs";
import path from "node:path";
import type { AnswerResponse } from "@/lib/answers/response-shape";
import { hashPassword } from "@/lib/auth/password";
import { retryDelay } from "@/lib/autosave/serial-saver";
import { DATABASE_UNAVAILABLE } from "@/lib/database-errors";
import { readJsonAnswer, worthRetrying } from "@/lib/http/send-json";
import { startCluster, type AppServer } from "./lib/cluster";
import {
  checkAfterCrash,
  checkLastSaves,
  type AcknowledgedSave,
  type AcknowledgedSubmission,
} from "./lib/crash-checks";
import { signInAll } from "./lib/http-session";
import { crashLocalPostgres, ensureRunning, freshLocalDatabase, startLocalPostgres } from "./lib/postgres";
import { replayAction, type ActionRequest } from "./lib/server-action-replay";
import {
  captureSubmitRequests,
  loadSoakLesson,
  seededRandom,
  type SoakQuestion,
  type SoakStudent,
} from "./lib/soak-traffic";

const startedAt = performance.now();
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const since = (from: number) => seconds(performance.now() - from);
const LESSON = "tajikistan-islamic-state";
const PASSWORD = "marginalia-soak";
const STUDENTS = 100;
const REPLICAS = 3;
/** Each student submits after a random number of saves up to this, so submissions spread over the traffic. */
const MAX_SAVES_BEFORE_SUBMIT = 60;
/** Each fault comes once a random number of further submissions (in this range) have been acknowledged. */
const FAULT_AFTER_SUBMISSIONS = [3, 12] as const;
const DATABASE = "marginalia_soak";
const PORT = Number(process.env.SOAK_PORT ?? 3500);
const SEED = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000);
const LOG_DIR = path.join("data", "soak-cluster");
/** HAProxy answers 504 after 60 s: a request still unanswered well past that hangs somewhere. */
const REQUEST_TIMEOUT_MS = 90_000;
/** A save or submission still not acknowledged after this long, retried all along, fails the run. */
const GIVE_UP_MS = 120_000;

const random = seededRandom(SEED);
const between = (lo: number, hi: number) => lo + random() * (hi - lo);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const problems: string[] = [];

// ---- database, lesson and build ----
fs.rmSync(LOG_DIR, { recursive: true, force: true });
const url = freshLocalDatabase(DATABASE, "marginalia", "marginalia-local");
const postgresPort = Number(new URL(url).port);
// The data layer picks its engine's tables when first loaded: only now may it be.
process.env.DATABASE_URL = url;
const { closeDatabase, openPostgres } = await import("@/db/client");
const { seedBenchmark } = await import("@/db/testing/bench-seed");
const { integrityProblems, readAttemptsForAudit } = await import("@/db/testing/crash-audit");
const { lessonsRoot } = await import("@/content/import");
const { setUpDatabase } = await import("./setup-database");
const { ensureBuild } = await import("./build");
type Db = import("@/db/client").Db;

/** Opens its own connection for `use`: none is left open when PostgreSQL is stopped. */
async function withDatabase<T>(use: (db: Db) => Promise<T>): Promise<T> {
  const db = openPostgres(url, 2);
  try {
    return await use(db);
  } finally {
    await closeDatabase(db);
  }
}

/** Databases on the soak's PostgreSQL server, other than its own, that something is connected to. */
function otherDatabasesInUse(): Promise<string[]> {
  return withDatabase(async (db) => {
    const pool = db.$client as unknown as import("pg").Pool;
    const { rows } = await pool.query<{ name: string }>(
      "select distinct datname as name from pg_stat_activity where datname is not null and datname <> current_database()",
    );
    return rows.map((r) => r.name);
  });
}

const busy = await otherDatabasesInUse();
if (busy.length) {
  console.error(
    `The soak stops PostgreSQL, and clients are connected to ${busy.join(", ")} on it: run it when they are done.`,
  );
  process.exit(1);
}
const setupDb = await setUpDatabase();
const postgresVersion = (
  await (setupDb.$client as unknown as import("pg").Pool).query<{ v: string }>(
    "select current_setting('server_version') as v",
  )
).rows[0]!.v.split(" ")[0];
// One more student than the 100: the one whose browser the submit request is captured from, who also probes the servers.
const seeded = (
  await seedBenchmark(setupDb, {
    classes: 1,
    studentsPerClass: STUDENTS + 1,
    lessonSlug: LESSON,
    passwordHash: await hashPassword(PASSWORD),
    submitted: false,
    prefix: "soak",
  })
).classes[0]!;
await ensureBuild(setupDb, "");
await closeDatabase(setupDb);
const { questions, passagesWithQuestions, responseFor } = loadSoakLesson(lessonsRoot, LESSON);

// ---- the cluster; never left behind, nor PostgreSQL left stopped ----
let postgresStopped = false;
process.on("exit", () => {
  if (postgresStopped) ensureRunning();
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
console.log(
  `\nSoak (cluster): ${STUDENTS} students, ${REPLICAS} app servers behind HAProxy on port ${PORT}, PostgreSQL ${postgresVersion}, seed ${SEED}`,
);
const cluster = await startCluster({
  replicas: REPLICAS,
  port: PORT,
  // Fixed, so that the students' cookies stay valid on a restarted server.
  env: { DATABASE_URL: url, NEXTAUTH_SECRET: "soak-test-secret-not-for-production-0123456789" },
  logDir: LOG_DIR,
});
console.log(`[${since(startedAt)} s] app servers on ports ${cluster.servers.map((s) => s.port).join(", ")} serving`);

// ---- the traffic ----
type Fault = {
  name: string;
  at: number;
  inFlight: number;
  submissionsInFlight: number;
  studentsWorking: number;
  /** When the fault was over: the server restarted, PostgreSQL accepting connections. */
  recoveredAt?: number;
  /** Failed tries by kind (HTTP status, "no answer", the form's error). */
  errors: Map<string, number>;
  /** Those of them sent after the fault was over. */
  failedAfterRecovery: Map<string, number>;
  /** Saves and submissions whose first failure fell in this fault, and the longest any waited for its acknowledgement. */
  retried: number;
  longestWaitMs: number;
};
type Try<T> = { ok: true; value: T } | { ok: false; kind: string; retry: boolean; detail: string };

const faults: Fault[] = [];
/** Set when the run stops on an error: the students stop retrying. */
let abandoned = false;
/** The extra student: captures the submit request and probes the servers; not part of the traffic. */
const probe = { email: seeded.studentEmails[STUDENTS]!, cookie: "", saves: 0 };
const acked = { saves: 0, submissions: 0, alreadySubmittedOnRetry: 0 };
let inFlight = 0;
let submitting = 0;
let working = 0;
const lastSaves = new Map<string, AcknowledgedSave>(); // the newest acknowledged save per student and question
const submissions: AcknowledgedSubmission[] = [];

/** The kind of a submission the form answered with the app's message for a database out of reach. */
const DATABASE_NOT_ANSWERING = "form: database not answering";
/** Failures the faults cause: the balancer finding a server gone, the app finding the database gone. */
const expectedFailure = (kind: string) =>
  ["502", "503", "504", DATABASE_NOT_ANSWERING].includes(kind) || kind.startsWith("no answer");

/**
 * Sends until acknowledged, as the autosave does: a failure worth retrying is sent again after
 * retryDelay(n). Null when it is given up (a problem is recorded); else the value and the tries it took.
 */
async function untilAcknowledged<T>(
  what: string,
  send: () => Promise<Try<T>>,
): Promise<{ value: T; tries: number } | null> {
  const firstTriedAt = performance.now();
  let firstFailureIn: Fault | undefined;
  for (let tries = 1; ; tries++) {
    const triedAt = performance.now();
    const result = await send();
    if (result.ok) {
      if (firstFailureIn) {
        firstFailureIn.retried++;
        firstFailureIn.longestWaitMs = Math.max(firstFailureIn.longestWaitMs, performance.now() - firstTriedAt);
      }
      return { value: result.value, tries };
    }
    const fault = faults.at(-1);
    firstFailureIn ??= fault;
    if (fault) fault.errors.set(result.kind, (fault.errors.get(result.kind) ?? 0) + 1);
    if (!fault) problems.push(`${what} failed before any fault: ${result.kind} ${result.detail}`);
    else if (!expectedFailure(result.kind))
      problems.push(`${what} failed after the ${fault.name}: ${result.kind} ${result.detail}`);
    // Not a problem in itself (a burst of retries may still find the database busy), but worth knowing.
    if (fault?.recoveredAt !== undefined && triedAt > fault.recoveredAt)
      fault.failedAfterRecovery.set(result.kind, (fault.failedAfterRecovery.get(result.kind) ?? 0) + 1);
    if (abandoned) return null;
    if (!result.retry) {
      problems.push(`${what} was refused (${result.kind}), so the student could not go on`);
      return null;
    }
    if (performance.now() - firstTriedAt > GIVE_UP_MS) {
      problems.push(`${what} was not acknowledged within ${GIVE_UP_MS / 1000} s of retrying`);
      return null;
    }
    await sleep(retryDelay(tries - 1));
  }
}

function noAnswer(err: unknown): Try<never> {
  if (err instanceof Error && err.name === "TimeoutError")
    return { ok: false, kind: "timeout", retry: true, detail: `no answer in ${REQUEST_TIMEOUT_MS / 1000} s` };
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : undefined;
  const code = (cause as { code?: string } | undefined)?.code ?? cause?.name ?? "unknown";
  return { ok: false, kind: `no answer (${code}: ${cause?.message})`, retry: true, detail: String(err) };
}

async function sendSave(s: SoakStudent, q: SoakQuestion, response: AnswerResponse): Promise<Try<number>> {
  inFlight++;
  try {
    const res = await fetch(`${cluster.base}/api/answers`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie: s.cookie },
      body: JSON.stringify({ lessonSlug: LESSON, questionKey: q.id, contextKey: s.classId, response }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const answer = readJsonAnswer<{ revision?: unknown }>(res.status, await res.text(), res.headers);
    if (answer.ok && typeof answer.data.revision === "number") return { ok: true, value: answer.data.revision };
    if (answer.ok) return { ok: false, kind: String(res.status), retry: false, detail: "the answer has no revision" };
    return { ok: false, kind: String(res.status), retry: worthRetrying(answer), detail: answer.message ?? "" };
  } catch (err) {
    return noAnswer(err);
  } finally {
    inFlight--;
  }
}

async function sendSubmission(s: SoakStudent, submit: ActionRequest): Promise<Try<"submitted" | "already submitted">> {
  inFlight++;
  submitting++;
  try {
    const reply = await replayAction(submit, s.cookie, AbortSignal.timeout(REQUEST_TIMEOUT_MS));
    if (reply.status !== 200)
      return {
        ok: false,
        kind: String(reply.status),
        retry: worthRetrying({ status: reply.status, aborted: false }),
        detail: reply.body.slice(0, 200),
      };
    if (reply.state?.status === "success")
      return {
        ok: true,
        value: reply.state.message?.startsWith("This lesson was already submitted") ? "already submitted" : "submitted",
      };
    // The form shows its error and the student presses the button again.
    if (reply.state) {
      const message = reply.state.message ?? "";
      const kind = message.startsWith(DATABASE_UNAVAILABLE) ? DATABASE_NOT_ANSWERING : "action error";
      return { ok: false, kind, retry: true, detail: message };
    }
    return { ok: false, kind: "no action result", retry: true, detail: reply.body.slice(0, 200) };
  } catch (err) {
    return noAnswer(err);
  } finally {
    inFlight--;
    submitting--;
  }
}

async function work(s: SoakStudent, submit: ActionRequest): Promise<void> {
  working++;
  try {
    const savesBeforeSubmit = 1 + Math.floor(random() * MAX_SAVES_BEFORE_SUBMIT);
    const counts = new Map<string, number>();
    for (let saved = 0; saved < savesBeforeSubmit; saved++) {
      const q = questions[Math.floor(random() * questions.length)]!;
      const n = (counts.get(q.id) ?? 0) + 1;
      counts.set(q.id, n);
      const response = responseFor(q, n, s.email);
      const what = `${s.email}'s save of ${q.id}`;
      const ack = await untilAcknowledged(what, () => sendSave(s, q, response));
      if (!ack) return;
      const key = `${s.email} ${q.id}`;
      const previous = lastSaves.get(key);
      if (previous && ack.value <= previous.revision)
        problems.push(
          `${what} was acknowledged as revision ${ack.value} after revision ${previous.revision} had been: an acknowledged save was lost`,
        );
      lastSaves.set(key, { email: s.email, contextKey: s.classId, questionKey: q.id, revision: ack.value, response });
      acked.saves++;
      await sleep(between(0, 40)); // a student's pause between edits
    }
    const ack = await untilAcknowledged(`${s.email}'s submission`, () => sendSubmission(s, submit));
    if (!ack) return;
    if (ack.value === "already submitted") {
      if (ack.tries === 1) problems.push(`${s.email}'s first submission found the lesson already submitted`);
      else acked.alreadySubmittedOnRetry++;
    }
    submissions.push({ email: s.email, contextKey: s.classId });
    acked.submissions++;
  } finally {
    working--;
  }
}

/** Waits for a moment to strike: `submissions` acknowledged, requests in flight. False if the traffic ended first. */
async function moment(submissionsAcknowledged: number, traffic: { done: boolean }): Promise<boolean> {
  while (acked.submissions < submissionsAcknowledged || acked.saves === 0 || inFlight === 0) {
    if (traffic.done) return false;
    await sleep(1);
  }
  return true;
}

function beginFault(name: string): Fault {
  const fault: Fault = {
    name,
    at: performance.now(),
    inFlight,
    submissionsInFlight: submitting,
    studentsWorking: working,
    errors: new Map(),
    failedAfterRecovery: new Map(),
    retried: 0,
    longestWaitMs: 0,
  };
  faults.push(fault);
  return fault;
}

/** What is acknowledged so far is stored, read in one snapshot while the traffic goes on. */
async function checkStored(when: string, final = false) {
  const saves = [...lastSaves.values()];
  const submitted = [...submissions];
  return withDatabase(async (db) => {
    const attempts = await readAttemptsForAudit(db, LESSON);
    const result = checkAfterCrash(saves, submitted, attempts);
    problems.push(...result.problems.map((p) => `${when}: ${p}`));
    problems.push(...(await integrityProblems(db)).map((p) => `${when}: ${p}`));
    if (final) {
      problems.push(...checkLastSaves(saves, attempts).map((p) => `${when}: ${p}`));
      const unsubmitted = attempts.filter((a) => a.email !== probe.email && !a.submittedAt).map((a) => a.email);
      if (unsubmitted.length) problems.push(`${when}: ${unsubmitted.join(", ")} are not submitted`);
    }
    return result;
  });
}

/** Each app server, asked directly, serves a signed-in read and a save at once: what did not (none, all well). */
async function probeServers(when: string): Promise<string[]> {
  const failed: string[] = [];
  const q = questions[0]!;
  for (const server of cluster.servers) {
    probe.saves++;
    try {
      const read = await fetch(`${server.base}/api/workspace?lesson=${LESSON}&passage=${passagesWithQuestions[0]}`, {
        headers: { cookie: probe.cookie },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const write = await fetch(`${server.base}/api/answers`, {
        method: "PUT",
        headers: { "content-type": "application/json", cookie: probe.cookie },
        body: JSON.stringify({
          lessonSlug: LESSON,
          questionKey: q.id,
          contextKey: seeded.id,
          response: responseFor(q, probe.saves, "probe"),
        }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (!read.ok || !write.ok)
        failed.push(
          `${when}: the app server on port ${server.port} answered ${read.status} to a read and ${write.status} to a save`,
        );
    } catch (err) {
      failed.push(`${when}: the app server on port ${server.port} did not answer: ${String(err)}`);
    }
  }
  return failed;
}

/** Whether the server's process is the one running at `pid` and still running. */
function watchProcess(server: AppServer) {
  const { pid } = server.process;
  let exited = false;
  void server.process.exited.then(() => (exited = true));
  return () => !exited && server.process.pid === pid;
}

let appRestartMs = 0;
let recoveredByThemselves: boolean | undefined;
const postgresTimes = { stopMs: 0, downMs: 0, startMs: 0 };
let checked = { savesChecked: 0, submissionsChecked: 0 };
try {
  const signInStarted = performance.now();
  const cookies = await signInAll(cluster.base, seeded.studentEmails, PASSWORD);
  probe.cookie = cookies[STUDENTS]!;
  console.log(`[${since(startedAt)} s] signed in ${cookies.length} students in ${since(signInStarted)} s`);
  const captureStarted = performance.now();
  const [submit] = await captureSubmitRequests(cluster.base, LESSON, [probe.cookie]);
  console.log(`[${since(startedAt)} s] captured the submit action's request in ${since(captureStarted)} s`);

  const students: SoakStudent[] = seeded.studentEmails
    .slice(0, STUDENTS)
    .map((email, i) => ({ email, cookie: cookies[i]!, classId: seeded.id }));
  const trafficStarted = performance.now();
  const traffic = { done: false };
  const trafficOver = Promise.all(students.map((s) => work(s, submit!))).then(() => {
    traffic.done = true;
  });
  const faultLine = (f: Fault, what: string) =>
    console.log(
      `[${since(startedAt)} s] ${f.name} ${seconds(f.at - trafficStarted)} s into the traffic, with ${f.inFlight} requests in flight ` +
        `(${f.submissionsInFlight} submissions) and ${f.studentsWorking} students working; ${what}`,
    );

  // (a) An app server dies; the balancer sends its traffic to the others until it is back.
  if (await moment(Math.round(between(...FAULT_AFTER_SUBMISSIONS)), traffic)) {
    const victim = cluster.servers[Math.floor(random() * cluster.servers.length)]!;
    const fault = beginFault(`SIGKILL to the app server on port ${victim.port}`);
    const how = await victim.kill("SIGKILL");
    if (how !== "SIGKILL") problems.push(`the app server on port ${victim.port} ended with ${how}, not SIGKILL`);
    await sleep(between(1000, 3000));
    appRestartMs = await victim.restart();
    fault.recoveredAt = performance.now();
    checked = await checkStored("after the app server's restart");
    faultLine(
      fault,
      `restarted in ${seconds(appRestartMs)} s; ${checked.savesChecked} answers and ${checked.submissionsChecked} submissions checked`,
    );
  } else problems.push("the traffic ended before an app server could be killed");

  // (b) The database dies as in a crash; the app servers answer 503 meanwhile and must recover by themselves.
  if (await moment(acked.submissions + Math.round(between(...FAULT_AFTER_SUBMISSIONS)), traffic)) {
    const inUse = await otherDatabasesInUse();
    if (inUse.length) problems.push(`PostgreSQL was not stopped: clients are connected to ${inUse.join(", ")}`);
    else {
      const unchanged = cluster.servers.map(watchProcess);
      const fault = beginFault("PostgreSQL stop (immediate mode)");
      postgresStopped = true;
      await crashLocalPostgres(postgresPort);
      postgresTimes.stopMs = performance.now() - fault.at;
      await sleep(2000);
      const startAt = performance.now();
      await startLocalPostgres(postgresPort);
      postgresStopped = false;
      fault.recoveredAt = performance.now();
      postgresTimes.startMs = fault.recoveredAt - startAt;
      postgresTimes.downMs = fault.recoveredAt - fault.at;
      const probeFailures = await probeServers("once PostgreSQL was back");
      problems.push(...probeFailures);
      checked = await checkStored("after PostgreSQL's restart");
      faultLine(
        fault,
        `down ${seconds(postgresTimes.downMs)} s (stopped in ${seconds(postgresTimes.stopMs)} s, started in ${seconds(postgresTimes.startMs)} s); ` +
          `${checked.savesChecked} answers and ${checked.submissionsChecked} submissions checked`,
      );
      await trafficOver;
      const sameProcesses = unchanged.every((same) => same());
      if (!sameProcesses) problems.push("an app server stopped or was replaced after PostgreSQL's restart");
      recoveredByThemselves = probeFailures.length === 0 && sameProcesses;
    }
  } else problems.push("the traffic ended before PostgreSQL could be stopped");

  await trafficOver;
  console.log(`[${since(startedAt)} s] traffic over after ${since(trafficStarted)} s`);
  checked = await checkStored("at the end", true);
} catch (err) {
  abandoned = true;
  problems.push(
    `the run stopped: ${err instanceof Error ? `${err.message}${err.cause ? ` (${String(err.cause)})` : ""}` : String(err)}; the servers' output is in ${LOG_DIR}`,
  );
} finally {
  await cluster.stop();
}

const [kill, restart] = [faults[0], faults[1]];
const byKind = (errors: Map<string, number> | undefined) =>
  errors?.size ? [...errors].map(([kind, n]) => `${kind} ×${n}`).join(", ") : "none";
const retriedLine = (f: Fault | undefined) =>
  `${f?.inFlight ?? "-"} requests in flight (${f?.submissionsInFlight ?? "-"} submissions); failed tries, all retried: ${byKind(f?.errors)}` +
  ` (sent after it was over: ${byKind(f?.failedAfterRecovery)}); ${f?.retried ?? 0} saves and submissions retried, the longest waiting ${seconds(f?.longestWaitMs ?? 0)} s for its acknowledgement`;
console.log(
  `\nSoak (cluster): ${STUDENTS} students, ${REPLICAS} app servers, PostgreSQL ${postgresVersion}, ${faults.length} of 2 faults made; checks passed: ${problems.length === 0}\n` +
    `  acknowledged: ${acked.saves} saves, ${acked.submissions} submissions (${acked.alreadySubmittedOnRetry} on a retry as "already submitted": the failed try had gone through)\n` +
    `  kill: ${retriedLine(kill)}; the server restarted in ${seconds(appRestartMs)} s\n` +
    `  PostgreSQL stop: ${retriedLine(restart)}; down ${seconds(postgresTimes.downMs)} s (start ${seconds(postgresTimes.startMs)} s); ` +
    `app servers served the next request without a restart: ${recoveredByThemselves ?? "-"}\n` +
    `  checked: ${checked.savesChecked} answers (the last save of each), ${checked.submissionsChecked} submissions, one attempt per student, ` +
    `graded from the stored text; elapsed ${since(startedAt)} s`,
);
if (problems.length) {
  console.error(
    `\nSoak problems (seed ${SEED}):\n- ${problems.slice(0, 30).join("\n- ")}${problems.length > 30 ? `\n- … and ${problems.length - 30} more` : ""}`,
  );
  process.exitCode = 1;
}
