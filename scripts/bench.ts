/**
 * `npm run bench`: how fast Marginalia serves, beside the limit of the same server on the same
 * machine. Starts the production build on 127.0.0.1 with a benchmark database (1,000 students
 * in 25 classes who answered every question, feedback on half), loads it with autocannon, and
 * prints a table and writes bench/results/bench.json. Pairs of figures that form a ratio are
 * measured in the same run, one after the other; ratios are what to compare between machines.
 *
 * `npm run bench -- --postgres`: the same on PostgreSQL (DATABASE_URL, or a `marginalia_bench`
 * database on this machine's server), one app server; `--postgres --replicas 3`: three app
 * servers behind HAProxy. Results go to bench/results/bench-postgres-<replicas>.json. The three
 * set-ups together are the capacity model in the README.
 *
 * `npm run bench -- --quick`: the smoke mode `npm test` runs (a small database, one-second
 * runs): it checks that every measurement runs and produces numbers, not how fast they are.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { hashPassword } from "@/lib/auth/password";
import pg from "pg";
import { startCluster } from "./lib/cluster";
import { localPostgres } from "./lib/postgres";
import { postCredentials, signIn as signInOverHttp, startNextServer } from "./lib/http-session";

const { values: options } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    postgres: { type: "boolean", default: false },
    replicas: { type: "string", default: "1" },
  },
});
const quick = options.quick;
const replicas = Number(options.replicas);
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 8) throw new Error("--replicas must be 1 to 8.");
const onPostgres = options.postgres || replicas > 1;
const setup = onPostgres ? `PostgreSQL, ${replicas} app server${replicas === 1 ? "" : "s"}` : "SQLite, 1 app server";
const startedAt = performance.now();
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
const LESSON = "tajikistan-islamic-state";
const PASSAGE = "a-colonel-defects";
const PASSWORD = "marginalia-bench";
const PORT = Number(process.env.BENCH_PORT ?? (quick ? 3310 : 3300));
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION_S = quick ? 1 : 8;
const seed = quick ? { classes: 2, studentsPerClass: 10 } : { classes: 25, studentsPerClass: 40 };
const seededStudents = seed.classes * seed.studentsPerClass;
const file = path.resolve(process.env.BENCH_DATABASE_PATH ?? (quick ? "data/bench-quick.db" : "data/bench.db"));
/** The copy of the passage page's bytes served as a plain file: the server's raw static limit. */
const STATIC_COPY = path.join("public", "bench", "passage.html");

