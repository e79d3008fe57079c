/**
 * LTI 1.3 launches (OpenID Connect third-party login): a registered platform starts a login,
 * Marginalia answers with a state and nonce, the platform posts back a signed id_token, and the
 * launch signs the person in to the account linked to their (issuer, subject) and puts them in the
 * class linked to their course. Every check comes before the first write: a refused launch writes
 * no account, class, enrolment or assignment (it only uses up its state, which is single-use).
 * The platform's signature is the authority here, so these functions take no actor.
 */
import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, isNull, lt, sum } from "drizzle-orm";
import {
  createRemoteJWKSet,
  decodeJwt,
  errors as jose,
  importJWK,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { getDb } from "../client";
import { inTransaction, type Tx } from "../transaction";
import {
  assignments,
  classes,
  enrollments,
  lessons,
  questions,
  ltiAccounts,
  ltiContexts,
  ltiDeepLinks,
  ltiDeployments,
  ltiLaunchStates,
  ltiPlatforms,
  ltiTickets,
  users,
} from "../schema";
import { isUniqueViolation } from "../dialect";
import { toolSigningKey } from "./lti-registrations";
import { recordGradeLink } from "./lti-scores";
import { AGS_SCORE_SCOPE } from "@/lib/lti/scores";
import {
  courseClassName,
  displayName,
  DEEP_LINK_TTL_MS,
  deepLinkingResponseClaims,
  LAUNCH_STATE_TTL_MS,
  LaunchRefusal,
  launchClaimsSchema,
  launchLessonSlug,
  LTI_CLAIM,
  launchFrameOrigin,
  type LaunchClaims,
  type LoginInitiation,
  MESSAGE_TYPES,
  missingClaimsMessage,
  roleFromLtiRoles,
  TICKET_TTL_MS,
} from "@/lib/lti/launch";
import { generateJoinCode, JOIN_CODE_LIFETIME_MS } from "@/lib/join-code";
import { placeholderEmail } from "@/lib/lti/placeholder-email";
import { z } from "zod";

const ASK_ADMIN = "Ask your LMS administrator to check how Marginalia is set up.";
const OPEN_AGAIN = "Open Marginalia again from your course.";

/** The platforms' key sets, fetched when first needed and kept (jose refetches on an unknown kid, at most every 30 s). */
const remoteKeySets = new Map<string, JWTVerifyGetKey>();
function remoteKeySet(jwksUrl: string): JWTVerifyGetKey {
  let keySet = remoteKeySets.get(jwksUrl);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 5000 });
    remoteKeySets.set(jwksUrl, keySet);
  }
  return keySet;
}

const token = () => randomBytes(24).toString("base64url");
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * Login initiation: checks that the issuer (and client id and deployment, when named) are
 * registered and that the launch is meant for this tool, stores a state and nonce, and returns
 * the platform's authorization URL to redirect to.
 */
export async function beginLogin(input: LoginInitiation, toolOrigin: string, now = new Date()): Promise<URL> {
  const db = getDb();
  const candidates = await db
    .select()
    .from(ltiPlatforms)
    .where(
      input.client_id
        ? and(eq(ltiPlatforms.issuer, input.iss), eq(ltiPlatforms.clientId, input.client_id))
        : eq(ltiPlatforms.issuer, input.iss),
    );
  if (candidates.length === 0)
    throw new LaunchRefusal(
      "unknown-issuer",
      `Marginalia does not know this LMS (${input.iss}). Its administrator registers it first (npm run lti:register).`,
    );
  if (candidates.length > 1)
    throw new LaunchRefusal(
      "ambiguous-issuer",
      `This LMS has several registrations here and did not say which (client_id). ${ASK_ADMIN}`,
    );
  const platform = candidates[0]!;
  if (input.lti_deployment_id) await requireDeployment(db, platform.id, input.lti_deployment_id);
  if (new URL(input.target_link_uri).origin !== toolOrigin)
    throw new LaunchRefusal("malformed-request", `This launch is meant for another tool (${input.target_link_uri}).`);

  const state = token();
  const nonce = token();
  await inTransaction(db, async (tx) => {
    await tx.delete(ltiLaunchStates).where(lt(ltiLaunchStates.expiresAt, now));
    await tx.insert(ltiLaunchStates).values({
      state,
      nonce,
      platformId: platform.id,
      expiresAt: new Date(now.getTime() + LAUNCH_STATE_TTL_MS),
    });
  });
  const url = new URL(platform.authUrl);
  const params: Record<string, string | undefined> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: `${toolOrigin}/api/lti/launch`,
    login_hint: input.login_hint,
    lti_message_hint: input.lti_message_hint,
    state,
    nonce,
  };
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url;
}

