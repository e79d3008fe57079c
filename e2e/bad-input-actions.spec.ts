import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { lessonSlug, signIn, signUpStudent } from "./helpers";
import { startOwnServer, type OwnServer } from "./own-server";
import { actionStateOf } from "../scripts/lib/server-action-replay";
import { databaseFingerprint, demoClassObjects, joinCodeOf } from "../db/testing/inspection";

/**
 * Every server action (the forms), sent malformed and hostile input the way React sends a form:
 * each field missing, empty, huge, with a null byte, invalid UTF-8, SQL, HTML, odd numbers, a file
 * instead of text, another person's ids; extra and forged fields; and broken envelopes. On a server
 * of its own, so the whole database can be compared: a refused request changes nothing at all, no
 * request gets a 500, and text that is accepted (a class named `<script>…`) is shown as text.
 */
type Ids = {
  demoClass: string;
  otherClass: string;
  otherClassCode: string;
  student5: string;
  assignment: string;
  answer: string;
  gradedAnswer: string;
  otherAnswer: string;
};
type ActionCase = {
  exportedName: string;
  as: "visitor" | "student" | "instructor";
  path: (ids: Ids) => string;
  valid: (ids: Ids) => Record<string, string | string[]>;
  /** Fields where any storable text is a valid value: hostile text there may be accepted (and must then show as text). */
  freeText?: string[];
  /** Fields a person may leave empty (an unticked box, no due date): missing or empty may be accepted. */
  optional?: string[];
  /**
   * For an action whose valid request can only succeed on something this suite's database has not
   * got: the refusal its valid request gets instead (which shows it reached the action, past the
   * input and the asker), and where it is accepted.
   */
  acceptedOnly?: { refusal: RegExp; where: string };
};

const actions: ActionCase[] = [
  {
    exportedName: "signUpAction",
    as: "visitor",
    path: () => "/signup",
    valid: () => ({ name: "New Person", email: `hostile.${Date.now()}@example.org`, password: "a good long password" }),
    freeText: ["name"],
  },
  {
    exportedName: "createClassAction",
    as: "instructor",
    path: () => "/classes",
    valid: () => ({ name: "Hostile class" }),
    freeText: ["name"],
  },
  {
    exportedName: "regenerateJoinCodeAction",
    as: "instructor",
    path: (i) => `/classes/${i.demoClass}`,
    valid: (i) => ({ classId: i.demoClass }),
  },
  {
    exportedName: "removeStudentAction",
    as: "instructor",
    path: (i) => `/classes/${i.demoClass}`,
    valid: (i) => ({ classId: i.demoClass, studentId: i.student5 }),
  },
  {
    exportedName: "assignLessonAction",
    as: "instructor",
    path: (i) => `/classes/${i.demoClass}`,
    valid: (i) => ({ classId: i.demoClass, lessonSlug, dueDate: "2031-03-14", showAnswersAfterSubmit: "on" }),
    optional: ["dueDate", "showAnswersAfterSubmit"],
  },
  {
    exportedName: "unassignLessonAction",
    as: "instructor",
    path: (i) => `/classes/${i.demoClass}`,
    valid: (i) => ({ classId: i.demoClass, assignmentId: i.assignment }),
  },
  { exportedName: "leaveClassAction", as: "student", path: () => "/classes", valid: (i) => ({ classId: i.demoClass }) },
  {
    exportedName: "syncRosterAction",
    as: "instructor",
    path: (i) => `/classes/${i.demoClass}`,
    valid: (i) => ({ classId: i.demoClass }),
    acceptedOnly: {
      refusal: /does not share its roster/,
      where: "a class opened from an LMS course that shares its roster: e2e/lti.spec.ts",
    },
  },
  {
    exportedName: "shareSnapshotAction",
    as: "instructor",
    path: (i) => `/classes/${i.demoClass}/share`,
    valid: (i) => ({
      classId: i.demoClass,
      lessonSlug,
      questionKey: "headline-claim-strength",
      answerIds: [i.answer],
      title: "Snapshot",
      note: "Look",
    }),
    freeText: ["title", "note"],
  },
  {
    exportedName: "overrideGradeAction",
    as: "instructor",
    path: (i) => `/classes/${i.demoClass}/review`,
    valid: (i) => ({ classId: i.demoClass, answerId: i.gradedAnswer, points: "1", reason: "Because" }),
    freeText: ["reason"],
  },
  {
    exportedName: "returnOneAction",
    as: "instructor",
    path: (i) => `/classes/${i.demoClass}/review`,
    valid: (i) => ({ classId: i.demoClass, answerId: i.gradedAnswer }),
  },
  { exportedName: "joinClassAction", as: "student", path: () => "/join", valid: (i) => ({ code: i.otherClassCode }) },
  {
    exportedName: "updateProfileAction",
    as: "student",
    path: () => "/account",
    valid: () => ({ name: "Student One" }),
    freeText: ["name"],
  },
  {
    exportedName: "changePasswordAction",
    as: "student",
    path: () => "/account",
    valid: () => ({
      currentPassword: "marginalia-demo",
      newPassword: "another long password",
      confirmPassword: "another long password",
    }),
  },
  { exportedName: "endAllSessionsAction", as: "student", path: () => "/account", valid: () => ({}) },
  {
    exportedName: "submitLessonAction",
    as: "student",
    path: () => `/lessons/${lessonSlug}/summary`,
    valid: (i) => ({ lessonSlug, contextKey: i.demoClass }),
  },
];

