/**
 * The course roster from the LMS (LTI Names and Role Provisioning Services 2.0): the instructor of
 * a class opened from an LMS course pulls its students in, so the gradebook and review list them
 * before they have launched. Each student gets the account their own launch would link to.
 * Students who left the course in the LMS stay in the class: removing is the instructor's call.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { inTransaction } from "../transaction";
import { enrollments, ltiContexts, ltiPlatforms } from "../schema";
import { taughtClass } from "./classes";
import { serviceToken } from "./internal/lti-service-token";
import { linkedAccount } from "./lti-launch";
import type { Actor } from "@/lib/actor";
import { DomainError } from "@/lib/errors";
import { LaunchRefusal } from "@/lib/lti/launch";
import {
  activeLearners,
  MAX_ROSTER_PAGES,
  membershipContainerSchema,
  nextPageUrl,
  NRPS_MEDIA_TYPE,
  NRPS_SCOPE,
  type RosterMember,
} from "@/lib/lti/roster";

async function courseOf(classId: string) {
  return (
    await getDb()
      .select({ issuer: ltiContexts.issuer, membershipsUrl: ltiContexts.membershipsUrl, platform: ltiPlatforms })
      .from(ltiContexts)
      .leftJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiContexts.platformId))
      .where(eq(ltiContexts.classId, classId))
      .limit(1)
  )[0];
}

/** For the class page: whether this class's LMS course offers its roster. */
export async function canSyncRoster(actor: Actor | null, classId: string): Promise<boolean> {
  await taughtClass(actor, classId);
  const course = await courseOf(classId);
  return !!course?.membershipsUrl && !!course.platform;
}

export type RosterSync = { added: number; alreadyIn: number; skipped: number };

/** Reads the course's roster from the LMS and enrols its active learners in the class. */
export async function syncRoster(
  actor: Actor | null,
  classId: string,
  { fetchImpl = fetch, now = new Date() }: { fetchImpl?: typeof fetch; now?: Date } = {},
): Promise<RosterSync> {
  await taughtClass(actor, classId);
  const course = await courseOf(classId);
  if (!course?.membershipsUrl || !course.platform)
    throw new DomainError("This class's LMS course does not share its roster with Marginalia.");
  const members = await readRoster(course.membershipsUrl, course.platform, fetchImpl, now);
  return await inTransaction(getDb(), async (tx) => {
    const sync: RosterSync = { added: 0, alreadyIn: 0, skipped: 0 };
    for (const member of activeLearners(members)) {
      let student: Awaited<ReturnType<typeof linkedAccount>>;
      try {
        student = await linkedAccount(tx, course.issuer, { ...member, sub: member.user_id }, "student", now);
      } catch (err) {
        // An LMS account linked to an instructor's Marginalia account: not made a student here.
        if (err instanceof LaunchRefusal) {
          sync.skipped++;
          continue;
        }
        throw err;
      }
      const added = await tx
        .insert(enrollments)
        .values({ classId, studentId: student.id, joinedAt: now })
        .onConflictDoNothing()
        .returning({ id: enrollments.studentId });
      if (added.length > 0) sync.added++;
      else sync.alreadyIn++;
    }
    return sync;
  });
}

async function readRoster(
  firstPage: string,
  platform: typeof ltiPlatforms.$inferSelect,
  fetchImpl: typeof fetch,
  now: Date,
): Promise<RosterMember[]> {
  let token: string;
  try {
    token = await serviceToken(platform, NRPS_SCOPE, fetchImpl, now);
  } catch (err) {
    throw new DomainError(`Your LMS did not let Marginalia read the roster: ${(err as Error).message}`);
  }
  const members: RosterMember[] = [];
  let url: string | null = firstPage;
  for (let page = 0; url && page < MAX_ROSTER_PAGES; page++) {
    let res: Response;
    try {
      res = await fetchImpl(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: NRPS_MEDIA_TYPE },
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      throw new DomainError(
        `Marginalia could not reach your LMS for the roster (${(err as Error).message}). Try again.`,
      );
    }
    if (!res.ok) throw new DomainError(`Your LMS did not share the roster (HTTP ${res.status}). Try again later.`);
    const parsed = membershipContainerSchema.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new DomainError("Your LMS sent a roster Marginalia cannot read.");
    members.push(...parsed.data.members);
    const next = nextPageUrl(res.headers.get("link"));
    url = next && /^https?:\/\//.test(next) ? next : null;
  }
  return members;
}