async function requireDeployment(db: ReturnType<typeof getDb> | Tx, platformId: string, deploymentId: string) {
  const found = await db
    .select({ id: ltiDeployments.deploymentId })
    .from(ltiDeployments)
    .where(and(eq(ltiDeployments.platformId, platformId), eq(ltiDeployments.deploymentId, deploymentId)))
    .limit(1);
  if (found.length === 0)
    throw new LaunchRefusal(
      "unknown-deployment",
      `This deployment of Marginalia in your LMS (${deploymentId}) is not registered. ${ASK_ADMIN}`,
    );
}

/** The id_token's signature and registered claims, checked with jose; each failure as a refusal. */
async function verifiedPayload(
  idToken: string,
  platform: typeof ltiPlatforms.$inferSelect,
  keySet: JWTVerifyGetKey,
  now: Date,
): Promise<JWTPayload> {
  try {
    decodeJwt(idToken);
  } catch {
    throw new LaunchRefusal("not-a-token", `The launch's id_token is not a signed token. ${ASK_ADMIN}`);
  }
  try {
    const { payload } = await jwtVerify(idToken, keySet, {
      algorithms: ["RS256", "RS384", "RS512", "ES256", "PS256"],
      issuer: platform.issuer,
      audience: platform.clientId,
      requiredClaims: ["iat", "exp", "sub", "nonce"],
      currentDate: now,
      clockTolerance: 5,
    });
    // With several audiences, the authorized party must be this tool (OpenID Connect Core 3.1.3.7).
    const multiple = Array.isArray(payload.aud) && payload.aud.length > 1;
    if ((multiple || payload.azp !== undefined) && payload.azp !== platform.clientId)
      throw new LaunchRefusal("wrong-audience", `This launch was meant for another tool (azp). ${ASK_ADMIN}`);
    return payload;
  } catch (err) {
    if (err instanceof LaunchRefusal) throw err;
    if (err instanceof jose.JWTExpired)
      throw new LaunchRefusal("expired-token", `The launch expired before it arrived. ${OPEN_AGAIN}`);
    if (err instanceof jose.JWTClaimValidationFailed) {
      if (err.claim === "iss")
        throw new LaunchRefusal(
          "wrong-issuer",
          `The launch names another LMS than the one that began it. ${ASK_ADMIN}`,
        );
      if (err.claim === "aud")
        throw new LaunchRefusal("wrong-audience", `This launch was meant for another tool. ${ASK_ADMIN}`);
      if (err.claim === "iat" || err.claim === "nbf")
        throw new LaunchRefusal("expired-token", `The launch is dated in the future or too long ago. ${OPEN_AGAIN}`);
      throw new LaunchRefusal("missing-claim", `The launch is missing ${err.claim}. ${ASK_ADMIN}`);
    }
    // The platform's key set did not come (network, timeout) or was not a key set.
    if (err instanceof jose.JWKSTimeout || err instanceof jose.JWKSInvalid || !(err instanceof jose.JOSEError))
      throw new LaunchRefusal("keys-unavailable", `Your LMS's signing keys could not be fetched. ${OPEN_AGAIN}`);
    throw new LaunchRefusal(
      "bad-signature",
      `The launch's signature does not match your LMS's keys, so it cannot be trusted. ${ASK_ADMIN}`,
    );
  }
}

export type CompletedLaunch = {
  userId: string;
  sessionVersion: number;
  name: string;
  email: string;
  role: "instructor" | "student";
  classId: string;
  /** The page the launch opens, on this site. */
  destination: string;
  /** For a deep-linking request: the one-time token of the lesson picker's form. */
  deepLinkRequest?: string;
  /** The origin the LMS shows the launch in, which may frame its pages (lib/lti/launch.ts launchFrameOrigin). */
  frameOrigin: string | null;
};