/** The benchmark's own database on this machine's PostgreSQL, kept between runs as data/bench.db is. */
async function localBenchDatabase(): Promise<string> {
  const server = `postgres://marginalia:marginalia-local@127.0.0.1:${localPostgres("marginalia", "marginalia-local")}`;
  const name = quick ? "marginalia_bench_quick" : "marginalia_bench";
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  try {
    if (quick) await admin.query(`drop database if exists ${name} with (force)`);
    if (!(await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount)
      await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return `${server}/${name}`;
}

// ---- database and build ----
// The data layer picks its engine's tables when first loaded: set DATABASE_URL before importing it.
if (onPostgres) process.env.DATABASE_URL ??= await localBenchDatabase();
else delete process.env.DATABASE_URL;
const { seedBenchmark } = await import("@/db/testing/bench-seed");
const { countAccounts } = await import("@/db/access/users");
const { benchClassOf, benchUser, currentOpenQuestions, ensureWorkingStudent, revisionTotals } = await import(
  "@/db/testing/bench-queries"
);
const { setUpDatabase } = await import("./setup-database");
const { ensureBuild } = await import("./build");

if (quick && !onPostgres) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
fs.mkdirSync(path.dirname(file), { recursive: true });
const db = await setUpDatabase(file);
if ((await countAccounts()) === 0) {
  const started = performance.now();
  await seedBenchmark(db, { ...seed, lessonSlug: LESSON, passwordHash: await hashPassword(PASSWORD) });
  console.log(
    `Seeded ${seededStudents} students in ${seed.classes} classes in ${Math.round(performance.now() - started)} ms`,
  );
}
await ensureBuild(db, file);
const prerendered = path.join(".next", "server", "app", "lessons", LESSON, `${PASSAGE}.html`);
if (!fs.existsSync(prerendered)) throw new Error(`${prerendered} is missing: the passage page must be prerendered.`);
fs.mkdirSync(path.dirname(STATIC_COPY), { recursive: true });
fs.copyFileSync(prerendered, STATIC_COPY);

const instructor = await benchUser(db, "bench-instructor1@bench.test");
const classId = await benchClassOf(db, instructor.id);
const student = await benchUser(db, "bench-student1@bench.test");
// Autosave is measured as a student still working on the lesson (the seeded ones have all submitted).
const AUTOSAVER = "bench-autosave@bench.test";
// They join another instructor's class, so the instructor's pages below stay those of a class of the seeded size.
const writingClassId = await benchClassOf(db, (await benchUser(db, "bench-instructor2@bench.test")).id);
const autosaver = await ensureWorkingStudent(db, writingClassId, AUTOSAVER, instructor.passwordHash);
const openQuestions = await currentOpenQuestions(db);
// And as a class typing at once: each connection another working student saving its own answers.
const CLASSMATES = quick ? 5 : 50;
const classmates: Awaited<ReturnType<typeof ensureWorkingStudent>>[] = [];
for (let i = 1; i <= CLASSMATES; i++)
  classmates.push(
    await ensureWorkingStudent(db, writingClassId, `bench-autosave-${i}@bench.test`, instructor.passwordHash),
  );

// ---- server ----
const signIn = (email: string) => signInOverHttp(BASE, email, PASSWORD);

// ---- measuring ----
type Run = {
  name: string;
  path: string;
  connections: number;
  requestsPerSec: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Of non2xx, the 503s: the database asked for the write to be tried again (the page retries them). */
  busy?: number;
};

async function load(
  name: string,
  urlPath: string,
  connections: number,
  options: Partial<autocannon.Options> = {},
): Promise<Run> {
  const result = await autocannon({
    url: `${BASE}${urlPath}`,
    connections,
    duration: DURATION_S,
    pipelining: 1,
    ...options,
  });
  const run: Run = {
    name,
    path: urlPath,
    connections,
    requestsPerSec: Math.round(result.requests.total / result.duration),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    busy: (result as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats?.["503"]?.count ?? 0,
  };
  console.log(
    `  ${name.padEnd(46)} @${String(connections).padStart(2)}  ${String(run.requestsPerSec).padStart(6)} req/s  p50 ${run.p50_ms} ms  p99 ${run.p99_ms} ms${run.non2xx || run.errors ? `  (${run.non2xx} non-2xx, ${run.errors} errors)` : ""}`,
  );
  return run;
}

type Target = { name: string; figure: number; comparison: ">=" | "<="; bound: number; met: boolean };
const target = (name: string, figure: number, comparison: Target["comparison"], bound: number): Target => ({
  name,
  figure,
  comparison,
  bound,
  met: Number.isFinite(figure) && (comparison === ">=" ? figure >= bound : figure <= bound),
});

const ratio = (a: number, b: number) => (b > 0 ? +(a / b).toFixed(3) : 0);

/**
 * Sign-ins as the form makes them (the CSRF request, then the credentials post), `connections`
 * at a time for the run's length, each as another seeded student. Password hashing is most of it.
 */
async function signInRun(connections: number): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const email = `bench-student${(next++ % seededStudents) + 1}@bench.test`;
        const t = performance.now();
        const res = await postCredentials(BASE, email, PASSWORD).catch(() => null);
        if (res?.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))) {
          latencies.push(performance.now() - t);
        } else errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN);
  const run: Run = {
    name: "sign-in (CSRF + credentials post)",
    path: "/api/auth/callback/credentials",
    connections,
    requestsPerSec: +(latencies.length / ((performance.now() - started) / 1000)).toFixed(1),
    p50_ms: percentile(0.5),
    p99_ms: percentile(0.99),
    requests: latencies.length,
    errors,
    non2xx: 0,
  };
  console.log(
    `  ${run.name.padEnd(46)} @${String(connections).padStart(2)}  ${String(run.requestsPerSec).padStart(6)} /s     p50 ${run.p50_ms} ms  p99 ${run.p99_ms} ms${errors ? `  (${errors} failed)` : ""}`,
  );
  return run;
}