type Part = { name: string; value: string | Buffer; file?: boolean };

/** A body the way React encodes a form for a server action: the fields as `_1_…`, then the root row. */
function encode(
  parts: Part[],
  root = JSON.stringify([{ status: "idle" }, "$K1"]),
): { body: Buffer; contentType: string } {
  const boundary = `----marginalia${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of [...parts.map((p) => ({ ...p, name: `_1_${p.name}` })), { name: "0", value: root }]) {
    const disposition = `form-data; name="${p.name}"${"file" in p && p.file ? `; filename="a.txt"\r\nContent-Type: text/plain` : ""}`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`),
      Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function partsOf(values: Record<string, string | string[]>): Part[] {
  return Object.entries(values).flatMap(([name, v]) => (Array.isArray(v) ? v : [v]).map((value) => ({ name, value })));
}

const sqlText = "' OR 1=1; DROP TABLE users; --";
const htmlText = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2">`;

/** Each field replaced by each hostile value (or missing), and the whole form's mischief. */
function variants(c: ActionCase, ids: Ids): { label: string; parts: Part[]; mayAccept: boolean }[] {
  const valid = c.valid(ids);
  const out: { label: string; parts: Part[]; mayAccept: boolean }[] = [
    {
      label: "a forged role and user id",
      parts: [...partsOf(valid), { name: "role", value: "instructor" }, { name: "userId", value: ids.student5 }],
      mayAccept: false,
    },
    { label: "an extra field", parts: [...partsOf(valid), { name: "isAdmin", value: "true" }], mayAccept: false },
  ];
  const foreign = (field: string) =>
    /class/i.test(field)
      ? ids.otherClass
      : /answer/i.test(field)
        ? ids.otherAnswer
        : "00000000-0000-4000-8000-000000000000";
  for (const field of Object.keys(valid)) {
    const free = c.freeText?.includes(field) ?? false;
    const optional = c.optional?.includes(field) ?? false;
    const hostile: [string, Part["value"], boolean][] = [
      ["empty", "", optional],
      ["a huge string", "x".repeat(900_000), false],
      ["a null byte", "a\u0000b", false],
      ["invalid UTF-8", Buffer.from([0x61, 0xff, 0xfe, 0xc3, 0x28, 0x62]), false],
      ["SQL", sqlText, free],
      ["HTML and script", htmlText, free],
      ["a negative number", "-1", free],
      ["a huge number", "1e309", free],
      ["another person's object", foreign(field), free],
    ];
    out.push({ label: `without ${field}`, parts: partsOf(valid).filter((p) => p.name !== field), mayAccept: optional });
    // (A file where text belongs is no text at all: the same as leaving the field out.)
    out.push({
      label: `${field} as a file`,
      parts: [...partsOf(valid).filter((p) => p.name !== field), { name: field, value: "text", file: true }],
      mayAccept: optional,
    });
    for (const [label, value, mayAccept] of hostile) {
      out.push({
        label: `${field} as ${label}`,
        parts: [...partsOf(valid).filter((p) => p.name !== field), { name: field, value }],
        mayAccept,
      });
    }
  }
  return out;
}