/**
 * The launch: consumes the state, verifies the id_token, and (in one transaction) links or makes
 * the account, the course's class, the enrolment and the lesson's assignment.
 */
export async function completeLaunch(
  form: { id_token: string; state: string },
  { now = new Date(), keySetFor = remoteKeySet }: { now?: Date; keySetFor?: (jwksUrl: string) => JWTVerifyGetKey } = {},
): Promise<CompletedLaunch> {
  const db = getDb();
  const pending = (
    await inTransaction(db, (tx) => tx.delete(ltiLaunchStates).where(eq(ltiLaunchStates.state, form.state)).returning())
  )[0];
  if (!pending)
    throw new LaunchRefusal(
      "unknown-state",
      `This sign-in from your LMS was already used or never began. ${OPEN_AGAIN}`,
    );
  if (pending.expiresAt <= now)
    throw new LaunchRefusal("expired-state", `This sign-in from your LMS took too long and expired. ${OPEN_AGAIN}`);
  const platform = (await db.select().from(ltiPlatforms).where(eq(ltiPlatforms.id, pending.platformId)).limit(1))[0];
  if (!platform)
    throw new LaunchRefusal("unknown-issuer", `This LMS is no longer registered with Marginalia. ${ASK_ADMIN}`);

  const payload = await verifiedPayload(form.id_token, platform, keySetFor(platform.jwksUrl), now);
  if (payload.nonce !== pending.nonce)
    throw new LaunchRefusal("nonce-mismatch", `This launch does not belong to this sign-in (nonce). ${OPEN_AGAIN}`);
  const parsed = launchClaimsSchema.safeParse(payload);
  if (!parsed.success) throw new LaunchRefusal("missing-claim", missingClaimsMessage(parsed.error));
  const claims = parsed.data;
  if (!(MESSAGE_TYPES as readonly string[]).includes(claims[LTI_CLAIM.messageType]))
    throw new LaunchRefusal(
      "wrong-message-type",
      `Marginalia does not take this kind of LTI message (${claims[LTI_CLAIM.messageType]}). ${ASK_ADMIN}`,
    );
  if (claims[LTI_CLAIM.version] !== "1.3.0")
    throw new LaunchRefusal(
      "wrong-version",
      `Marginalia speaks LTI 1.3.0; this launch is ${claims[LTI_CLAIM.version]}. ${ASK_ADMIN}`,
    );
  await requireDeployment(db, platform.id, claims[LTI_CLAIM.deploymentId]);
  const role = roleFromLtiRoles(claims[LTI_CLAIM.roles]);
  if (!role)
    throw new LaunchRefusal(
      "unsupported-role",
      "Marginalia opens for a course's instructors and students; your role in this course is neither.",
    );
  const deepLinking = claims[LTI_CLAIM.messageType] === "LtiDeepLinkingRequest";
  if (deepLinking) {
    if (role !== "instructor")
      throw new LaunchRefusal("deep-linking-refused", "Only a course's instructors add Marginalia lessons to it.");
    const settings = claims[LTI_CLAIM.deepLinkingSettings];
    if (!settings)
      throw new LaunchRefusal(
        "missing-claim",
        `The request from your LMS is missing the deep linking settings. ${ASK_ADMIN}`,
      );
    if (!settings.accept_types.includes("ltiResourceLink"))
      throw new LaunchRefusal(
        "deep-linking-refused",
        `Your LMS asked for ${settings.accept_types.join(", ") || "nothing"}; Marginalia adds LTI resource links. ${ASK_ADMIN}`,
      );
  }
  const slug = deepLinking ? null : launchLessonSlug(claims);
  const lesson = slug
    ? (await db.select({ id: lessons.id }).from(lessons).where(eq(lessons.slug, slug)).limit(1))[0]
    : undefined;
  if (slug && !lesson)
    throw new LaunchRefusal(
      "unknown-lesson",
      `This link opens a lesson Marginalia does not have (${slug}). Ask your instructor to choose the lesson again.`,
    );

  const frameOrigin = launchFrameOrigin(claims);
  // Two first launches of one person (or course) at once: the loser's transaction sees the winner's rows on retry.
  for (let attempt = 0; ; attempt++) {
    try {
      return await inTransaction(db, async (tx) => {
        const linked = { ...(await linkLaunch(tx, platform, claims, role, lesson?.id, slug, now)), frameOrigin };
        if (!deepLinking) return linked;
        const settings = claims[LTI_CLAIM.deepLinkingSettings]!;
        const request = token();
        await tx.delete(ltiDeepLinks).where(lt(ltiDeepLinks.expiresAt, now));
        await tx.insert(ltiDeepLinks).values({
          requestHash: sha256(request),
          platformId: platform.id,
          deploymentId: claims[LTI_CLAIM.deploymentId],
          returnUrl: settings.deep_link_return_url,
          data: settings.data ?? null,
          userId: linked.userId,
          classId: linked.classId,
          expiresAt: new Date(now.getTime() + DEEP_LINK_TTL_MS),
          frameOrigin,
        });
        return { ...linked, deepLinkRequest: request };
      });
    } catch (err) {
      const race =
        isUniqueViolation(err, "lti_accounts", "subject") ||
        isUniqueViolation(err, "lti_accounts", "issuer") ||
        isUniqueViolation(err, "lti_contexts", "context_id") ||
        isUniqueViolation(err, "lti_contexts", "issuer");
      if (!race || attempt >= 2) throw err;
    }
  }
}