/**
 * A class arriving at once: `size` students (each another seeded one) press "Sign in" at the same
 * moment. The figure is the time until the last of them is signed in.
 */
async function classArrival(size: number, firstStudent: number) {
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: size }, async (_, i) => {
      const email = `bench-student${((firstStudent + i) % seededStudents) + 1}@bench.test`;
      const res = await postCredentials(BASE, email, PASSWORD).catch(() => null);
      const ok = !!res?.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="));
      return { ok, ms: performance.now() - started };
    }),
  );
  const allSignedInMs = Math.round(Math.max(...outcomes.map((o) => o.ms)));
  const failed = outcomes.filter((o) => !o.ok).length;
  const signInsPerSec = +((size - failed) / (allSignedInMs / 1000)).toFixed(2);
  const cores = (await import("node:os")).availableParallelism();
  const result = {
    size,
    allSignedInMs,
    failed,
    signInsPerSec,
    signInsPerSecPerCore: +(signInsPerSec / cores).toFixed(2),
  };
  console.log(
    `  a class of ${String(size).padStart(3)} pressing "Sign in" at once: all signed in after ${(allSignedInMs / 1000).toFixed(1)} s (${signInsPerSec} sign-ins/s, ${result.signInsPerSecPerCore} per core)${failed ? `; ${failed} failed` : ""}`,
  );
  return result;
}

/**
 * Every same-origin request a signed-in student's Chromium makes on loading `urlPath`, except the
 * build's static files (scripts, styles, icons): the document, its data and any prefetches, with
 * the headers the browser sent (an RSC prefetch is answered differently from a page). Recorded
 * until the network has been idle; e2e/read-lesson.spec.ts checks which requests they are.
 */
async function recordView(urlPath: string, cookie: string) {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const context = await browser.newContext();
    const split = cookie.indexOf("=");
    await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: BASE }]);
    const page = await context.newPage();
    const seen: Promise<{ name: string; path: string; headers: Record<string, string> }>[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.origin !== new URL(BASE).origin || url.pathname.startsWith("/_next/static/")) return;
      if (/\.(?:svg|ico|png|css|js|woff2?)$/.test(url.pathname)) return;
      const path = `${url.pathname}${url.search}`;
      seen.push(
        r.allHeaders().then((all) => {
          const headers = Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith(":") && k !== "host"));
          const rsc = !!headers.rsc;
          const name =
            path === urlPath
              ? "passage page (student's cookie)"
              : url.pathname === "/api/workspace"
                ? "GET /api/workspace (drafts, progress, discussion)"
                : `${rsc ? "prefetch " : "GET "}${url.pathname}`;
          return { name, path, headers };
        }),
      );
    });
    await page.goto(`${BASE}${urlPath}`, { waitUntil: "networkidle" });
    await page.waitForTimeout(1_000); // prefetches start when the browser is idle
    const requests = await Promise.all(seen);
    // Each request is measured and counted on its own, the same one made twice included.
    const count = new Map<string, number>();
    return requests.map((r) => {
      const n = (count.get(r.name) ?? 0) + 1;
      count.set(r.name, n);
      return n === 1 ? r : { ...r, name: `${r.name} (${n})` };
    });
  } finally {
    await browser.close();
  }
}

async function firstLoadJavaScript(html: string) {
  // The scripts a current browser loads: every <script src> except the noModule polyfills.
  const srcs = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1]!)
    .filter((attrs) => !/\bnoModule\b/i.test(attrs))
    .flatMap((attrs) => attrs.match(/\bsrc="([^"]+)"/)?.[1] ?? []);
  let raw = 0;
  let gzip = 0;
  for (const src of new Set(srcs)) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { scripts: new Set(srcs).size, rawBytes: raw, gzipBytes: gzip };
}

/** Lighthouse's CLI against the running server; scores out of 100, timings in ms. */
function runLighthouse(url: string) {
  const out = path.join("bench", "results", "lighthouse.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const result = spawnSync(
    "npx",
    [
      "lighthouse",
      url,
      "--quiet",
      "--output=json",
      `--output-path=${out}`,
      "--only-categories=performance,accessibility",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking",
    ],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
      timeout: 180_000,
    },
  );
  if (result.status !== 0 || !fs.existsSync(out))
    return { performance: NaN, accessibility: NaN, lcp_ms: NaN, tbt_ms: NaN, cls: NaN };
  const lhr = JSON.parse(fs.readFileSync(out, "utf8")) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue?: number }>;
  };
  return {
    performance: Math.round(lhr.categories.performance!.score * 100),
    accessibility: Math.round(lhr.categories.accessibility!.score * 100),
    lcp_ms: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN),
    tbt_ms: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? NaN),
    cls: +(lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3),
  };
}

