import { performance } from "node:perf_hooks";
process.env.DATABASE_PATH = "data/bench.db";
const { getDb } = await import("@/db/client");
const { getWorkspace } = await import("@/db/access/answers");
const { getPassageDiscussion } = await import("@/db/access/discussions");
const { findSessionActor } = await import("@/db/access/users");
const db = getDb();
const u = db.$client.prepare("select id, name, email, role, session_version from users where email='bench-student1@bench.test'").get() as any;
const actor = { userId: u.id, role: u.role, name: u.name, email: u.email };
async function t(name: string, f: () => Promise<unknown>, n = 300) {
  for (let i = 0; i < 30; i++) await f();
  const s = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(name, ((performance.now() - s) / n).toFixed(3), "ms");
}
await t("getWorkspace", () => getWorkspace(actor, "tajikistan-islamic-state"));
await t("getPassageDiscussion", () => getPassageDiscussion(actor, { lessonSlug: "tajikistan-islamic-state", passageKey: "a-colonel-defects" }));
await t("findSessionActor", () => findSessionActor(u.id, u.session_version));