/** Whole requests that are not what a form sends, each of which Next.js alone would answer with a 500. */
const brokenEnvelopes: { label: string; body: Buffer; contentType: string }[] = [
  {
    label: "a string body that is not a JSON array",
    body: Buffer.from('"x"'),
    contentType: "text/plain;charset=UTF-8",
  },
  { label: "unparseable multipart", body: Buffer.from("garbage"), contentType: "multipart/form-data; boundary=zzz" },
  { label: "a root row that is not JSON", ...encode([], "{not json") },
  { label: "a root row referring to a missing row", ...encode([], JSON.stringify(["$Q7"])) },
  {
    label: "a root row with a promise",
    ...encode([{ name: "name", value: "x" }], JSON.stringify([{ status: "idle" }, "$@1"])),
  },
  { label: "a body over 1 MB", ...encode([{ name: "name", value: "x".repeat(1_100_000) }]) },
];

/** A refused request must leave the whole database as it was (wrong current passwords are counted on purpose). */
const fingerprint = async (database: string) => await databaseFingerprint(database, ["sign_in_throttle"]);

async function readIds(database: string, otherClass: string): Promise<Ids> {
  return {
    ...(await demoClassObjects(database)),
    otherClass,
    otherClassCode: await joinCodeOf(database, otherClass),
    otherAnswer: "00000000-0000-4000-8000-00000000a5a5",
  };
}

// One server for the file, its tests one after the other: each compares that server's database.
test.describe.configure({ mode: "serial" });
let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer("actions");
});
test.afterAll(() => server?.stop());

async function signedIn(browser: Browser, as: ActionCase["as"]): Promise<APIRequestContext> {
  const page = await (await browser.newContext({ baseURL: server.base })).newPage();
  if (as === "student") await signIn(page, "student1@demo.test");
  if (as === "instructor") await signIn(page, "instructor@demo.test");
  return page.request;
}

type World = {
  ids: Ids;
  other: APIRequestContext;
  requests: Record<ActionCase["as"], APIRequestContext>;
  send: (
    c: ActionCase,
    as: APIRequestContext,
    body: Buffer,
    contentType: string,
    headers?: Record<string, string>,
  ) => Promise<import("@playwright/test").APIResponse>;
};