const emailSchema = z.email().max(254);

async function linkLaunch(
  tx: Tx,
  { issuer, id: platformId }: { issuer: string; id: string },
  claims: LaunchClaims,
  role: "instructor" | "student",
  lessonId: string | undefined,
  slug: string | null,
  now: Date,
): Promise<Omit<CompletedLaunch, "frameOrigin">> {
  const user = await linkedAccount(tx, issuer, claims, role, now);
  const membershipsUrl = claims[LTI_CLAIM.rosterService]?.context_memberships_url ?? null;
  const context = claims[LTI_CLAIM.context];
  const linked = (
    await tx
      .select({ classId: ltiContexts.classId, instructorId: classes.instructorId })
      .from(ltiContexts)
      .innerJoin(classes, eq(classes.id, ltiContexts.classId))
      .where(and(eq(ltiContexts.issuer, issuer), eq(ltiContexts.contextId, context.id)))
      .limit(1)
  )[0];
  let classId: string;
  if (role === "instructor") {
    if (linked && linked.instructorId !== user.id)
      throw new LaunchRefusal(
        "other-instructor",
        "This course's Marginalia class belongs to another instructor; Marginalia has one instructor per class.",
      );
    classId = linked?.classId ?? (await newCourseClass(tx, issuer, context, user.id, now));
    // Where the course's roster can be read from, for the instructor's "Sync roster" (db/access/lti-roster.ts).
    await tx
      .update(ltiContexts)
      .set({ platformId, membershipsUrl })
      .where(and(eq(ltiContexts.issuer, issuer), eq(ltiContexts.contextId, context.id)));
  } else {
    if (!linked)
      throw new LaunchRefusal(
        "course-not-set-up",
        "Your instructor has not opened Marginalia in this course yet. Try again once they have.",
      );
    classId = linked.classId;
    await tx.insert(enrollments).values({ classId, studentId: user.id, joinedAt: now }).onConflictDoNothing();
  }
  if (lessonId) {
    // The LMS link is the instructor's assignment; its settings stay as the instructor last set them here.
    const showAnswers = claims[LTI_CLAIM.custom]?.show_answers === "true";
    await tx
      .insert(assignments)
      .values({ id: randomUUID(), classId, lessonId, dueAt: null, showAnswersAfterSubmit: showAnswers, createdAt: now })
      .onConflictDoNothing();
    // The link's line item, where this lesson's scores in the class go (Assignment and Grade Services).
    const grades = claims[LTI_CLAIM.gradeService];
    if (grades?.lineitem && grades.scope.includes(AGS_SCORE_SCOPE))
      await recordGradeLink(tx, { classId, lessonId, platformId, lineItemUrl: grades.lineitem }, now);
  }
  const destination =
    role === "instructor" ? `/classes/${classId}` : slug ? `/lessons/${encodeURIComponent(slug)}` : "/classes";
  return {
    userId: user.id,
    sessionVersion: user.sessionVersion,
    name: user.name,
    email: user.email,
    role,
    classId,
    destination,
  };
}