// One app server on PORT, or several behind HAProxy on PORT (scripts/lib/cluster.ts); the same load either way.
let stop: () => unknown;
if (replicas > 1) {
  const cluster = await startCluster({ replicas, port: PORT, env: {}, logDir: path.join("data", "bench-cluster") });
  stop = () => cluster.stop();
} else {
  const server = await startNextServer({ port: PORT, env: onPostgres ? {} : { DATABASE_PATH: file } });
  stop = () => server.signal("SIGTERM");
  process.on("exit", () => server.signal("SIGTERM"));
}

try {
  const passagePath = `/lessons/${LESSON}/${PASSAGE}`;
  const [studentCookie, instructorCookie, autosaverCookie] = [
    await signIn(student.email),
    await signIn(instructor.email),
    await signIn(autosaver.email),
  ];
  const asInstructor = { headers: { cookie: instructorCookie } };

  console.log(
    `\nMarginalia benchmark${quick ? " (quick smoke run)" : ""} on ${setup}: ${DURATION_S} s a run, autocannon against ${BASE}`,
  );
  console.log(
    `[${elapsed()}] 1. The limit: the passage page's bytes as a file in public/, and the prerendered page for an anonymous reader`,
  );
  const limits: Run[] = [];
  for (const c of [10, 50]) {
    limits.push(await load("static file (same bytes, public/)", "/bench/passage.html", c));
    limits.push(await load("passage page, anonymous", passagePath, c));
  }
  const at = (runs: Run[], name: string, c: number) => runs.find((r) => r.name === name && r.connections === c)!;
  const pageToStatic = {
    at10: ratio(
      at(limits, "passage page, anonymous", 10).requestsPerSec,
      at(limits, "static file (same bytes, public/)", 10).requestsPerSec,
    ),
    at50: ratio(
      at(limits, "passage page, anonymous", 50).requestsPerSec,
      at(limits, "static file (same bytes, public/)", 50).requestsPerSec,
    ),
  };
  console.log(`  ratio page / static file: ${pageToStatic.at10} @10, ${pageToStatic.at50} @50`);

  console.log(
    `[${elapsed()}] 2. A signed-in student's view of the passage: every request Chromium makes on loading it`,
  );
  const viewRequests = await recordView(passagePath, studentCookie);
  console.log(`  recorded in Chromium: ${viewRequests.map((r) => r.name).join("; ")}`);
  const view: Run[] = [];
  for (const c of [10, 50]) {
    for (const r of viewRequests) view.push(await load(r.name, r.path, c, { headers: r.headers }));
  }
  const anonymousAt50 = await load("passage page, anonymous (same run)", passagePath, 50);
  // A view costs one of each request: views/s is the harmonic combination of their rates.
  const viewsPerSec = (c: number) => {
    const rates = viewRequests.map((r) => at(view, r.name, c).requestsPerSec);
    return rates.every((x) => x > 0) ? Math.round(1 / rates.reduce((s, x) => s + 1 / x, 0)) : 0;
  };
  const views = {
    at10: viewsPerSec(10),
    at50: viewsPerSec(50),
    ratioToAnonymousPageAt50: ratio(viewsPerSec(50), anonymousAt50.requestsPerSec),
  };
  console.log(
    `  student views/s: ${views.at10} @10, ${views.at50} @50; ratio to the anonymous page @50: ${views.ratioToAnonymousPageAt50}`,
  );

  console.log(`[${elapsed()}] 3. Answer autosave through PUT /api/answers, the endpoint the page uses`);
  const saveRequests = (cookie: string) =>
    openQuestions.map((q, i) => ({
      method: "PUT" as const,
      path: "/api/answers",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({
        lessonSlug: LESSON,
        questionKey: q.key,
        contextKey: writingClassId,
        response: { type: "open_response", text: `Benchmark draft ${i}: the article hedges its claim.` },
      }),
    }));
  /** Saves as fast as `connections` clients can, each signed in as one of `students` in turn, and counts what landed. */
  const measureAutosave = async (name: string, connections: number, students: { id: string; cookie: string }[]) => {
    const ids = students.map((s) => s.id);
    // Every save bumps its answer's revision by one, so the sum of revisions counts the saves that landed.
    const before = await revisionTotals(db, ids);
    let next = 0;
    const run = await load(name, "/api/answers", connections, {
      setupClient: (client) => client.setRequests(saveRequests(students[next++ % students.length]!.cookie)),
    });
    const after = await revisionTotals(db, ids);
    const acknowledged = run.requests - run.non2xx - run.errors;
    const savesInDatabase = after.n - before.n;
    const lost = Math.max(0, acknowledged - savesInDatabase);
    console.log(
      `  acknowledged ${acknowledged} saves; the database counts ${savesInDatabase} (${after.rows} answers); lost: ${lost}${run.busy ? `; ${run.busy} answered 503 (busy: retried by the page)` : ""}`,
    );
    return { run, acknowledged, savesInDatabase, lost };
  };
  const autosave = await measureAutosave("PUT /api/answers (autosave), one student", 50, [
    { id: autosaver.id, cookie: autosaverCookie },
  ]);
  const classmateSessions: { id: string; cookie: string }[] = [];
  for (const c of classmates) classmateSessions.push({ id: c.id, cookie: await signIn(c.email) });
  const classAutosave = await measureAutosave(
    `PUT /api/answers (autosave), ${CLASSMATES} students`,
    CLASSMATES,
    classmateSessions,
  );

  console.log(
    `[${elapsed()}] 4. Instructor views of a ${seed.studentsPerClass}-student class, ${seededStudents} students in the database`,
  );
  const reviewPath = `/classes/${classId}/review`;
  const gradebookPath = `/classes/${classId}/gradebook`;
  const classPath = `/classes/${classId}`;
  // A server in use has compiled these pages' code and filled its cache: one short unmeasured run each first.
  for (const warm of [reviewPath, gradebookPath, classPath])
    await autocannon({ url: `${BASE}${warm}`, connections: 10, duration: 1, ...asInstructor });
  const instructorRuns = [
    await load("review queue page", reviewPath, 10, asInstructor),
    await load("gradebook page", gradebookPath, 10, asInstructor),
    // Not a target of its own: the page a teacher opens first, with the roster's progress per lesson.
    await load("class page (roster and progress)", classPath, 10, asInstructor),
  ];

  console.log(`[${elapsed()}] 5. Sign-ins, ${seededStudents} different students in turn`);
  const signIns = await signInRun(8);
  const arrivals: Awaited<ReturnType<typeof classArrival>>[] = [];
  for (const size of quick ? [10] : [30, 200]) arrivals.push(await classArrival(size, arrivals.length * 200));

  console.log(`[${elapsed()}] 6. Size of the passage page`);
  const html = await (await fetch(`${BASE}${passagePath}`)).text();
  const js = await firstLoadJavaScript(html);
  const size = {
    htmlBytes: Buffer.byteLength(html),
    htmlGzipBytes: gzipSync(html, { level: 9 }).length,
    firstLoadJs: js,
  };
  console.log(
    `  HTML ${size.htmlBytes} bytes (${size.htmlGzipBytes} gzip); first-load JavaScript ${js.scripts} scripts, ${(js.gzipBytes / 1024).toFixed(1)} KB gzip`,
  );

  console.log(
    `[${elapsed()}] 7. Lighthouse 12.2.3 (Debian Chromium, default mobile profile) on the passage page, as an anonymous reader`,
  );
  const lighthouse = runLighthouse(`${BASE}${passagePath}`);
  console.log(
    `  performance ${lighthouse.performance}, accessibility ${lighthouse.accessibility}; LCP ${lighthouse.lcp_ms} ms, TBT ${lighthouse.tbt_ms} ms, CLS ${lighthouse.cls}`,
  );

  const report = {
    measuredAt: new Date().toISOString(),
    mode: quick ? "quick" : "full",
    setup,
    machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
    database: `${seededStudents} students in ${seed.classes} classes, every question answered, feedback on half`,
    durationSecondsPerRun: DURATION_S,
    limits: { runs: limits, pageToStatic },
    studentView: { runs: [...view, anonymousAt50], viewsPerSec: views },
    autosave,
    classAutosave,
    instructor: instructorRuns,
    signIns,
    arrivals,
    size,
    lighthouse,
    targets: [] as Target[],
  };
  const arrival30 = arrivals.find((a) => a.size === 30) ?? arrivals[0]!;
  report.targets = [
    target("anonymous passage page / static file, @50", pageToStatic.at50, ">=", 0.2),
    target(
      `signed-in view (its ${viewRequests.length} requests) / anonymous page, @50`,
      views.ratioToAnonymousPageAt50,
      ">=",
      0.33,
    ),
    target("autosave, one student @50 (saves/s)", autosave.run.requestsPerSec, ">=", 600),
    target("autosave: acknowledged saves lost", autosave.lost + classAutosave.lost, "<=", 0),
    target("review queue page p99 @10 (ms)", instructorRuns[0]!.p99_ms, "<=", 100),
    target("gradebook page p99 @10 (ms)", instructorRuns[1]!.p99_ms, "<=", 100),
    target(`a class of ${arrival30.size} signing in at once: all in (s)`, arrival30.allSignedInMs / 1000, "<=", 10),
    target("first-load JavaScript (KB gzip)", +(js.gzipBytes / 1024).toFixed(1), "<=", 160),
    target("Lighthouse performance", lighthouse.performance, ">=", 95),
    target("Lighthouse accessibility", lighthouse.accessibility, ">=", 100),
  ];
  console.log(`\nTargets${quick ? " (a quick run's figures are not comparable: shown, not judged)" : ""}:`);
  for (const t of report.targets)
    console.log(
      `  ${t.name.padEnd(62)} ${String(t.figure).padStart(8)}  target ${t.comparison} ${t.bound}  ${t.met ? "met" : "not met"}`,
    );

  fs.mkdirSync("bench/results", { recursive: true });
  const name = onPostgres ? `bench-postgres-${replicas}` : "bench";
  const out = path.join("bench", "results", `${name}${quick ? "-quick" : ""}.json`);
  fs.writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`\nWritten to ${out} after ${elapsed()}`);

  // Smoke checks (both modes): each measurement ran and produced numbers; no request failed; no save was lost.
  const failedArrivals = arrivals.filter((a) => a.failed > 0);
  const allRuns = [...limits, ...view, anonymousAt50, autosave.run, classAutosave.run, ...instructorRuns, signIns];
  const problems = [
    ...allRuns
      .filter((r) => !(r.requestsPerSec > 0) || !Number.isFinite(r.p99_ms))
      .map((r) => `${r.name} @${r.connections} produced no numbers`),
    ...allRuns
      // Across servers, one student's fifty saves at once can still collide past the retries: those
      // are answered 503 (the page retries them) and must not be lost, which is checked below.
      .filter((r) => !(replicas > 1 && r === autosave.run && r.errors === 0 && r.non2xx === r.busy))
      .filter((r) => r.non2xx > 0 || r.errors > 0)
      .map((r) => `${r.name} @${r.connections}: ${r.non2xx} non-2xx responses, ${r.errors} errors`),
    ...(autosave.lost ? [`${autosave.lost} acknowledged saves are not in the database`] : []),
    ...(classAutosave.lost
      ? [`${classAutosave.lost} acknowledged saves of the ${CLASSMATES} students are not in the database`]
      : []),
    ...failedArrivals.map((a) => `${a.failed} of a class of ${a.size} signing in at once were not signed in`),
    ...(js.scripts > 0 && js.gzipBytes > 0 ? [] : ["no first-load JavaScript was found in the page"]),
    ...([lighthouse.performance, lighthouse.accessibility, lighthouse.lcp_ms, lighthouse.tbt_ms, lighthouse.cls].every(
      (x) => typeof x === "number" && Number.isFinite(x),
    )
      ? []
      : ["Lighthouse produced no scores"]),
  ];
  if (problems.length) {
    console.error(`\nBenchmark problems:\n- ${problems.join("\n- ")}`);
    process.exitCode = 1;
  }
} finally {
  await stop();
}