/** The actions' ids from the build, another instructor with a class of their own, and everyone signed in. */
async function setUp(browser: Browser): Promise<World> {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8"))
    .node as Record<string, { exportedName: string }>;
  const actionId = (name: string) => Object.entries(manifest).find(([, a]) => a.exportedName === name)?.[0];
  // Every action of the build is in the table: a new form cannot slip past this suite.
  expect(
    Object.values(manifest)
      .map((a) => a.exportedName)
      .filter((n) => !actions.some((c) => c.exportedName === n)),
  ).toEqual([]);

  // Another instructor's class, for "another person's object".
  const other = await (await browser.newContext({ baseURL: server.base })).newPage();
  await other.goto("/signup");
  await other.getByLabel("Your name").fill("Other Teacher");
  await other.getByLabel("Email").fill(`other.teacher.${Date.now()}@example.org`);
  await other.getByLabel("Password", { exact: true }).fill("a good long password");
  await other
    .getByLabel("Instructor code (instructors only)")
    .fill(process.env.INSTRUCTOR_SIGNUP_CODE ?? "e2e-instructor-code-2026");
  await other.getByRole("button", { name: "Create account" }).click();
  await other.getByLabel("Class name").fill("Someone else's class");
  await other.getByRole("button", { name: "Create class" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Someone else's class" })).toBeVisible();
  const ids = await readIds(server.database, new URL(other.url()).pathname.split("/").pop()!);
  for (const [k, v] of Object.entries(ids)) expect(v, k).not.toBe("");

  const requests: World["requests"] = {
    visitor: await signedIn(browser, "visitor"),
    student: await signedIn(browser, "student"),
    instructor: await signedIn(browser, "instructor"),
  };
  const send: World["send"] = (c, as, body, contentType, headers = {}) =>
    as.fetch(c.path(ids), {
      method: "POST",
      data: body,
      maxRedirects: 0,
      headers: {
        "Next-Action": actionId(c.exportedName)!,
        Accept: "text/x-component",
        "Content-Type": contentType,
        ...headers,
      },
    });
  return { ids, other: other.request, requests, send };
}

/** Refused: a 4xx, or the action's own answer is its error state. */
function isRefused(status: number, text: string): boolean {
  return status >= 400 || actionStateOf(text)?.status === "error";
}

/** A refusal for who is asking, not for what was sent: no field errors, not "the form was not as expected". */
function isRefusedForWho(status: number, text: string): boolean {
  if (status >= 400) return true;
  const state = actionStateOf(text);
  return (
    state?.status === "error" &&
    Object.keys(state.errors ?? {}).length === 0 &&
    !/not as expected|highlighted/.test(state.message ?? "")
  );
}

test("hostile input to every server action is refused with a message, never a 500, and writes nothing", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const { ids, requests, send: sendAs } = await setUp(browser);
  const failures: string[] = [];
  const kinds = new Set<string>();
  let tried = 0;
  let accepted = 0;

  const send = (c: ActionCase, body: Buffer, contentType: string) => sendAs(c, requests[c.as], body, contentType);

  for (const c of actions) {
    for (const v of variants(c, ids)) {
      kinds.add(v.label.replace(/^(without )?\w+ (as )?/, "$1$2"));
      const before = await fingerprint(server.database);
      const { body, contentType } = encode(v.parts);
      const res = await send(c, body, contentType);
      const text = await res.text();
      tried++;
      const where = `${c.exportedName} ${v.label}: ${res.status()}`;
      if (res.status() >= 500) failures.push(`${where} ${text.slice(0, 200)}`);
      if (/SqliteError|no such table|\bat \S+ \(/.test(text)) failures.push(`${where} leaks internals`);
      const refused = isRefused(res.status(), text);
      if (refused) {
        if (res.status() < 400 && !actionStateOf(text)?.message) failures.push(`${where} refused without a message`);
        if ((await fingerprint(server.database)) !== before)
          failures.push(`${where} was refused but changed the database`);
      } else if (!v.mayAccept) {
        failures.push(`${where} was accepted`);
      } else {
        accepted++;
      }
    }
    for (const e of brokenEnvelopes) {
      kinds.add(e.label);
      const before = await fingerprint(server.database);
      const res = await send(c, e.body, e.contentType);
      tried++;
      const where = `${c.exportedName} ${e.label}: ${res.status()}`;
      if (![400, 413].includes(res.status())) failures.push(where);
      else if (!(await res.json()).message) failures.push(`${where} without a message`);
      if ((await fingerprint(server.database)) !== before) failures.push(`${where} changed the database`);
    }
  }
  console.log(
    `Server actions: ${tried} hostile requests of ${kinds.size} kinds to ${actions.length} actions; ${accepted} accepted as plain text.`,
  );
  expect(failures).toEqual([]);
  expect(accepted, "free text was accepted somewhere, so its rendering is checked below").toBeGreaterThan(0);

  // Accepted hostile text is shown as text, and runs nothing.
  const teacher = await (await browser.newContext({ baseURL: server.base })).newPage();
  teacher.on("dialog", () => failures.push("a dialog opened"));
  await signIn(teacher, "instructor@demo.test");
  await teacher.goto("/classes");
  await expect(teacher.getByRole("link", { name: htmlText }).first()).toBeVisible();
  await expect(teacher.getByRole("link", { name: sqlText }).first()).toBeVisible();
  expect(await teacher.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(failures).toEqual([]);
});

test("every server action posted from another origin gets a 403 with a message (Next.js alone answers 500) and writes nothing", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { ids, requests, send } = await setUp(browser);
  const failures: string[] = [];
  const foreign: [string, Record<string, string>][] = [
    ["another port of the same host", { Origin: "http://127.0.0.1:1", "Sec-Fetch-Site": "same-site" }],
    ["another site", { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }],
    ["an opaque origin", { Origin: "null" }],
  ];
  for (const c of actions) {
    for (const [label, headers] of foreign) {
      const before = await fingerprint(server.database);
      const { body, contentType } = encode(partsOf(c.valid(ids)));
      const res = await send(c, requests[c.as], body, contentType, headers);
      const where = `${c.exportedName} from ${label}: ${res.status()}`;
      if (res.status() !== 403) failures.push(where);
      else if (!/another site/.test(((await res.json()) as { message?: string }).message ?? ""))
        failures.push(`${where} without the message`);
      if ((await fingerprint(server.database)) !== before) failures.push(`${where} changed the database`);
    }
  }
  expect(failures).toEqual([]);
});

/** Actions on someone's class, answer or assignment, with every field valid. */
const protectedActions = [
  "regenerateJoinCodeAction",
  "removeStudentAction",
  "assignLessonAction",
  "unassignLessonAction",
  "shareSnapshotAction",
  "overrideGradeAction",
  "returnOneAction",
  "leaveClassAction",
  "submitLessonAction",
  "syncRosterAction",
];

test("the authorization matrix through HTTP: valid action requests from a visitor, a student of another class and another instructor change nothing", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { ids, requests, other, send } = await setUp(browser);
  const outsiderPage = await (await browser.newContext({ baseURL: server.base })).newPage();
  await signUpStudent(outsiderPage, "Outside Student");
  const askers: [string, APIRequestContext][] = [
    ["a visitor", requests.visitor],
    ["a student of another class", outsiderPage.request],
    ["another instructor", other],
  ];
  const failures: string[] = [];
  let tried = 0;
  for (const c of actions) {
    // Actions on one's own account are only refused without a session; a student may not create classes.
    const asks = protectedActions.includes(c.exportedName) ? askers : c.as === "visitor" ? [] : askers.slice(0, 1);
    if (c.exportedName === "createClassAction") asks.push(["a student", requests.student]);
    for (const [who, request] of asks) {
      const before = await fingerprint(server.database);
      const { body, contentType } = encode(partsOf(c.valid(ids)));
      const res = await send(c, request, body, contentType);
      const text = await res.text();
      tried++;
      if (!isRefusedForWho(res.status(), text))
        failures.push(
          `${c.exportedName} by ${who} was not refused for who they are: ${res.status()} ${JSON.stringify(actionStateOf(text))}`,
        );
      if (res.status() >= 500) failures.push(`${c.exportedName} by ${who}: ${res.status()}`);
      if (text.includes("Demo class") || text.includes("student5@demo.test"))
        failures.push(`${c.exportedName} by ${who} answered with the class's data`);
      if ((await fingerprint(server.database)) !== before)
        failures.push(`${c.exportedName} by ${who} changed the database`);
    }
  }
  console.log(
    `Authorization through HTTP: ${tried} valid action requests from people who may not make them, all refused.`,
  );
  expect(failures).toEqual([]);
  expect(tried).toBeGreaterThan(30);
});

/** The order a person could make them in, with the ones that end a membership or session last. */
const rightfulOrder = [
  "createClassAction",
  "regenerateJoinCodeAction",
  "assignLessonAction",
  "overrideGradeAction",
  "returnOneAction",
  "shareSnapshotAction",
  "submitLessonAction",
  "syncRosterAction",
  "removeStudentAction",
  "unassignLessonAction",
  "joinClassAction",
  "updateProfileAction",
  "changePasswordAction",
  "leaveClassAction",
  "endAllSessionsAction",
  "signUpAction",
];

test("each action's valid request from the person it is for is accepted (so the refusals above are about the input and the asker)", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { ids, requests, send } = await setUp(browser);
  expect([...rightfulOrder].sort()).toEqual(actions.map((c) => c.exportedName).sort());
  const failures: string[] = [];
  for (const name of rightfulOrder) {
    const c = actions.find((a) => a.exportedName === name)!;
    const { body, contentType } = encode(partsOf(c.valid(ids)));
    const res = await send(c, requests[c.as], body, contentType);
    const text = await res.text();
    const state = actionStateOf(text);
    if (c.acceptedOnly) {
      if (state?.status !== "error" || !c.acceptedOnly.refusal.test(state.message ?? ""))
        failures.push(
          `${name}: expected its refusal here (accepted on ${c.acceptedOnly.where}), got ${JSON.stringify(state)}`,
        );
      continue;
    }
    // Accepted: the success state, or a redirect (no state of its own).
    if (res.status() >= 400 || state?.status === "error")
      failures.push(`${name}: ${res.status()} ${JSON.stringify(state)}`);
  }
  expect(failures).toEqual([]);
});