/**
 * The account linked to (issuer, subject), made on the first launch (or roster sync): no password,
 * the LMS's name and (if no other account uses it) email. Refused when the account has the other role.
 */
export async function linkedAccount(
  tx: Tx,
  issuer: string,
  claims: { sub: string; name?: string; given_name?: string; family_name?: string; email?: string },
  role: "instructor" | "student",
  now: Date,
) {
  const existing = (
    await tx
      .select({ user: users })
      .from(ltiAccounts)
      .innerJoin(users, eq(users.id, ltiAccounts.userId))
      .where(and(eq(ltiAccounts.issuer, issuer), eq(ltiAccounts.subject, claims.sub)))
      .limit(1)
  )[0]?.user;
  if (existing) {
    if (existing.role !== role)
      throw new LaunchRefusal(
        "role-mismatch",
        `Your Marginalia account from this LMS is a ${existing.role}'s, and this course names you ${role === "instructor" ? "an instructor" : "a student"}. Ask your LMS administrator.`,
      );
    return existing;
  }
  const lmsEmail = emailSchema.safeParse(claims.email?.toLowerCase());
  const emailFree =
    lmsEmail.success &&
    (await tx.select({ id: users.id }).from(users).where(eq(users.email, lmsEmail.data)).limit(1)).length === 0;
  const row = {
    id: randomUUID(),
    // An email already used by another account is not taken over: the LMS account gets its own address.
    email: emailFree && lmsEmail.success ? lmsEmail.data : placeholderEmail(randomUUID()),
    name: displayName(claims),
    role,
    // Not a scrypt hash, so no password ever matches: these accounts sign in only through their LMS.
    passwordHash: "lti",
    sessionVersion: 1,
    createdAt: now,
  };
  await tx.insert(users).values(row);
  await tx.insert(ltiAccounts).values({ issuer, subject: claims.sub, userId: row.id, createdAt: now });
  return row;
}

async function newCourseClass(
  tx: Tx,
  issuer: string,
  context: LaunchClaims[typeof LTI_CLAIM.context],
  instructorId: string,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await tx.insert(classes).values({
    id,
    name: courseClassName(context),
    instructorId,
    joinCode: generateJoinCode(),
    joinCodeExpiresAt: new Date(now.getTime() + JOIN_CODE_LIFETIME_MS),
    createdAt: now,
  });
  await tx.insert(ltiContexts).values({ issuer, contextId: context.id, classId: id, createdAt: now });
  return id;
}

/** A one-time pass from a framed launch to a new window; returns the ticket to put in its link. */
export async function issueTicket(userId: string, destination: string, now = new Date()): Promise<string> {
  const ticket = token();
  await inTransaction(getDb(), async (tx) => {
    await tx.delete(ltiTickets).where(lt(ltiTickets.expiresAt, now));
    await tx
      .insert(ltiTickets)
      .values({ ticketHash: sha256(ticket), userId, destination, expiresAt: new Date(now.getTime() + TICKET_TTL_MS) });
  });
  return ticket;
}

/** Uses a ticket up: the account to sign in and where to go, or a refusal. */
export async function redeemTicket(
  ticket: string,
  now = new Date(),
): Promise<{
  userId: string;
  sessionVersion: number;
  name: string;
  email: string;
  role: "instructor" | "student";
  destination: string;
}> {
  const db = getDb();
  const row = (
    await inTransaction(db, (tx) =>
      tx
        .delete(ltiTickets)
        .where(eq(ltiTickets.ticketHash, sha256(ticket)))
        .returning(),
    )
  )[0];
  if (!row || row.expiresAt <= now)
    throw new LaunchRefusal("unknown-ticket", `This link to Marginalia was already used or has expired. ${OPEN_AGAIN}`);
  const user = (await db.select().from(users).where(eq(users.id, row.userId)).limit(1))[0];
  if (!user) throw new LaunchRefusal("unknown-ticket", `This account no longer exists. ${OPEN_AGAIN}`);
  return {
    userId: user.id,
    sessionVersion: user.sessionVersion,
    name: user.name,
    email: user.email,
    role: user.role,
    destination: row.destination,
  };
}

