import { performance } from "node:perf_hooks";
process.env.DATABASE_PATH = "data/bench.db";
const { getDb } = await import("@/db/client");
const db = getDb();
const captured: { sql: string; params: unknown[] }[] = [];
(db as any).session.logger = { logQuery: (sql: string, params: unknown[]) => captured.push({ sql, params }) };
const { getWorkspace } = await import("@/db/access/answers");
const { getPassageDiscussion } = await import("@/db/access/discussions");
const u = db.$client.prepare("select id, name, email, role from users where email='bench-student1@bench.test'").get() as any;
const actor = { userId: u.id, role: u.role, name: u.name, email: u.email };
await getWorkspace(actor, "tajikistan-islamic-state", "a-colonel-defects");
await getPassageDiscussion(actor, { lessonSlug: "tajikistan-islamic-state", passageKey: "a-colonel-defects" });
for (const q of captured) {
  const st = db.$client.prepare(q.sql);
  const run = () => (st.reader ? st.all(...(q.params as any[])) : null);
  if (!st.reader) { console.log("write", q.sql.slice(0, 80)); continue; }
  for (let i = 0; i < 20; i++) run();
  const s = performance.now(); for (let i = 0; i < 200; i++) run();
  console.log(((performance.now() - s) / 200).toFixed(3), "ms", q.sql.slice(0, 150));
}
