import path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { freshAppDatabase } from "@/db/testing/test-database";
import type { StandInPerson } from "@/db/testing/lti-stand-in";
import { launchThrough, registeredStandIn } from "@/db/testing/lti-launches";
import { insertPerson } from "@/db/testing/people";
import { importLessonFolders } from "@/content/import";
import { enrollments, users } from "@/db/schema";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { LTI_CLAIM } from "@/lib/lti/launch";
import { NRPS_MEDIA_TYPE, NRPS_SCOPE } from "@/lib/lti/roster";
import { canSyncRoster, syncRoster } from "./lti-roster";

const db = await freshAppDatabase();
assert.ok((await importLessonFolders(db, [path.join("content", "lessons", "tajikistan-islamic-state")])).ok);
const lms = await registeredStandIn();
const memberships = `${lms.issuer}/courses/9/memberships`;

const launch = (person: StandInPerson, course = { id: "course-9", title: "Geography 9" }, roster = true) =>
  launchThrough(lms, person, {
    course,
    overrides: roster
      ? { [LTI_CLAIM.rosterService]: { context_memberships_url: memberships, service_versions: ["2.0"] } }
      : {},
  });

const learner = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
const pages: Record<string, { members: unknown[]; next?: string }> = {
  [memberships]: {
    members: [
      { user_id: "s-1", roles: [learner], name: "Ann Bell", email: "ann@school.example" },
      { user_id: "s-2", roles: [learner], status: "Inactive", name: "Gone Away" },
      { user_id: "t-9", roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"], name: "Teacher" },
    ],
    next: `${memberships}?page=2`,
  },
  [`${memberships}?page=2`]: {
    members: [
      { user_id: "s-3", roles: [learner], given_name: "Cai", family_name: "Dunn" },
      // An LMS person whose Marginalia account teaches: not made a student.
      { user_id: "t-2", roles: [learner], name: "Also a teacher" },
    ],
  },
};

function rosterEndpoints({ status = 200 } = {}) {
  const asked: string[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (url === `${lms.issuer}/token`) {
      assert.equal(new URLSearchParams(String(init?.body)).get("scope"), NRPS_SCOPE);
      return Response.json({ access_token: "roster-token", expires_in: 3600 });
    }
    asked.push(url);
    assert.equal(new Headers(init?.headers).get("accept"), NRPS_MEDIA_TYPE);
    assert.equal(new Headers(init?.headers).get("authorization"), "Bearer roster-token");
    if (status !== 200) return new Response("no", { status });
    const page = pages[url]!;
    return Response.json(
      { id: memberships, context: { id: "course-9" }, members: page.members },
      { headers: page.next ? { link: `<${page.next}>; rel="next"` } : {} },
    );
  }) as typeof fetch;
  return { fetchImpl, asked };
}

test("the instructor pulls the course's active learners into the class, once, page by page", async () => {
  await launch({ sub: "t-2", name: "Other Teacher", role: "Instructor" }, { id: "course-elsewhere", title: "Other" });
  const teacher = await launch({ sub: "t-1", name: "Ada Obi", role: "Instructor" });
  assert.equal(await canSyncRoster(teacher.actor, teacher.classId), true);

  const endpoints = rosterEndpoints();
  assert.deepEqual(await syncRoster(teacher.actor, teacher.classId, { fetchImpl: endpoints.fetchImpl }), {
    added: 2,
    alreadyIn: 0,
    skipped: 1,
  });
  assert.deepEqual(endpoints.asked, [memberships, `${memberships}?page=2`]);
  const names = (
    await db
      .select({ name: users.name })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.studentId))
      .where(eq(enrollments.classId, teacher.classId))
  )
    .map((r) => r.name)
    .sort();
  assert.deepEqual(names, ["Ann Bell", "Cai Dunn"]);

  // Again: nobody twice. And the student's own launch later finds the same account.
  assert.deepEqual(await syncRoster(teacher.actor, teacher.classId, { fetchImpl: rosterEndpoints().fetchImpl }), {
    added: 0,
    alreadyIn: 2,
    skipped: 1,
  });
  const ann = await launch({ sub: "s-1", name: "Ann Bell", role: "Learner" });
  assert.equal(ann.name, "Ann Bell");
  assert.equal((await db.select().from(enrollments).where(eq(enrollments.studentId, ann.userId))).length, 1);
});

test("a roster the LMS refuses is a clear error and changes nothing; only the class's instructor may sync", async () => {
  const teacher = await launch({ sub: "t-1", name: "Ada Obi", role: "Instructor" });
  const before = await db.select().from(enrollments);
  await assert.rejects(
    syncRoster(teacher.actor, teacher.classId, { fetchImpl: rosterEndpoints({ status: 403 }).fetchImpl }),
    (err: unknown) => err instanceof DomainError && /HTTP 403/.test(err.message),
  );
  assert.deepEqual(await db.select().from(enrollments), before);

  const student = await launch({ sub: "s-1", name: "Ann Bell", role: "Learner" });
  await assert.rejects(syncRoster(student.actor, teacher.classId), ForbiddenError);
  await assert.rejects(syncRoster(await insertPerson(db, "instructor"), teacher.classId), NotFoundError);

  // A course launched without a roster service says so.
  const plain = await launch(
    { sub: "t-3", name: "Bo Ng", role: "Instructor" },
    { id: "c-plain", title: "Plain" },
    false,
  );
  assert.equal(await canSyncRoster(plain.actor, plain.classId), false);
  await assert.rejects(syncRoster(plain.actor, plain.classId), DomainError);
});