/** The lessons an instructor may pick in deep linking, with the points a line item is out of. */
export async function deepLinkChoices(): Promise<{ slug: string; title: string; points: number }[]> {
  const rows = await getDb()
    .select({ slug: lessons.slug, title: lessons.title, points: sum(questions.points) })
    .from(lessons)
    .leftJoin(questions, and(eq(questions.lessonId, lessons.id), isNull(questions.retiredAt)))
    .groupBy(lessons.id, lessons.slug, lessons.title)
    .orderBy(asc(lessons.title));
  return rows.map((r) => ({ slug: r.slug, title: r.title, points: Number(r.points ?? 0) }));
}

/** The class a deep-linking request came from, for the picker's wording; null when the request is unknown. */
export async function deepLinkClassName(request: string): Promise<string | null> {
  const row = (
    await getDb()
      .select({ name: classes.name })
      .from(ltiDeepLinks)
      .innerJoin(classes, eq(classes.id, ltiDeepLinks.classId))
      .where(eq(ltiDeepLinks.requestHash, sha256(request)))
      .limit(1)
  )[0];
  return row?.name ?? null;
}

/**
 * The instructor's choice in deep linking: uses the request up, assigns the lesson to the course's
 * class with the chosen setting, and returns the signed LtiDeepLinkingResponse and where to post it.
 */
export async function completeDeepLink(
  input: { request: string; lesson: string; showAnswers: boolean },
  toolOrigin: string,
  now = new Date(),
): Promise<{ returnUrl: string; jwt: string; lessonTitle: string; frameOrigin: string | null }> {
  const db = getDb();
  const lesson = (await deepLinkChoices()).find((l) => l.slug === input.lesson);
  const lessonId = lesson
    ? (await db.select({ id: lessons.id }).from(lessons).where(eq(lessons.slug, lesson.slug)).limit(1))[0]?.id
    : undefined;
  if (!lesson || !lessonId)
    throw new LaunchRefusal(
      "unknown-lesson",
      "Choose one of the lessons listed. Open Marginalia again from your course.",
    );
  const pending = await inTransaction(db, async (tx) => {
    const row = (
      await tx
        .delete(ltiDeepLinks)
        .where(eq(ltiDeepLinks.requestHash, sha256(input.request)))
        .returning()
    )[0];
    if (!row || row.expiresAt <= now) return null;
    const settings = { dueAt: null, showAnswersAfterSubmit: input.showAnswers };
    await tx
      .insert(assignments)
      .values({ id: randomUUID(), classId: row.classId, lessonId, ...settings, createdAt: now })
      .onConflictDoUpdate({ target: [assignments.classId, assignments.lessonId], set: settings });
    return row;
  });
  if (!pending)
    throw new LaunchRefusal(
      "unknown-deep-link",
      "This choice was already sent to your LMS, or took longer than half an hour. Add Marginalia again from your course.",
    );
  const platform = (await db.select().from(ltiPlatforms).where(eq(ltiPlatforms.id, pending.platformId)).limit(1))[0];
  if (!platform)
    throw new LaunchRefusal("unknown-issuer", `This LMS is no longer registered with Marginalia. ${ASK_ADMIN}`);
  const key = await toolSigningKey(now);
  const claims = deepLinkingResponseClaims({
    clientId: platform.clientId,
    platformIssuer: platform.issuer,
    deploymentId: pending.deploymentId,
    data: pending.data,
    toolOrigin,
    lesson,
    showAnswers: input.showAnswers,
    nonce: token(),
  });
  const jwt = await new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(now.getTime() / 1000) + 300)
    .sign(await importJWK(key.privateJwk, "RS256"));
  return { returnUrl: pending.returnUrl, jwt, lessonTitle: lesson.title, frameOrigin: pending.frameOrigin };
}
